package cn.fupin.monitoring.warnings;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.fupin.monitoring.households.HouseholdChanged;
import cn.fupin.workplan.YearlyPolicies;
import cn.fupin.workplan.YearlyPolicy;
import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.platform.security.AreaScope;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Early warning: every household change is run through {@link WarningRules} in the projection's transaction and
 * what they find is kept with its facts. The list shows watched households (exited registered, marginal) with
 * warnings not yet acted on and no open monitoring object; proposing the household as a monitoring object acts
 * on its warnings.
 */
@Service
public class EarlyWarnings {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final YearlyPolicies policies;
    private final Clock clock;

    EarlyWarnings(JdbcClient jdbc, JsonMapper json, YearlyPolicies policies, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * A household new to the projection (registered, or loaded from the national registry) has no change to warn
     * of: its first state is what later events are compared with; nor has a year's record taken over from the
     * registry's export (its {@code origin} says so: the registry's own monitoring came with the household). The
     * year's monitoring line is looked up only for an annual record, the one event compared with it.
     */
    @EventListener
    void on(HouseholdChanged changed) {
        if (changed.before() == null || changed.event().data().hasNonNull("origin")) {
            return;
        }
        Map<String, Object> data = json.convertValue(changed.event().data(), new TypeReference<Map<String, Object>>() {
        });
        BigDecimal monitoringLine = null;
        if ("AnnualRecordSubmitted".equals(changed.event().eventName())) {
            int year = data.get("year") instanceof Number number ? number.intValue() : WorkYear.of(clock);
            monitoringLine = policies.find(year).map(YearlyPolicy::monitoringLine).orElse(null);
        }
        for (WarningRules.Warning warning : WarningRules.of(changed.event().eventName(), data, changed.before(),
                changed.after(), monitoringLine)) {
            jdbc.sql("""
                    insert into early_warning (household_id, trigger, facts, raised_at, source_event_id)
                    values (:household, :trigger, cast(:facts as jsonb), :at, :event)
                    on conflict (source_event_id, trigger) do nothing""")
                    .param("household", changed.after().householdId()).param("trigger", warning.trigger().name())
                    .param("facts", json.writeValueAsString(warning.facts()))
                    .param("at", Timestamp.from(clock.instant())).param("event", changed.event().id()).update();
        }
    }

    /** The household's warnings are acted on: it has been proposed as a monitoring object. */
    public void actedOn(UUID householdId) {
        jdbc.sql("update early_warning set handled_at = :at where household_id = :household and handled_at is null")
                .param("at", Timestamp.from(clock.instant())).param("household", householdId).update();
    }

    public record Fact(Trigger trigger, Map<String, Object> facts, java.time.Instant raisedAt) {
    }

    public record Candidate(UUID householdId, String divisionCode, String category, String status, String headName,
            Integer size, List<Fact> warnings) {
    }

    public record Page(List<Candidate> items, int page, int size, long total) {
    }

    private static final String CANDIDATES = """
            from household_summary h
            where h.division_code like :scope
              and (h.category = 'MARGINAL' or (h.category = 'REGISTERED' and h.status = 'EXITED'))
              and exists (select 1 from early_warning w where w.household_id = h.household_id and w.handled_at is null)
              and not exists (select 1 from monitoring_object o where o.household_id = h.household_id
                  and o.status in ('PROPOSED', 'MONITORED', 'ELIMINATION_REQUESTED'))""";

    public Page list(AreaScope scope, String areaCode, int page, int size) {
        String prefix = scope.narrow(areaCode) + "%";
        long total = jdbc.sql("select count(*) " + CANDIDATES).param("scope", prefix).query(Long.class).single();
        List<Candidate> rows = jdbc.sql("select h.household_id, h.division_code, h.category, h.status, h.head_name,"
                + " h.size " + CANDIDATES + " order by h.division_code, h.household_id limit :limit offset :offset")
                .param("scope", prefix).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new Candidate(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), List.of()))
                .list();
        Map<UUID, List<Fact>> facts = facts(rows.stream().map(Candidate::householdId).toList());
        List<Candidate> items = rows.stream().map(c -> new Candidate(c.householdId(), c.divisionCode(), c.category(),
                c.status(), c.headName(), c.size(), facts.getOrDefault(c.householdId(), List.of()))).toList();
        return new Page(items, page, size, total);
    }

    /** The unhandled warnings of the page's households, in one query. */
    private Map<UUID, List<Fact>> facts(List<UUID> households) {
        Map<UUID, List<Fact>> facts = new java.util.HashMap<>();
        if (households.isEmpty()) {
            return facts;
        }
        jdbc.sql("""
                select household_id, trigger, facts::text, raised_at from early_warning
                where household_id in (:households) and handled_at is null order by id""")
                .param("households", households)
                .query((rs, n) -> facts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                        .add(new Fact(Trigger.valueOf(rs.getString(2)), json.readValue(rs.getString(3),
                                new TypeReference<Map<String, Object>>() {
                                }), rs.getTimestamp(4).toInstant())))
                .list();
        return facts;
    }
}
