package cn.fupin.platform.pii;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A column whose values {@link PersonalDataCipher} sealed, as {@link Resealing} finds and seals them again after a
 * key rotation: where in the value the sealed part starts (after an ID number's hash, {@link StoredIdNumbers}), and
 * the associated data it was sealed with — constant, the value's own hash, or taken from other columns of its row.
 *
 * @param table the table, as the service's connections name it
 * @param column the sealed column (a row where it is null has nothing to seal)
 * @param offset where the sealed part starts in the value (its first byte is the key's number)
 * @param contextColumns the row's columns the associated data is made of (in {@link Associated#of}'s order)
 * @param associated the associated data of a value
 */
public record SealedColumn(String table, String column, int offset, List<String> contextColumns,
        Associated associated) {

    /** The associated data a value was sealed with. */
    @FunctionalInterface
    public interface Associated {

        /**
         * @param value the column's whole value
         * @param context the row's {@link #contextColumns} as text, in their order
         */
        byte[] of(byte[] value, List<String> context);
    }

    public SealedColumn {
        for (String name : concat(table, column, contextColumns)) {
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("not an identifier: " + name);
            }
        }
        contextColumns = List.copyOf(contextColumns);
    }

    /** ID numbers as {@link StoredIdNumbers} stores them: the hash in front is the associated data. */
    public static SealedColumn idNumbers(String table, String column) {
        return new SealedColumn(table, column, StoredIdNumbers.HASH_BYTES, List.of(),
                (value, context) -> Arrays.copyOf(value, StoredIdNumbers.HASH_BYTES));
    }

    /** Values sealed alone, each with the same associated data. */
    public static SealedColumn text(String table, String column, byte[] associated) {
        byte[] copy = associated.clone();
        return new SealedColumn(table, column, 0, List.of(), (value, context) -> copy.clone());
    }

    /** Values sealed with associated data made of other columns of their row, joined by new lines after a prefix. */
    public static SealedColumn bound(String table, String column, String prefix, String... contextColumns) {
        return new SealedColumn(table, column, 0, List.of(contextColumns),
                (value, context) -> (prefix + "\n" + String.join("\n", context)).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> concat(String table, String column, List<String> context) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(table, column), context.stream()).toList();
    }
}
