package cn.fupin.household.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.household.annual.AnnualRecords;
import cn.fupin.household.forms.FormLayout;
import cn.fupin.household.household.BaseDataChanges;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.HouseholdQueries;
import cn.fupin.household.household.HouseholdQueries.Holder;
import cn.fupin.household.household.Member;
import cn.fupin.household.household.MemberChanges;
import cn.fupin.household.household.NewMember;
import cn.fupin.household.household.Registrations;
import cn.fupin.household.imports.forms.FormRows;
import cn.fupin.household.imports.table.TableFormat;
import cn.fupin.household.imports.table.UnreadableTableException;
import cn.fupin.platform.domain.FieldError;
import cn.fupin.platform.domain.RuleViolation;
import cn.fupin.platform.outbox.PublishedEvents;
import cn.fupin.platform.security.AreaScope;
import cn.fupin.platform.security.Caller;
import cn.fupin.workplan.WorkWindows;

/**
 * Runs one import of a filled form (1–4) for a village: every household or row goes through the same service the
 * API's request would ({@link Registrations} with {@link AnnualRecords} and {@link BaseDataChanges} for a household's
 * year and helpers, {@link MemberChanges}), with the same rules, each in a savepoint of one
 * transaction — the whole file kept, or (all or nothing, with a bad row) nothing; with {@code partial}, the good
 * rows kept. A household or change the file has already made (the same file imported again) is counted unchanged,
 * not made twice.
 */
@Component
class FormImport {

    /** Households or rows between two progress reports. */
    static final int PROGRESS_EVERY = 50;
    private static final String DUPLICATE = "证件号码已属于登记在册的另一名成员 (A4)";

    private final Registrations registrations;
    private final AnnualRecords annualRecords;
    private final BaseDataChanges baseDataChanges;
    private final MemberChanges memberChanges;
    private final HouseholdQueries households;
    private final WorkWindows windows;
    private final PublishedEvents events;
    private final ImportProgress progress;
    private final Codebook codebook;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoint;
    private final Clock clock;
    private final int maxRows;

    FormImport(Registrations registrations, AnnualRecords annualRecords, BaseDataChanges baseDataChanges,
            MemberChanges memberChanges, HouseholdQueries households, WorkWindows windows, PublishedEvents events,
            ImportProgress progress, Codebook codebook, PlatformTransactionManager transactionManager, Clock clock,
            @Value("${fupin.imports.max-form-rows:20000}") int maxRows) {
        this.registrations = registrations;
        this.annualRecords = annualRecords;
        this.baseDataChanges = baseDataChanges;
        this.clock = clock;
        this.memberChanges = memberChanges;
        this.households = households;
        this.windows = windows;
        this.events = events;
        this.progress = progress;
        this.codebook = codebook;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.maxRows = maxRows;
    }

    ImportOutcome run(ImportJob job, FormLayout form, Path file, Caller caller) {
        FormRows rows = new FormRows(form, codebook, job.areaCode(), maxRows);
        TableFormat format;
        try {
            format = TableFormat.of(file);
            progress.started(job.id(), format.estimateRows(file));
            format.read(file, rows);
            rows.finish();
        }
        catch (IOException | UnreadableTableException ex) {
            return ImportOutcome.failed("无法读取上传的文件：" + ex.getMessage());
        }
        catch (FormRows.UnreadableFormException ex) {
            return ImportOutcome.failed(ex.getMessage());
        }
        try {
            windows.requireOpen(job.areaCode());
        }
        catch (RuleViolation closed) {
            return ImportOutcome.failed(closed.getMessage());
        }
        Run run = new Run(job, rows, caller);
        transactions.executeWithoutResult(status -> {
            run.apply(form);
            if (!job.partial() && !run.errors.isEmpty()) {
                status.setRollbackOnly();
            }
        });
        if (!job.partial() && !run.errors.isEmpty()) {
            return new ImportOutcome(ImportJob.State.REJECTED, rows.rowsRead(),
                    new ImportJob.Counts(0, 0, 0, run.rejected), run.errors.size(), run.listed(), List.of(),
                    rows.ignoredHeaders(), null);
        }
        return new ImportOutcome(ImportJob.State.SUCCEEDED, rows.rowsRead(),
                new ImportJob.Counts(run.created, run.updated, run.unchanged, run.rejected), run.errors.size(),
                run.listed(), List.of(), rows.ignoredHeaders(), null);
    }

    /** One import's state while it applies the file. */
    private final class Run {

