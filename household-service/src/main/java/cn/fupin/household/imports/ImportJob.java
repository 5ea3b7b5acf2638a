package cn.fupin.household.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import of one file, as its progress and result are read: what it was asked to do, how far it got, what became
 * of the households, every row it refused (the first thousand are listed; {@code errorCount} counts them all), and
 * what it applied in part (a household corrected by a newer export, but for a difference that needs a correction
 * with its basis).
 */
public record ImportJob(UUID id, Kind kind, State state, String areaCode, boolean partial, String fileName,
        String mediaType, long sizeBytes, String sha256, Integer rowsTotal, int rowsDone, Counts households,
        int errorCount, List<RowError> errors, List<RowError> notices, List<String> ignoredColumns, String failure,
        String requestedBy,
        Instant requestedAt, Instant startedAt, Instant finishedAt) {

    /** The errors a job lists; beyond them it only counts. */
    public static final int LISTED_ERRORS = 1000;

    public enum Kind {
        /** 国扶系统全县全字段导出. */
        NATIONAL_REGISTRY,
        /** 填好的采集表 1–4 (one village's). */
        FORM_1, FORM_2, FORM_3, FORM_4;

        /** The kind of an import of form 1–4. */
        public static Kind form(int number) {
            return valueOf("FORM_" + number);
        }
    }

    public enum State {
        QUEUED, RUNNING,
        /** Read to the end and kept: every household, or (partial) the good ones. */
        SUCCEEDED,
        /** All or nothing, and some rows were bad: nothing was kept. */
        REJECTED,
        /** The file could not be read, or the service failed: nothing was kept. */
        FAILED;

        public boolean finished() {
            return this == SUCCEEDED || this == REJECTED || this == FAILED;
        }
    }

    /** What became of the file's households. */
    public record Counts(int created, int updated, int unchanged, int rejected) {

        public static final Counts NONE = new Counts(0, 0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(created + other.created, updated + other.updated, unchanged + other.unchanged,
                    rejected + other.rejected);
        }
    }

    /**
     * One refused row, as a clerk finds it in the file.
     *
     * @param column the column's header as the file has it
     * @param cell the cell's reference, e.g. {@code F12}; null when the file has no such column
     */
    public record RowError(String sheet, int row, String column, String cell, String indicator,
            String householdNumber, String message) {
    }
}
