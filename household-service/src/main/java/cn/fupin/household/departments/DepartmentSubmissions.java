package cn.fupin.household.departments;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.household.annual.AnnualRecord;
import cn.fupin.household.annual.AnnualRecords;
import cn.fupin.household.issues.OutsideIssues;
import cn.fupin.platform.security.Caller;

/**
 * 行业部门数据: a department's amounts for members of the registry, each matched by ID number and set against the
 * year's annual record of the member's household. An empty item is filled in (APPLIED, through the same path as
 * a clerk's entry: per-capita income recomputed, the event published); an equal one is CONFIRMED; a different one
 * never overwrites the clerk's entry but raises a data issue (CONFLICT); a household without the year's record
 * keeps it PENDING; an unknown ID number is UNMATCHED. Every item is kept with its source.
 */
@Service
public class DepartmentSubmissions {

    static final String RULE = "department-data-mismatch";

    private final JdbcClient jdbc;
    private final AnnualRecords records;
    private final OutsideIssues issues;
    private final Clock clock;

    DepartmentSubmissions(JdbcClient jdbc, AnnualRecords records, OutsideIssues issues, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.issues = issues;
        this.clock = clock;
    }

    public record Item(String idNumber, DepartmentField field, BigDecimal amount) {
    }

    public record Outcome(UUID id, DepartmentField field, BigDecimal amount, String result, UUID householdId,
            String note) {
    }

    /** A department's item as kept: what it said, when, and what became of it. */
    public record Kept(UUID id, UUID householdId, int year, String department, String reference, DepartmentField field,
            BigDecimal amount, String result, String note, String submittedBy, Instant at) {
    }

    @Transactional
    public List<Outcome> submit(int year, String department, String reference, List<Item> items, Caller caller) {
        UUID submission = UUID.randomUUID();
        List<Outcome> outcomes = new ArrayList<>();
        for (Item item : items) {
            Outcome outcome = apply(year, department, item, caller);
            keep(submission, year, department, reference, item, outcome, caller);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private Outcome apply(int year, String department, Item item, Caller caller) {
        UUID id = UUID.randomUUID();
        Optional<OutsideIssues.Target> member = issues.holderOf(item.idNumber(), caller.scope());
        if (member.isEmpty()) {
            return new Outcome(id, item.field(), item.amount(), "UNMATCHED", null, "范围内没有持该证件号码的在户成员");
        }
        OutsideIssues.Target target = member.get();
        Optional<AnnualRecord> record = records.find(target.householdId(), year, caller.scope());
        if (record.isEmpty()) {
            return new Outcome(id, item.field(), item.amount(), "PENDING", target.householdId(),
                    year + " 年度信息尚未录入，录入后核对");
        }
        BigDecimal entered = item.field().of(record.get().income());
        if (entered == null) {
            records.submit(target.householdId(), year, item.field().fill(record.get().income(), item.amount()),
                    record.get().conditions(), record.get().version(), caller);
            return new Outcome(id, item.field(), item.amount(), "APPLIED", target.householdId(),
                    item.field().label() + "（" + item.field().indicator() + "）由" + department + "数据填入");
        }
        if (entered.compareTo(item.amount()) == 0) {
            return new Outcome(id, item.field(), item.amount(), "CONFIRMED", target.householdId(), "与录入一致");
        }
        String message = department + "数据" + item.field().label() + "（" + item.field().indicator() + "）为 "
                + item.amount().toPlainString() + " 元，与录入的 " + entered.toPlainString() + " 元不一致，请核实";
        issues.raise(target, year, RULE, "IMPORT", message);
        return new Outcome(id, item.field(), item.amount(), "CONFLICT", target.householdId(), message);
    }

    private void keep(UUID submission, int year, String department, String reference, Item item, Outcome outcome,
            Caller caller) {
        jdbc.sql("""
                insert into department_item (id, submission_id, household_id, year, department, reference, field,
                    amount, result, note, submitted_by, at)
                values (:id, :submission, :household, :year, :department, :reference, :field, :amount, :result,
                    :note, :by, :at)""")
                .param("id", outcome.id()).param("submission", submission).param("household", outcome.householdId())
                .param("year", year).param("department", department).param("reference", reference)
                .param("field", item.field().name()).param("amount", item.amount()).param("result", outcome.result())
                .param("note", outcome.note()).param("by", caller.userId())
                .param("at", Timestamp.from(clock.instant())).update();
    }

    /** The department items of a household (inside the caller's area), newest first. */
    @Transactional(readOnly = true)
    public List<Kept> of(UUID householdId, Integer year, Caller caller) {
        return jdbc.sql("""
                select d.id, d.household_id, d.year, d.department, d.reference, d.field, d.amount, d.result, d.note,
                    d.submitted_by, d.at
                from department_item d join household h on h.id = d.household_id
                where d.household_id = :household and h.division_code like :prefix
                  and (cast(:year as integer) is null or d.year = :year)
                order by d.at desc, d.id""")
                .param("household", householdId).param("prefix", caller.scope().prefix() + "%").param("year", year)
                .query((rs, n) -> new Kept(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getString(4), rs.getString(5), DepartmentField.valueOf(rs.getString(6)),
                        rs.getBigDecimal(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getTimestamp(11).toInstant()))
                .list();
    }
}