        private final ImportJob job;
        private final FormRows rows;
        private final Caller caller;
        private final AreaScope village;
        /** The work year: the year of the records the forms' income and conditions become. */
        private final int year;
        private final List<ImportJob.RowError> errors = new ArrayList<>();
        private int created;
        private int updated;
        private int unchanged;
        private int rejected;
        /** Households or rows applied. */
        private int done;

        Run(ImportJob job, FormRows rows, Caller caller) {
            this.job = job;
            this.rows = rows;
            this.caller = caller;
            this.village = new AreaScope(job.areaCode());
            this.year = WorkYear.of(clock);
        }

        void apply(FormLayout form) {
            rows.fileErrors().forEach(this::error);
            switch (form.number()) {
                case 1, 4 -> register();
                case 2 -> increase();
                default -> decrease();
            }
        }

        private void register() {
            List<FormRows.FormHousehold> read = rows.households();
            Map<String, Holder> holders = households.holders(read.stream()
                    .flatMap(household -> household.household().members().stream()).map(NewMember::idNumber)
                    .filter(Objects::nonNull).toList(), caller.scope());
            for (FormRows.FormHousehold household : read) {
                List<FormRows.RowError> refused = new ArrayList<>(household.readErrors());
                List<NewMember> members = household.household().members();
                List<Holder> held = members.stream().map(member -> holders.get(member.idNumber())).toList();
                int lastRow = household.memberRows().getLast();
                if (refused.isEmpty() && alreadyRegistered(members, held)) {
                    unchanged++;
                    progressed(lastRow);
                    continue;
                }
                for (int i = 0; i < members.size(); i++) {
                    if (held.get(i) != null) {
                        refused.add(rows.locate(household, new FieldError("members[" + i + "].idNumber", "A4",
                                DUPLICATE)));
                    }
                }
                if (refused.isEmpty()) {
                    try {
                        events.inSavepoint(savepoint, () -> register(household));
                        created++;
                    }
                    catch (RuleViolation violation) {
                        refusals(violation).forEach(error -> refused.add(rows.locate(household, error)));
                    }
                }
                finish(refused, lastRow);
            }
        }

        /**
         * The household registered as {@code POST /households} would, then its year's income and conditions as
         * {@code PUT /households/{id}/annual-records/{year}} and its helpers as {@code PUT /households/{id}/helpers}
         * would take them, by the same rules: refused by any of them, none of it is kept.
         */
        private Household register(FormRows.FormHousehold household) {
            Household registered = registrations.register(household.household(), caller);
            if (household.year() != null) {
                annualRecords.submit(registered.getId(), year, household.year().income(),
                        household.year().conditions(), null, caller);
            }
            if (!household.helpers().isEmpty()) {
                registered = baseDataChanges.assignHelpers(registered.getId(), household.helpers(), null, caller);
            }
            return registered;
        }

        /**
         * Whether the file's household is one already registered in the village: its living members are exactly the
         * file's, by ID number and name.
         */
        private boolean alreadyRegistered(List<NewMember> members, List<Holder> held) {
            if (held.stream().anyMatch(holder -> holder == null
                    || !holder.householdId().equals(held.getFirst().householdId()))) {
                return false;
            }
            Map<String, String> registered = households.find(held.getFirst().householdId(), village)
                    .map(household -> household.getMembers().stream().filter(Member::active)
                            .collect(Collectors.toMap(member -> member.idNumber().value(), Member::name)))
                    .orElse(Map.of());
            Map<String, String> given = members.stream()
                    .collect(Collectors.toMap(NewMember::idNumber, NewMember::name, (first, second) -> first));
            return registered.equals(given);
        }

        private void increase() {
            List<FormRows.Increase> read = rows.increases();
            Map<String, Holder> holders = households.holders(read.stream()
                    .flatMap(row -> Stream.of(row.headIdNumber(), row.member().idNumber())).filter(Objects::nonNull)
                    .toList(), caller.scope());
            for (FormRows.Increase row : read) {
                List<FormRows.RowError> refused = new ArrayList<>(row.readErrors());
                Optional<Holder> head = headOf(row.row(), row.headIdNumber(), holders, refused);
                Holder member = holders.get(row.member().idNumber());
                if (refused.isEmpty() && head.isPresent() && member != null
                        && member.householdId().equals(head.get().householdId())) {
                    unchanged++;
                    progressed(row.row());
                    continue;
                }
                if (member != null) {
                    refused.add(rows.refuse(row.row(), "idNumber", row.headIdNumber(), DUPLICATE));
                }
                if (refused.isEmpty()) {
                    try {
                        events.inSavepoint(savepoint, () -> memberChanges.add(head.get().householdId(), row.member(),
                                row.reason(), row.date(), row.workLocation(), null, caller));
                        updated++;
                    }
                    catch (RuleViolation violation) {
                        refusals(violation).forEach(error -> refused.add(rows.locate(row.row(), row.headIdNumber(),
                                error)));
                    }
                }
                finish(refused, row.row());
            }
        }

