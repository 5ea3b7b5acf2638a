package cn.fupin.reporting.progress;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.reporting.api.ProgressReportsApi;
import cn.fupin.contracts.reporting.model.ProgressReport;
import cn.fupin.contracts.reporting.model.StagePending;
import cn.fupin.contracts.reporting.model.TownshipProgress;
import cn.fupin.platform.security.Caller;
import cn.fupin.reporting.Areas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 工作进度 per township for a year: the plan's current phase, whether its functions are open (its own window,
 * else the county's), households, annual records entered, review cases waiting per stage and returned, problem
 * data open and closed. A township officer sees his township only.
 */
@RestController
class ProgressReportController implements ProgressReportsApi {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Map<String, String> PHASES = Map.of("FIELD_WORK", "入户调整采集",
            "REPORT_AND_FUNCTION_OPENING", "书面报告与功能开通申请", "DATA_ENTRY", "数据录入", "SELF_CHECK", "数据自查",
            "FIELD_VERIFICATION", "问题数据实地核实", "CORRECTION", "问题数据整改", "SUMMARY", "工作总结");

    private final JdbcClient jdbc;
    private final Areas areas;
    private final JsonMapper json;
    private final java.time.Clock clock;

    ProgressReportController(JdbcClient jdbc, Areas areas, JsonMapper json, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('township-officer', 'city-officer', 'auditor')")
    public ResponseEntity<ProgressReport> getProgressReport(Integer year) {
        String scope = Caller.current().scope().prefix();
        ProgressReport report = new ProgressReport(year, areas.townships().stream()
                .filter(t -> t.code().startsWith(scope) || scope.startsWith(t.code()))
                .map(t -> township(t, year)).toList());
        plan(year).ifPresentOrElse(plan -> {
            LocalDate today = LocalDate.now(clock.withZone(ZONE));
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
        return ResponseEntity.ok(report);
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

    private TownshipProgress township(DivisionTree.Division township, int year) {
        String prefix = township.code() + "%";
        var window = jdbc.sql("select open, reason from function_window_fact where year = :year and area_code in"
                + " (:township, :county) order by length(area_code) desc limit 1")
                .param("year", year).param("township", township.code()).param("county", township.code().substring(0, 6))
                .query((rs, n) -> new Object[] { rs.getBoolean(1), rs.getString(2) }).optional();
        long households = count("select count(*) from household_fact where division_code like :prefix", prefix, year);
        long records = count("select count(*) from annual_income where year = :year and division_code like :prefix",
                prefix, year);
        Map<String, Long> pending = jdbc.sql("select coalesce(current_stage, state), count(*) from review_case_fact"
                + " where area_code like :prefix and state in ('IN_REVIEW', 'RETURNED') group by 1")
                .param("prefix", prefix).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long open = count("select count(*) from data_issue_fact where division_code like :prefix and status = 'OPEN'",
                prefix, year);
        long closed = count("select count(*) from data_issue_fact where division_code like :prefix"
                + " and status = 'CLOSED'", prefix, year);
        return new TownshipProgress(township.code(), township.name(),
                window.map(w -> (Boolean) w[0]).orElse(false), households, records,
                new StagePending(pending.getOrDefault("VILLAGE", 0L), pending.getOrDefault("TOWNSHIP", 0L),
                        pending.getOrDefault("CITY", 0L), pending.getOrDefault("RETURNED", 0L)), open, closed)
                .functionsReason(window.map(w -> (String) w[1]).orElse(null));
    }

    private long count(String sql, String prefix, int year) {
        var spec = jdbc.sql(sql).param("prefix", prefix);
        if (sql.contains(":year")) {
            spec = spec.param("year", year);
        }
        return spec.query(Long.class).single();
    }
}
