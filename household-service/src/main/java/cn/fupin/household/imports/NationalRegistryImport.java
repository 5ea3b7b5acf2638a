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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

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
                run.readAndWrite(format, file);
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

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            }
            catch (InterruptedException ex) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The file could not be read as an export: nothing is kept. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    /**
     * One import's state while it runs on two threads: a reader turns the file's rows into households and checks
     * them with the rules, batch by batch, drafting the good ones as they would be written
     * ({@link RegistryImports#check}), while the job's thread checks the batches read before against the registry and
     * writes them in the job's transaction (the reader touches no database), so that the Java work of the next batch
     * overlaps with PostgreSQL's of this one.
     */
    private final class Run implements TableRows {

        /** Batches read and not yet written: the reader waits when it is this far ahead. */
        private static final int AHEAD = 4;
        private static final Batch END = new Batch(List.of(), Set.of(), null, "", 0);

        private final ImportJob job;
        private final NationalRows rows;
        private final BlockingQueue<Batch> read = new ArrayBlockingQueue<>(AHEAD);
        private volatile boolean stopped;
        private volatile RuntimeException readFailure;
        private List<ReadHousehold> reading = new ArrayList<>(BATCH);
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

        /**
         * Households read and checked together (those whose rows could not all be read by their index), with the
         * sheet they stand on and the rows read up to them.
         */
        private record Batch(List<ReadHousehold> households, Set<Integer> unreadable,
                RegistryImports.CheckedBatch checked, String sheet, int rowsRead) {
        }

        /** Reads the file on a thread of its own and writes its batches on this one, as they come. */
        void readAndWrite(TableFormat format, Path file) {
            Thread reader = Thread.ofPlatform().name("national-import-reader").start(() -> {
                try {
                    format.read(file, this);
                    rows.finish();
                    hand();
                }
                catch (IOException | UnreadableTableException ex) {
                    readFailure = new Unreadable(ex.getMessage());
                }
                catch (RuntimeException ex) {
                    readFailure = ex;
                }
                finally {
                    put(END);
                }
            });
            try {
                for (Batch batch = next(); batch != END; batch = next()) {
                    write(batch);
                }
            }
            finally {
                stopped = true;
                read.clear();
                joinUninterruptibly(reader);
            }
            if (readFailure != null) {
                throw readFailure;
            }
        }

        private Batch next() {
            try {
                return read.take();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("导入被中断", ex);
            }
        }

        /** Hands a batch to the writer; gives up when the writer has stopped (it failed). */
        private void put(Batch batch) {
            try {
                while (!stopped && !read.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    // the writer is behind: wait
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            if (stopped && batch != END) {
                throw new IllegalStateException("写入已停止");
            }
        }

        private void add(ReadHousehold household) {
            reading.add(household);
            if (reading.size() == BATCH) {
                hand();
            }
        }

        private void hand() {
            if (!reading.isEmpty()) {
                Set<Integer> unreadable = new HashSet<>();
                for (int i = 0; i < reading.size(); i++) {
                    if (reading.get(i).unreadable()) {
                        unreadable.add(i);
                    }
                }
                RegistryImports.CheckedBatch checked = registry.check(
                        reading.stream().map(ReadHousehold::household).toList(), unreadable, origin, year);
                put(new Batch(reading, unreadable, checked, sheet, rows.rowsRead()));
                reading = new ArrayList<>(BATCH);
            }
        }

        /** Checks and (while the import is to be kept) writes a batch of households. */
        private void write(Batch given) {
            List<ReadHousehold> batch = given.households();
            String sheet = given.sheet();
            Set<Integer> refused = new HashSet<>(given.unreadable());
            boolean write = job.partial() || errors.isEmpty() && refused.isEmpty();
            RegistryImports.BatchOutcome outcome = registry.importBatch(given.checked(), write);
            refused.addAll(outcome.refused().keySet());
            for (int i = 0; i < batch.size(); i++) {
                ReadHousehold read = batch.get(i);
                Set<String> located = new HashSet<>();
                for (NationalRows.RowError error : read.readErrors()) {
                    errors.add(rowError(sheet, error));
                    located.add(error.row() + "/" + error.column());
                }
                for (FieldError error : outcome.refused().getOrDefault(i, List.of())) {
                    NationalRows.RowError at = rows.locate(read, error);
                    if (located.add(at.row() + "/" + at.column())) {
                        errors.add(rowError(sheet, at));
                    }
                }
            }
            Set<UUID> recorded = Set.of();
            if (write) {
                AnnualRecords.TakenOverRecords taken = annualRecords.takeOver(takenOver(batch, outcome), origin);
                registry.announce(outcome, taken.announced());
                recorded = taken.written();
            }
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
            progress.progressed(job.id(), given.rowsRead(), counts, errors.size());
        }

        /** The year's records the export states for the households of the batch now in the registry. */
        private List<AnnualRecords.TakenOver> takenOver(List<ReadHousehold> batch,
                RegistryImports.BatchOutcome outcome) {
            List<AnnualRecords.TakenOver> records = new ArrayList<>();
            Set<Integer> created = new HashSet<>(outcome.created());
            outcome.kept().forEach((i, householdId) -> {
                ImportedYear annual = batch.get(i).annual();
                if (annual != null) {
                    records.add(new AnnualRecords.TakenOver(householdId, outcome.written().get(i), annual,
                            created.contains(i)));
                }
            });
            return records;
        }

        void fileErrors() {
            rows.fileErrors().forEach(error -> errors.add(rowError(sheet, error)));
        }

        private static ImportJob.RowError rowError(String sheet, NationalRows.RowError error) {
            return new ImportJob.RowError(sheet, error.row(), error.column(), error.cell(), error.indicator(),
                    error.householdNumber(), error.message());
        }
    }
}
