package cn.fupin.platform.jdbc;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY} in its text format (tab-separated, {@code \N} for null, backslash escapes,
 * arrays and bytea as literals), and their copy into a table: the bulk path's writer, past per-row statements.
 */
public final class CopyRows {

    private static final HexFormat HEX = HexFormat.of();
    private final StringBuilder text;
    private boolean first = true;

    /** Rows of a statement's worth. */
    public CopyRows() {
        this(1 << 16);
    }

    /** Rows of about {@code capacity} characters: a household's few, kept to be copied with others later. */
    public CopyRows(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    /** Appends rows ended before ({@link #end}), made apart: one household's, say, among a batch's. */
    public CopyRows addRows(CopyRows rows) {
        if (!first) {
            throw new IllegalStateException("a row is still open");
        }
        text.append(rows.text);
        return this;
    }

    /** The next column's value of the current row. */
    public CopyRows add(Object value) {
        if (!first) {
            text.append('\t');
        }
        first = false;
        switch (value) {
            case null -> text.append("\\N");
            case byte[] bytes -> text.append("\\\\x").append(HEX.formatHex(bytes));
            case List<?> list -> {
                text.append('{');
                for (int i = 0; i < list.size(); i++) {
                    text.append(i == 0 ? "" : ",").append('"');
                    escape(String.valueOf(list.get(i)).replace("\\", "\\\\").replace("\"", "\\\""));
                    text.append('"');
                }
                text.append('}');
            }
            case Instant instant -> text.append(instant);
            case Timestamp timestamp -> text.append(timestamp.toInstant());
            case LocalDate date -> text.append(date);
            case Boolean bool -> text.append(bool ? 't' : 'f');
            case BigDecimal decimal -> text.append(decimal.toPlainString());
            case Number number -> text.append(number);
            case UUID id -> text.append(id);
            default -> escape(value.toString());
        }
        return this;
    }

    /** Ends the current row. */
    public void end() {
        text.append('\n');
        first = true;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** The rows as {@code COPY} reads them. */
    @Override
    public String toString() {
        return text.toString();
    }

    /**
     * Copies the rows into {@code table} on the given connection, in its transaction. PostgreSQL copies into no table
     * under row-level security, so the rows are copied into a temporary table of the same columns (dropped with the
     * transaction) and inserted from there in one statement, the policies checking each row as for any insert.
     */
    public void copyInto(Connection connection, String table, String columns) {
        String staging = "copy_" + table;
        try (var statement = connection.createStatement()) {
            statement.execute("create temporary table if not exists " + staging + " (like " + table
                    + ") on commit drop");
            copyStraightInto(connection, staging, columns);
            statement.execute("insert into " + table + " (" + columns + ") select " + columns + " from " + staging);
            statement.execute("truncate " + staging);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("COPY into " + table + " failed: " + ex.getMessage(), ex);
        }
    }

    /**
     * Copies the rows straight into {@code table}, which must be under no row-level security (a transaction's own
     * temporary table): one {@code COPY}, no table in between.
     */
    public void copyStraightInto(Connection connection, String table, String columns) {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " (" + columns
                    + ") from stdin", new StringReader(text.toString()));
        }
        catch (SQLException | IOException ex) {
            throw new IllegalStateException("COPY into " + table + " failed: " + ex.getMessage(), ex);
        }
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
