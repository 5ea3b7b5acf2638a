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
import cn.fupin.household.household.Household;
import cn.fupin.household.household.HouseholdQueries;
import cn.fupin.household.household.Member;
import cn.fupin.household.household.MemberChanges;
import cn.fupin.household.issues.OutsideIssues;
import cn.fupin.platform.security.Caller;

/**
 * 行业部门数据: a department's amounts and flags for members of the registry, each matched by ID number and set
 * against the year's annual record of the member's household (amounts) or the member (flags). An empty item is
 * filled in (APPLIED, through the same path as a clerk's entry: per-capita income recomputed or the member
 * corrected, the event published); an equal one is CONFIRMED; a different one never overwrites the clerk's entry but
 * raises a data issue (CONFLICT); an amount for a household without the year's record stays PENDING; an unknown ID
 * number is UNMATCHED. Every item is kept with its source.
 */
@Service
public class DepartmentSubmissions {

    static final String RULE = "department-data-mismatch";

    private final JdbcClient jdbc;
    private final AnnualRecords records;
    private final HouseholdQueries households;
    private final MemberChanges members;
    private final OutsideIssues issues;
    private final Clock clock;

    DepartmentSubmissions(JdbcClient jdbc, AnnualRecords records, HouseholdQueries households, MemberChanges members,
            OutsideIssues issues, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.households = households;
        this.members = members;
        this.issues = issues;
        this.clock = clock;
    }

    /** One item: an amount for an amount field, a flag for a member's flag (the web layer checks which). */
    public record Item(String idNumber, DepartmentField field, BigDecimal amount, Boolean flag) {
    }

    public record Outcome(UUID id, Item item, String result, UUID householdId, String note) {
    }

    /** A department's item as kept: what it said, when, and what became of it. */
    public record Kept(UUID id, UUID householdId, int year, String department, String reference, DepartmentField field,
            BigDecimal amount, Boolean flag, String result, String note, String submittedBy, Instant at) {
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
            return new Outcome(id, item, "UNMATCHED", null, "范围内没有持该证件号码的在户成员");
        }
        return item.field().isFlag() ? applyFlag(id, year, department, item, member.get(), caller)
                : applyAmount(id, year, department, item, member.get(), caller);
    }

    private Outcome applyAmount(UUID id, int year, String department, Item item, OutsideIssues.Target target,
            Caller caller) {
        Optional<AnnualRecord> record = records.find(target.householdId(), year, caller.scope());
        if (record.isEmpty()) {
            return new Outcome(id, item, "PENDING", target.householdId(), year + " 年度信息尚未录入，录入后核对");
        }
        BigDecimal entered = item.field().of(record.get().income());
        if (entered == null) {
            records.submit(target.householdId(), year, item.field().fill(record.get().income(), item.amount()),
                    record.get().conditions(), record.get().version(), caller);
            return applied(id, department, item, target);
        }
        if (entered.compareTo(item.amount()) == 0) {
            return new Outcome(id, item, "CONFIRMED", target.householdId(), "与录入一致");
        }
        return conflict(id, year, department, item, target, item.amount().toPlainString() + " 元",
                entered.toPlainString() + " 元");
    }

    private Outcome applyFlag(UUID id, int year, String department, Item item, OutsideIssues.Target target,
            Caller caller) {
        Household household = households.find(target.householdId(), caller.scope()).orElseThrow();
        Member member = household.getMembers().stream()
                .filter(each -> each.active() && each.memberId().equals(target.memberId())).findFirst().orElseThrow();
        Boolean entered = item.field().of(member.indicators());
        if (entered == null) {
            members.correct(household.getId(), member.memberId(), null,
                    item.field().fill(member.indicators(), item.flag()), household.getVersion(), caller);
            return applied(id, department, item, target);
        }
        if (entered.equals(item.flag())) {
            return new Outcome(id, item, "CONFIRMED", target.householdId(), "与录入一致");
        }
        return conflict(id, year, department, item, target, yesNo(item.flag()), yesNo(entered));
    }

    private static Outcome applied(UUID id, String department, Item item, OutsideIssues.Target target) {
        return new Outcome(id, item, "APPLIED", target.householdId(),
                item.field().label() + "（" + item.field().indicator() + "）由" + department + "数据填入");
    }

    /** A department's value that differs from the entry: the entry stays, the difference becomes problem data. */
    private Outcome conflict(UUID id, int year, String department, Item item, OutsideIssues.Target target,
            String submitted, String entered) {
        String message = department + "数据" + item.field().label() + "（" + item.field().indicator() + "）为 "
                + submitted + "，与录入的 " + entered + " 不一致，请核实";
        issues.raise(target, year, RULE, "IMPORT", message);
        return new Outcome(id, item, "CONFLICT", target.householdId(), message);
    }

    private static String yesNo(boolean value) {
        return value ? "是" : "否";
    }

    private void keep(UUID submission, int year, String department, String reference, Item item, Outcome outcome,
            Caller caller) {
        jdbc.sql("""
                insert into department_item (id, submission_id, household_id, year, department, reference, field,
                    amount, flag, result, note, submitted_by, at)
                values (:id, :submission, :household, :year, :department, :reference, :field, :amount, :flag,
                    :result, :note, :by, :at)""")
                .param("id", outcome.id()).param("submission", submission).param("household", outcome.householdId())
                .param("year", year).param("department", department).param("reference", reference)
                .param("field", item.field().name()).param("amount", item.amount()).param("flag", item.flag())
                .param("result", outcome.result())
                .param("note", outcome.note()).param("by", caller.userId())
                .param("at", Timestamp.from(clock.instant())).update();
    }

    /** The department items of a household (inside the caller's area), newest first. */
    @Transactional(readOnly = true)
    public List<Kept> of(UUID householdId, Integer year, Caller caller) {
        return jdbc.sql("""
                select d.id, d.household_id, d.year, d.department, d.reference, d.field, d.amount, d.flag, d.result,
                    d.note, d.submitted_by, d.at
                from department_item d join household h on h.id = d.household_id
                where d.household_id = :household and h.division_code like :prefix
                  and (cast(:year as integer) is null or d.year = :year)
                order by d.at desc, d.id""")
                .param("household", householdId).param("prefix", caller.scope().prefix() + "%").param("year", year)
                .query((rs, n) -> new Kept(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getString(4), rs.getString(5), DepartmentField.valueOf(rs.getString(6)),
                        rs.getBigDecimal(7), rs.getObject(8, Boolean.class), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getTimestamp(12).toInstant()))
                .list();
    }
}
