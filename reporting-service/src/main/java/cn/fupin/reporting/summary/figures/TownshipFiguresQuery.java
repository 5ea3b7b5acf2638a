package cn.fupin.reporting.summary.figures;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.reporting.summary.figures.TownshipFigures.Count;
import cn.fupin.reporting.summary.figures.TownshipFigures.OpenClosed;
import cn.fupin.reporting.summary.figures.TownshipFigures.Progress;
import cn.fupin.reporting.summary.figures.TownshipFigures.Reviews;
import cn.fupin.reporting.summary.figures.TownshipFigures.Window;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a township's figures for a year. One repeatable-read transaction, so the totals, the breakdowns and the
 * per-village table of one report come from the same snapshot and add up (账账相符 within the report).
 */
@Service
public class TownshipFiguresQuery {

    private final JdbcClient jdbc;
    private final IncomeAndMonitoringQuery incomeAndMonitoring;
    private final VillageFiguresQuery villages;
    private final JsonMapper json;
    private final Clock clock;

    TownshipFiguresQuery(JdbcClient jdbc, IncomeAndMonitoringQuery incomeAndMonitoring, VillageFiguresQuery villages,
            JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.incomeAndMonitoring = incomeAndMonitoring;
        this.villages = villages;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public TownshipFigures of(DivisionTree.Division township, int year) {
        SummaryScope scope = new SummaryScope(jdbc, township.code(), year);
        TownshipFigures.Income income = incomeAndMonitoring.income(scope);
        return new TownshipFigures(township.code(), township.name(), year, LocalDate.now(clock.withZone(WorkYear.ZONE)),
                counts(scope, "select category, count(*), coalesce(sum(size), 0) from household_fact"
                        + " where division_code like :prefix group by 1"),
                counts(scope, "select status, count(*), coalesce(sum(size), 0) from household_fact"
                        + " where division_code like :prefix group by 1"),
                counts(scope, "select kind, sum(households), sum(persons) from household_change where year = :year"
                        + " and division_code like :prefix and kind not like 'MEMBER%' group by 1"),
                memberChanges(scope, "MEMBER_ADDED"), memberChanges(scope, "MEMBER_REMOVED"),
                income, incomeAndMonitoring.monitoring(scope), reviews(scope), issues(scope), progress(scope),
                villages.of(township, scope, income.povertyLine()));
    }

    private static Map<String, Count> counts(SummaryScope scope, String sql) {
        Map<String, Count> counts = new LinkedHashMap<>();
        scope.select(sql).query(rs -> {
            counts.put(rs.getString(1), new Count(rs.getLong(2), rs.getLong(3)));
        });
        return counts;
    }

    private static Map<String, Long> memberChanges(SummaryScope scope, String kind) {
        return scope.longs(scope.select("select reason, sum(persons) from household_change where kind = :kind"
                + " and year = :year and division_code like :prefix group by 1").param("kind", kind));
    }

    private static Map<String, Reviews> reviews(SummaryScope scope) {
        Map<String, Map<String, Long>> byType = new LinkedHashMap<>();
        scope.select("select case_type, state, count(*) from review_case_fact where year = :year"
                + " and area_code like :prefix group by 1, 2").query(rs -> {
                    byType.computeIfAbsent(rs.getString(1), type -> new HashMap<>()).put(rs.getString(2),
                            rs.getLong(3));
                });
        Map<String, Reviews> reviews = new LinkedHashMap<>();
        byType.forEach((type, states) -> reviews.put(type, new Reviews(states.getOrDefault("IN_REVIEW", 0L),
                states.getOrDefault("RETURNED", 0L), states.getOrDefault("APPROVED", 0L),
                states.getOrDefault("REJECTED", 0L))));
        return reviews;
    }

    private static Map<String, OpenClosed> issues(SummaryScope scope) {
        Map<String, OpenClosed> issues = new LinkedHashMap<>();
        scope.select("select rule_code, count(*) filter (where status = 'OPEN'),"
                + " count(*) filter (where status = 'CLOSED') from data_issue_fact where year = :year"
                + " and division_code like :prefix group by 1 order by 1").query(rs -> {
                    issues.put(rs.getString(1), new OpenClosed(rs.getLong(2), rs.getLong(3)));
                });
        return issues;
    }

    private Progress progress(SummaryScope scope) {
        Optional<Window> window = scope.select("select open, reason from function_window_fact where year = :year"
                + " and area_code in (:township, :county) order by length(area_code) desc limit 1")
                .param("township", scope.township()).param("county", scope.township().substring(0, 6))
                .query((rs, n) -> new Window(rs.getBoolean(1), rs.getString(2))).optional();
        long records = scope.select("select count(*) from annual_income where year = :year"
                + " and division_code like :prefix").query(Long.class).single();
        Map<String, Long> waiting = scope.longs(scope.select("select current_stage, count(*) from review_case_fact"
                + " where year = :year and area_code like :prefix and state = 'IN_REVIEW' group by 1"));
        return new Progress(window, records, waiting, phaseEnds(scope));
    }

    /** The end date of each phase of the year's published plan (none before the plan is published). */
    private Map<String, LocalDate> phaseEnds(SummaryScope scope) {
        Map<String, LocalDate> ends = new LinkedHashMap<>();
        scope.select("select phases::text from work_plan_fact where year = :year").query(String.class).optional()
                .ifPresent(phases -> {
                    for (JsonNode phase : json.readTree(phases)) {
                        ends.put(phase.get("code").asString(), LocalDate.parse(phase.get("endDate").asString()));
                    }
                });
        return ends;
    }
}
