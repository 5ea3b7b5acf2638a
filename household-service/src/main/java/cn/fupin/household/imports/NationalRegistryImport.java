package cn.fupin.household.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.household.annual.AnnualRecords;
import cn.fupin.household.annual.ImportedYear;
import cn.fupin.household.household.HouseholdImported;
import cn.fupin.household.household.ImportedHousehold;
import cn.fupin.household.household.RegistryImports;
import cn.fupin.household.imports.national.NationalRows;
import cn.fupin.household.imports.national.NationalRows.ReadHousehold;
import cn.fupin.household.imports.table.TableFormat;
import cn.fupin.household.imports.table.TableRows;
import cn.fupin.household.imports.table.UnreadableTableException;
import cn.fupin.platform.domain.FieldError;

/**
 * Runs one import of the national registry's export: the file is read row by row, its households checked and
 * written a batch at a time with the year's income and conditions the export states, all in one transaction — kept whole, or (all or nothing, with a bad row) not at all;
 * with {@code partial}, the good households are kept and the bad ones reported. Progress is written beside it, so it
 * can be read while the import runs.
 */
@Component
class NationalRegistryImport {

    /** Households checked and written together: one query each for their ID numbers and their 户编号. */
    static final int BATCH = 500;

    private final RegistryImports registry;
    private final AnnualRecords annualRecords;
    private final ImportProgress progress;
    private final Codebook codebook;
    private final DivisionTree divisions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** Rows a file may have: a province's export is split by county. */
    private final int maxRows;

    NationalRegistryImport(RegistryImports registry, AnnualRecords annualRecords, ImportProgress progress,
            Codebook codebook, DivisionTree divisions, PlatformTransactionManager transactionManager, Clock clock,
            @Value("${fupin.imports.max-rows:2000000}") int maxRows) {
        this.registry = registry;
        this.annualRecords = annualRecords;
        this.progress = progress;
        this.codebook = codebook;
        this.divisions = divisions;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.maxRows = maxRows;
    }

    ImportOutcome run(ImportJob job, Path file) {
        TableFormat format;
        try {
            format = TableFormat.of(file);
            progress.started(job.id(), format.estimateRows(file));
        }
        catch (IOException ex) {
            return ImportOutcome.failed("无法读取上传的文件：" + ex.getMessage());
        }
        Run run = new Run(job);
        try {
            transactions.executeWithoutResult(status -> {
                try {
                    format.read(file, run);
                    run.rows.finish();
                    run.flush();
                }
                catch (IOException | UnreadableTableException ex) {
                    throw new Unreadable(ex.getMessage());
                }
                run.fileErrors();
                if (!job.partial() && !run.errors.isEmpty()) {
                    status.setRollbackOnly();
                }
            });
        }
        catch (Unreadable | NationalRows.HeaderNotFoundException ex) {
            return ImportOutcome.failed(ex.getMessage());
        }
        if (!job.partial() && !run.errors.isEmpty()) {
            ImportJob.Counts none = new ImportJob.Counts(0, 0, 0, run.counts.rejected());
            return new ImportOutcome(ImportJob.State.REJECTED, run.rows.rowsRead(), none, run.errors.size(), run.errors,
                    List.of(), run.rows.ignoredHeaders(), null);
        }
        return new ImportOutcome(ImportJob.State.SUCCEEDED, run.rows.rowsRead(), run.counts, run.errors.size(), run.errors,
                run.notices, run.rows.ignoredHeaders(), null);
    }

    /** The file could not be read as an export: nothing is kept. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    /** One import's state while it reads. */
    private final class Run implements TableRows {

        private final ImportJob job;
        private final NationalRows rows;
        private final List<ReadHousehold> batch = new ArrayList<>(BATCH);
        private final List<ImportJob.RowError> errors = new ArrayList<>();
        private final List<ImportJob.RowError> notices = new ArrayList<>();
        private final HouseholdImported.Origin origin;
        private final int year;
        private ImportJob.Counts counts = ImportJob.Counts.NONE;
        private String sheet = "";

