package cn.fupin.household.imports;

import java.util.List;

/** What an import came to, as its job records it. */
record ImportOutcome(ImportJob.State state, int rows, ImportJob.Counts counts, int errorCount,
        List<ImportJob.RowError> errors, List<ImportJob.RowError> notices, List<String> ignoredColumns,
        String failure) {

    /** The file could not be read, or the import could not start: nothing was kept. */
    static ImportOutcome failed(String why) {
        return new ImportOutcome(ImportJob.State.FAILED, 0, ImportJob.Counts.NONE, 0, List.of(), List.of(), List.of(),
                why);
    }
}
