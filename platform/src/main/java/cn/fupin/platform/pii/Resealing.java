package cn.fupin.platform.pii;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * After the personal-data key is rotated — a key added to {@code fupin.pii.encryption-keys} and made current, the
 * service restarted — seals again, in the background, every value an older key sealed, so that the older key can
 * then be removed. A batch of rows at a time, each batch its own transaction taking rows no one else holds ({@code
 * for update skip locked}: several instances share the work); a value that no configured key opens is left as it is
 * and counted. One pass after each start (a rotation needs one), tried again at the interval until it has run;
 * {@code fupin.pii.sealed-with-older-keys} says how many values it left (0: the older keys may go).
 */
public class Resealing extends BackgroundPass {

    private static final Logger log = LoggerFactory.getLogger(Resealing.class);
    private static final int BATCH = 500;

    private final List<SealedColumn> columns;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final PersonalDataCipher cipher;
    private final AtomicLong older = new AtomicLong(-1);

    public Resealing(List<SealedColumn> columns, DataSource dataSource, TransactionTemplate transactions,
            PersonalDataCipher cipher, Duration interval, MeterRegistry meters) {
        super("pii-resealing", interval);
        this.columns = List.copyOf(columns);
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.cipher = cipher;
        Gauge.builder("fupin.pii.sealed-with-older-keys", older, AtomicLong::get)
                .description("personal data values sealed with a key older than the current one, at the last pass "
                        + "(-1 before the first)")
                .register(meters);
    }

    /** What a pass did. */
    public record Pass(long resealed, long unopened) {
    }

    /** Seals again every value an older key sealed, in every column; returns what it did. */
    public Pass pass() {
        long resealed = 0;
        long unopened = 0;
        for (SealedColumn column : columns) {
            List<String> refused = new ArrayList<>();
            Batch batch;
            do {
                batch = transactions.execute(status -> batch(column, refused));
                resealed += batch.resealed();
            }
            while (batch.examined() > 0);
            unopened += refused.size();
        }
        older.set(unopened);
        if (resealed > 0 || unopened > 0) {
            log.info("personal data sealed again with key {}: {} values; {} no configured key opens", cipher.currentKey(),
                    resealed, unopened);
        }
        return new Pass(resealed, unopened);
    }

    private record Batch(long examined, long resealed) {
    }

    /** One batch of a column's values sealed with an older key, the ones refused before left out. */
    private Batch batch(SealedColumn column, List<String> refused) {
        String context = column.contextColumns().isEmpty() ? ""
                : ", " + String.join(", ", column.contextColumns().stream().map(name -> name + "::text").toList());
        // a row's place: its table (a partition, in a partitioned table: tuple ids repeat across them) and tuple
        String placeOf = "tableoid::regclass::text || ' ' || ctid::text";
        String select = "select " + placeOf + ", " + column.column() + context + " from " + column.table()
                + " where " + column.column() + " is not null and get_byte(" + column.column() + ", "
                + column.offset() + ") <> ? and not (" + placeOf + " = any(?)) limit " + BATCH
                + " for update skip locked";
        String update = "update " + column.table() + " set " + column.column() + " = ?"
                + " where ctid = split_part(?, ' ', 2)::tid and tableoid = split_part(?, ' ', 1)::regclass";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement query = connection.prepareStatement(select);
                PreparedStatement write = connection.prepareStatement(update)) {
            query.setInt(1, cipher.currentKey());
            query.setArray(2, connection.createArrayOf("text", refused.toArray()));
            long examined = 0;
            long resealed = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    examined++;
                    String place = rows.getString(1);
                    byte[] value = rows.getBytes(2);
                    List<String> contextValues = new ArrayList<>();
                    for (int i = 0; i < column.contextColumns().size(); i++) {
                        contextValues.add(rows.getString(3 + i));
                    }
                    byte[] associated = column.associated().of(value, contextValues);
                    byte[] sealed;
                    try {
                        sealed = cipher.reseal(Arrays.copyOfRange(value, column.offset(), value.length),
                                associated);
                    }
                    catch (PersonalDataCipher.TamperedException ex) {
                        log.warn("{}.{} at {}: not sealed again ({})", column.table(), column.column(), place,
                                ex.getMessage());
                        refused.add(place);
                        continue;
                    }
                    byte[] replaced = Arrays.copyOf(value, column.offset() + sealed.length);
                    System.arraycopy(sealed, 0, replaced, column.offset(), sealed.length);
                    write.setBytes(1, replaced);
                    write.setString(2, place);
                    write.setString(3, place);
                    write.addBatch();
                    resealed++;
                }
            }
            if (resealed > 0) {
                write.executeBatch();
            }
            return new Batch(examined, resealed);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("sealing " + column.table() + "." + column.column() + " again failed: "
                    + ex.getMessage(), ex);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    @Override
    protected boolean runPass() {
        pass();
        return true;
    }
}