        private void decrease() {
            List<FormRows.Decrease> read = rows.decreases();
            Map<String, Holder> holders = households.holders(read.stream().map(FormRows.Decrease::headIdNumber)
                    .filter(Objects::nonNull).toList(), caller.scope());
            for (FormRows.Decrease row : read) {
                List<FormRows.RowError> refused = new ArrayList<>(row.readErrors());
                Optional<Holder> head = headOf(row.row(), row.headIdNumber(), holders, refused);
                Optional<Member> member = head.flatMap(holder -> households.find(holder.householdId(), village))
                        .flatMap(household -> memberOf(household, row.memberIdNumber()));
                if (head.isPresent() && member.isEmpty() && row.memberIdNumber() != null) {
                    refused.add(rows.refuse(row.row(), "memberIdNumber", row.headIdNumber(),
                            "该户没有证件号码为 " + row.memberIdNumber() + " 的家庭成员"));
                }
                if (refused.isEmpty() && !member.get().active()) {
                    unchanged++;
                    progressed(row.row());
                    continue;
                }
                if (refused.isEmpty()) {
                    try {
                        events.inSavepoint(savepoint, () -> memberChanges.remove(head.get().householdId(),
                                member.get().memberId(), row.reason(), row.date(), null, null, caller));
                        updated++;
                    }
                    catch (RuleViolation violation) {
                        refusals(violation).forEach(error -> refused.add(rows.locate(row.row(), row.headIdNumber(),
                                error)));
                    }
                }
                finish(refused, row.row());
            }
        }

        /** The household of the village whose living head holds the ID number; a refusal on the row when none. */
        private Optional<Holder> headOf(int row, String idNumber, Map<String, Holder> holders,
                List<FormRows.RowError> refused) {
            if (idNumber == null) {
                return Optional.empty();
            }
            Holder holder = holders.get(idNumber);
            if (holder == null || !holder.head() || !holder.divisionCode().equals(job.areaCode())) {
                refused.add(rows.refuse(row, "headIdNumber", idNumber,
                        "本村没有户主证件号码为 " + idNumber + " 的扶贫对象户"));
                return Optional.empty();
            }
            return Optional.of(holder);
        }

        /** The member holding the ID number, the latest of them if it was held more than once. */
        private static Optional<Member> memberOf(Household household, String idNumber) {
            return household.getMembers().stream().filter(member -> member.idNumber().value().equals(idNumber))
                    .reduce((first, second) -> second.active() ? second : first);
        }

        private void finish(List<FormRows.RowError> refused, int row) {
            if (!refused.isEmpty()) {
                rejected++;
                distinct(refused).forEach(this::error);
            }
            progressed(row);
        }

        /** What a refusal says, field by field; a refusal without fields as one complaint about the row. */
        private static List<FieldError> refusals(RuleViolation violation) {
            return violation.errors().isEmpty() ? List.of(new FieldError("", null, violation.getMessage()))
                    : violation.errors();
        }

        private static List<FormRows.RowError> distinct(List<FormRows.RowError> errors) {
            return errors.stream().distinct().toList();
        }

        private void error(FormRows.RowError error) {
            errors.add(new ImportJob.RowError(rows.sheet(), error.row(), error.column(), error.cell(), error.indicator(),
                    error.household(), error.message()));
        }

        /** One more household or row applied, up to the file's {@code row}: reported every {@link #PROGRESS_EVERY}. */
        private void progressed(int row) {
            if (++done % PROGRESS_EVERY == 0) {
                ImportJob.Counts sofar = new ImportJob.Counts(created, updated, unchanged, rejected);
                progress.progressed(job.id(), row, sofar, errors.size());
            }
        }

        List<ImportJob.RowError> listed() {
            return errors.size() <= ImportJob.LISTED_ERRORS ? errors : errors.subList(0, ImportJob.LISTED_ERRORS);
        }
    }
}