        Run(ImportJob job) {
            this.job = job;
            this.year = LocalDate.now(clock.withZone(WorkYear.ZONE)).getYear();
            this.rows = new NationalRows(codebook, divisions, job.areaCode(), year, this::add);
            this.origin = new HouseholdImported.Origin(job.kind().name(), job.id(), clock.instant());
        }

        @Override
        public void sheet(String name) {
            sheet = name;
        }

        @Override
        public void row(int number, List<String> cells) {
            if (rows.rowsRead() >= maxRows) {
                throw new Unreadable("文件超过 " + maxRows + " 行的上限：请按县（市、区）或乡镇分开导入");
            }
            rows.row(number, cells);
        }

        private void add(ReadHousehold household) {
            batch.add(household);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        /** Checks and (while the import is to be kept) writes the households read so far. */
        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<ImportedHousehold> households = batch.stream().map(ReadHousehold::household).toList();
            Set<Integer> unreadable = new HashSet<>();
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).unreadable()) {
                    unreadable.add(i);
                }
            }
            boolean write = job.partial() || errors.isEmpty() && unreadable.isEmpty();
            RegistryImports.BatchOutcome outcome = registry.importBatch(households, unreadable, origin, year, write);
            Set<Integer> refused = new HashSet<>(unreadable);
            refused.addAll(outcome.refused().keySet());
            for (int i = 0; i < batch.size(); i++) {
                ReadHousehold read = batch.get(i);
                Set<String> located = new HashSet<>();
                for (NationalRows.RowError error : read.readErrors()) {
                    errors.add(rowError(error));
                    located.add(error.row() + "/" + error.column());
                }
                for (FieldError error : outcome.refused().getOrDefault(i, List.of())) {
                    NationalRows.RowError at = rows.locate(read, error);
                    if (located.add(at.row() + "/" + at.column())) {
                        errors.add(rowError(at));
                    }
                }
            }
            Set<UUID> recorded = write ? annualRecords.takeOver(takenOver(outcome), origin) : Set.of();
            int created = write ? outcome.created().size() : 0;
            int updated = write ? outcome.changed().size() : 0;
            int unchanged = 0;
            for (int i : outcome.unchanged()) {
                // a household the same in the export but for its year's record: corrected too
                if (recorded.contains(outcome.kept().get(i))) {
                    updated++;
                }
                else {
                    unchanged++;
                }
            }
            counts = counts.plus(new ImportJob.Counts(created, updated, unchanged, refused.size()));
            outcome.notApplied().forEach((i, words) -> words.forEach(notice -> notices.add(new ImportJob.RowError(
                    sheet, batch.get(i).firstRow(), "户编号", null, null, batch.get(i).household().registryNumber(),
                    notice))));
            batch.clear();
            int done = rows.rowsRead();
            ImportJob.Counts sofar = counts;
            int errorCount = errors.size();
            progress.progressed(job.id(), done, sofar, errorCount);
        }

        /** The year's records the export states for the households of the batch now in the registry. */
        private List<AnnualRecords.TakenOver> takenOver(RegistryImports.BatchOutcome outcome) {
            List<AnnualRecords.TakenOver> records = new ArrayList<>();
            outcome.kept().forEach((i, householdId) -> {
                ImportedYear annual = batch.get(i).annual();
                if (annual != null) {
                    records.add(new AnnualRecords.TakenOver(householdId, outcome.written().get(i), annual));
                }
            });
            return records;
        }

        void fileErrors() {
            rows.fileErrors().forEach(error -> errors.add(rowError(error)));
        }

        private ImportJob.RowError rowError(NationalRows.RowError error) {
            return new ImportJob.RowError(sheet, error.row(), error.column(), error.cell(), error.indicator(),
                    error.householdNumber(), error.message());
        }
    }
}
