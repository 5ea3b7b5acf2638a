package cn.fupin.household.household;

import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.platform.pii.BackgroundPass;
import cn.fupin.platform.pii.IdNumberHash;
import cn.fupin.platform.pii.StoredIdNumbers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * During a rotation of the ID-hash key (the previous key configured beside the new one), stores every ID number of
 * the registry again under the new key, in the background after each start: a batch of households at a time, each
 * batch its own transaction. A household holding a number hashed with the previous key — a member's or a helper's —
 * is saved again through its aggregate, which writes its numbers under the current key and publishes its members'
 * new hashes ({@code HouseholdUpdated}); its correction history's numbers are rewritten in place. A batch that fails
 * (a household changed meanwhile) is left for the next pass, at the interval, until none is left; {@code
 * fupin.pii.id-numbers-under-previous-hash-key} says how many households were left (0: done; -1 before the first
 * pass), and then the previous key can go (docs/operations.md).
 */
@Component
class IdNumberRehashing extends BackgroundPass {

    private static final Logger log = LoggerFactory.getLogger(IdNumberRehashing.class);
    private static final int BATCH = 200;

    private final IdNumberHash idHash;
    private final StoredIdNumbers stored;
    private final HouseholdRepository households;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AtomicLong left;

    IdNumberRehashing(IdNumberHash idHash, StoredIdNumbers stored, HouseholdRepository households, JdbcClient jdbc,
            PlatformTransactionManager transactions, @Value("${fupin.pii.reseal-retry:PT5M}") Duration interval,
            MeterRegistry meters) {
        super("id-number-rehashing", interval);
        this.idHash = idHash;
        this.stored = stored;
        this.households = households;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.left = new AtomicLong(idHash.rotating() ? -1 : 0);
        Gauge.builder("fupin.pii.id-numbers-under-previous-hash-key", left, AtomicLong::get)
                .description("households whose ID numbers were left under the previous ID-hash key at the last pass "
                        + "(-1 before the first, 0 when no key is being rotated out)")
                .register(meters);
    }

    /** What a pass did: households stored again under the current key, and households it could not. */
    record Pass(long rehashed, long left) {
    }

    /** Every household of the registry looked at once, a batch at a time. */
    Pass pass() {
        long rehashed = 0;
        long failed = 0;
        UUID after = null;
        while (true) {
            List<UUID> ids = jdbc.sql("""
                    select id from household_area where cast(:after as uuid) is null or id > cast(:after as uuid)
                    order by id limit :limit""").param("after", after).param("limit", BATCH).query(UUID.class).list();
            if (ids.isEmpty()) {
                break;
            }
            after = ids.getLast();
            try {
                rehashed += transactions.execute(status -> batch(ids));
            }
            catch (DataAccessException ex) {
                log.warn("ID numbers of {} households not hashed again this pass: {}", ids.size(), ex.getMessage());
                failed += ids.size();
            }
        }
        left.set(failed);
        if (rehashed > 0 || failed > 0) {
            log.info("ID numbers stored again under the current hash key: {} households; {} left for the next pass",
                    rehashed, failed);
        }
        return new Pass(rehashed, failed);
    }

    private int batch(List<UUID> ids) {
        UUID[] batch = ids.toArray(UUID[]::new);
        Set<UUID> stale = new LinkedHashSet<>();
        jdbc.sql("""
                select household_id, id_number from member where household_id = any(:ids) and id_number is not null
                union all
                select household_id, id_number from helper where household_id = any(:ids) and id_number is not null""")
                .param("ids", batch).query(rs -> {
                    if (!stored.hashedWithCurrentKey(rs.getBytes(2))) {
                        stale.add(rs.getObject(1, UUID.class));
                    }
                });
        List<Household> rehashed = new ArrayList<>();
        for (Household household : households.findAllById(stale)) {
            household.rehashIdNumbers();
            rehashed.add(household);
        }
        households.saveAll(rehashed);
        rehashCorrections(batch);
        return rehashed.size();
    }

    /** The correction history's old and new ID numbers, rewritten where the previous key hashed them. */
    private void rehashCorrections(UUID[] households) {
        record Correction(long id, byte[] oldNumber, byte[] newNumber) {
        }
        List<Correction> stale = jdbc.sql("""
                select id, old_id_number, new_id_number from member_correction
                where household_id = any(:ids) and (old_id_number is not null or new_id_number is not null)""")
                .param("ids", households)
                .query((rs, n) -> new Correction(rs.getLong(1), rs.getBytes(2), rs.getBytes(3))).stream()
                .filter(row -> stale(row.oldNumber()) || stale(row.newNumber())).toList();
        for (Correction row : stale) {
            jdbc.sql("update member_correction set old_id_number = :old, new_id_number = :new where id = :id")
                    .param("old", again(row.oldNumber()), Types.BINARY)
                    .param("new", again(row.newNumber()), Types.BINARY).param("id", row.id()).update();
        }
    }

    private boolean stale(byte[] value) {
        return value != null && !stored.hashedWithCurrentKey(value);
    }

    private byte[] again(byte[] value) {
        return value == null ? null : stored.store(stored.read(value));
    }

    @Override
    protected boolean needed() {
        return idHash.rotating();
    }

    @Override
    protected boolean runPass() {
        return pass().left() == 0;
    }
}
