package cn.fupin.household.issues;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.household.annual.AnnualRecord;
import cn.fupin.household.annual.AnnualRecords;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.HouseholdQueries;
import cn.fupin.household.quality.Finding;
import cn.fupin.household.quality.HouseholdFacts;
import cn.fupin.household.quality.QualityRules;
import cn.fupin.platform.security.AreaScope;

/**
 * Keeps a household's problem list in step with its data: after every change the quality rules run again; a
 * new finding is raised as an OPEN issue; an unresolved issue whose finding is gone is closed as corrected — the
 * rule itself has verified the fix (issues from imports or surveys are closed by people). A finding the field
 * verification judged right is not raised again. Both are published, so reports count problem data as it is.
 */
@Service
public class DataIssues {

    static final String AGGREGATE = "data-issue";

    private final HouseholdQueries households;
    private final AnnualRecords annualRecords;
    private final QualityRules rules;
    private final HelperMatches helperMatches;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DataIssues(HouseholdQueries households, AnnualRecords annualRecords, QualityRules rules,
            HelperMatches helperMatches, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.households = households;
        this.annualRecords = annualRecords;
        this.rules = rules;
        this.helperMatches = helperMatches;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Re-evaluates one household for a year; returns how many issues were raised and fixed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome reevaluate(UUID householdId, int year) {
        Household household = households.find(householdId, AreaScope.ALL).orElseThrow();
        Optional<AnnualRecord> record = annualRecords.find(householdId, year, AreaScope.ALL);
        Map<String, Finding> found = new HashMap<>();
        HouseholdFacts facts = new HouseholdFacts(household, record, year, helperMatches.of(household, year));
        for (Finding finding : rules.evaluate(facts)) {
            found.putIfAbsent(fingerprint(householdId, year, finding), finding);
        }
        Map<String, UUID> unresolved = unresolved(householdId, year);
        Set<String> confirmedCorrect = confirmedCorrect(householdId, year);
        int raised = 0;
        for (var entry : found.entrySet()) {
            if (!unresolved.containsKey(entry.getKey()) && !confirmedCorrect.contains(entry.getKey())) {
                raise(household, year, entry.getKey(), entry.getValue());
                raised++;
            }
        }
        int fixed = 0;
        for (var entry : unresolved.entrySet()) {
            if (!found.containsKey(entry.getKey())) {
                fix(household, year, entry.getValue(), ruleOf(entry.getKey()));
                fixed++;
            }
        }
        return new Outcome(raised, fixed);
    }

    /** Issues raised and fixed by one evaluation. */
    public record Outcome(int raised, int fixed) {
    }

    private Map<String, UUID> unresolved(UUID householdId, int year) {
        Map<String, UUID> byFingerprint = new HashMap<>();
        jdbc.sql("""
                select fingerprint, id from data_issue where household_id = :household and year = :year
                and origin = 'RULE' and status in ('OPEN', 'VERIFIED')""")
                .param("household", householdId).param("year", year)
                .query((rs, n) -> byFingerprint.put(rs.getString(1), rs.getObject(2, UUID.class))).list();
        return byFingerprint;
    }

    /** Findings the field verification judged right: they are not raised again. */
    private Set<String> confirmedCorrect(UUID householdId, int year) {
        return Set.copyOf(jdbc.sql("""
                select fingerprint from data_issue where household_id = :household and year = :year
                and status = 'CLOSED' and resolution = 'CONFIRMED_CORRECT'""")
                .param("household", householdId).param("year", year).query(String.class).list());
    }

    private void raise(Household household, int year, String fingerprint, Finding finding) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into data_issue (id, household_id, member_id, division_code, year, rule_code, severity, origin,
                    indicator, field, message, status, fingerprint, created_at, updated_at)
                values (:id, :household, :member, :division, :year, :rule, :severity, 'RULE', :indicator, :field,
                    :message, 'OPEN', :fingerprint, :now, :now)""")
                .param("id", id).param("household", household.getId()).param("member", finding.memberId())
                .param("division", household.getDivisionCode()).param("year", year).param("rule", finding.rule())
                .param("severity", finding.severity().name()).param("indicator", finding.indicator())
                .param("field", finding.field()).param("message", finding.message())
                .param("fingerprint", fingerprint).param("now", now).update();
        events.publishEvent(new DataIssueRaised(id, household.getId(), finding.memberId(), household.getDivisionCode(), year,
                        finding.rule(), finding.severity().name(), "RULE", finding.indicator(), finding.field(),
                        finding.message(), "OPEN"));
    }

    private void fix(Household household, int year, UUID id, String rule) {
        jdbc.sql("update data_issue set status = 'CLOSED', resolution = 'CORRECTED', updated_at = :now where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        events.publishEvent(new DataIssueResolved(id, household.getId(), household.getDivisionCode(), year, rule, "CORRECTED",
                        null, "CLOSED"));
    }

    /** One issue per household, year, rule, field and member: {@code household|year|rule|field|member}. */
    private static String fingerprint(UUID householdId, int year, Finding finding) {
        return String.join("|", householdId.toString(), String.valueOf(year), finding.rule(),
                String.valueOf(finding.field()), String.valueOf(finding.memberId()));
    }

    private static String ruleOf(String fingerprint) {
        return fingerprint.split("\\|")[2];
    }

    /** The households of an area, for a self-check. */
    List<UUID> householdsIn(String areaPrefix) {
        return jdbc.sql("select id from household where division_code like :prefix order by id")
                .param("prefix", areaPrefix + "%").query(UUID.class).list();
    }
}
