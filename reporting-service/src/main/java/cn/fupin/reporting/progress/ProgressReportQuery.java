package cn.fupin.reporting.progress;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.reporting.model.ProgressReport;
import cn.fupin.contracts.reporting.model.StagePending;
import cn.fupin.contracts.reporting.model.TownshipProgress;
import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.reporting.Areas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 工作进度 per township for a year: the plan's current phase, whether its functions are open (its own window,
 * else the county's), households, annual records entered, review cases waiting per stage and returned, problem
 * data open and closed. A township officer sees his township only.
 */
@Component
class ProgressReportQuery {

    private static final Map<String, String> PHASES = Map.of("FIELD_WORK", "入户调整采集",
            "REPORT_AND_FUNCTION_OPENING", "书面报告与功能开通申请", "DATA_ENTRY", "数据录入", "SELF_CHECK", "数据自查",
            "FIELD_VERIFICATION", "问题数据实地核实", "CORRECTION", "问题数据整改", "SUMMARY", "工作总结");

    private final JdbcClient jdbc;
    private final Areas areas;
    private final JsonMapper json;
    private final java.time.Clock clock;

    ProgressReportQuery(JdbcClient jdbc, Areas areas, JsonMapper json, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.json = json;
        this.clock = clock;
    }

    ProgressReport of(Integer year, String scope) {
        Figures figures = new Figures(year);
        ProgressReport report = new ProgressReport(year, areas.townships().stream()
                .filter(t -> t.code().startsWith(scope) || scope.startsWith(t.code()))
                .map(t -> township(t, figures)).toList());
        plan(year).ifPresentOrElse(plan -> {
            LocalDate today = LocalDate.now(clock.withZone(WorkYear.ZONE));
            report.planPublished(true).closeAt(java.time.OffsetDateTime.parse(plan.get("closeAt").asString()));
            for (JsonNode phase : plan.get("phases")) {
                LocalDate end = LocalDate.parse(phase.get("endDate").asString());
                LocalDate start = phase.hasNonNull("startDate") ? LocalDate.parse(phase.get("startDate").asString())
                        : end.withDayOfYear(1);
                if (!today.isBefore(start) && !today.isAfter(end)) {
                    String code = phase.get("code").asString();
                    report.currentPhase(code).currentPhaseName(PHASES.getOrDefault(code, code));
                    break;
                }
            }
        }, () -> report.planPublished(false));
        return report;
    }

    private Optional<JsonNode> plan(int year) {
        return jdbc.sql("select phases::text, close_at from work_plan_fact where year = :year").param("year", year)
                .query((rs, n) -> {
                    var node = json.createObjectNode();
                    node.set("phases", json.readTree(rs.getString(1)));
                    node.put("closeAt", rs.getTimestamp(2).toInstant().atOffset(ZoneOffset.ofHours(8)).toString());
                    return (JsonNode) node;
                }).optional();
    }

    /** Each read model counted once for the year, by township (nine-digit prefix). */
    private final class Figures {

        final Map<String, Object[]> windows = new java.util.HashMap<>();
        final Map<String, Long> households;
        final Map<String, Long> records;
        final Map<String, Map<String, Long>> pending = new java.util.HashMap<>();
        final Map<String, long[]> issues = new java.util.HashMap<>();

        Figures(int year) {
            jdbc.sql("select area_code, open, reason from function_window_fact where year = :year").param("year", year)
                    .query((rs, n) -> windows.put(rs.getString(1), new Object[] { rs.getBoolean(2), rs.getString(3) }))
                    .list();
            // the villages' counts, kept by triggers: counting the facts took 0.5 s at 10^6 households
            households = byTownship(jdbc.sql("select substr(division_code, 1, 9), sum(households)"
                    + " from household_count group by 1"));
            records = byTownship(jdbc.sql("select substr(division_code, 1, 9), sum(households)"
                    + " from annual_income_count where year = :year group by 1").param("year", year));
            jdbc.sql("select substr(area_code, 1, 9), coalesce(current_stage, state), count(*) from review_case_fact"
                    + " where state in ('IN_REVIEW', 'RETURNED') group by 1, 2")
                    .query((rs, n) -> pending.computeIfAbsent(rs.getString(1), k -> new java.util.HashMap<>())
                            .put(rs.getString(2), rs.getLong(3)))
                    .list();
            jdbc.sql("select substr(division_code, 1, 9), count(*) filter (where status = 'OPEN'),"
                    + " count(*) filter (where status = 'CLOSED') from data_issue_fact group by 1")
                    .query((rs, n) -> issues.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) })).list();
        }

        private Map<String, Long> byTownship(org.springframework.jdbc.core.simple.JdbcClient.StatementSpec query) {
            return query.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }

        /** The township's own window, else the county's. */
        Optional<Object[]> window(String township) {
            return Optional.ofNullable(windows.getOrDefault(township, windows.get(township.substring(0, 6))));
        }
    }

    private static TownshipProgress township(DivisionTree.Division township, Figures figures) {
        String code = township.code();
        Optional<Object[]> window = figures.window(code);
        Map<String, Long> pending = figures.pending.getOrDefault(code, Map.of());
        long[] issues = figures.issues.getOrDefault(code, new long[2]);
        return new TownshipProgress(code, township.name(), window.map(w -> (Boolean) w[0]).orElse(false),
                figures.households.getOrDefault(code, 0L), figures.records.getOrDefault(code, 0L),
                new StagePending(pending.getOrDefault("VILLAGE", 0L), pending.getOrDefault("TOWNSHIP", 0L),
                        pending.getOrDefault("CITY", 0L), pending.getOrDefault("RETURNED", 0L)), issues[0], issues[1])
                .functionsReason(window.map(w -> (String) w[1]).orElse(null));
    }
}
