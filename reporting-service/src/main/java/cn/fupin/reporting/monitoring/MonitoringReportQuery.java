package cn.fupin.reporting.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.reporting.model.CountOfObjects;
import cn.fupin.contracts.reporting.model.MonitoringAreaCount;
import cn.fupin.contracts.reporting.model.MonitoringReport;

/**
 * 监测对象统计: monitoring objects of an area by type, status and risk, eliminated or not, assistance coverage,
 * with the child areas for drill-down. Rejected proposals are not monitoring objects and are not counted.
 */
@Component
class MonitoringReportQuery {

    private static final String COUNTED = "status <> 'REJECTED' and division_code like :prefix"
            + " and (cast(:year as integer) is null or year = :year)";
    private static final Map<String, String> TYPES = Map.of("UNSTABLE_EXITED", "脱贫不稳定户", "MARGINAL", "边缘易致贫户");
    private static final List<String> TYPE_ORDER = List.of("UNSTABLE_EXITED", "MARGINAL");
    private static final Map<String, String> STATUSES = Map.of("PROPOSED", "已提出待审核", "MONITORED", "监测帮扶中",
            "ELIMINATION_REQUESTED", "风险消除待审核", "RISK_CLEARED", "风险已消除");
    private static final List<String> STATUS_ORDER = List.of("PROPOSED", "MONITORED", "ELIMINATION_REQUESTED",
            "RISK_CLEARED");

    private final JdbcClient jdbc;
    private final DivisionTree divisions;
    private final Codebook codebook;

    MonitoringReportQuery(JdbcClient jdbc, DivisionTree divisions, Codebook codebook) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.codebook = codebook;
    }

    MonitoringReport of(String area, Integer year) {
        Map<String, Long> byType = countBy("object_type", area, year);
        Map<String, Long> byStatus = countBy("status", area, year);
        Map<String, Long> byRisk = jdbc.sql("select risk, count(*) from monitoring_fact,"
                + " unnest(string_to_array(risks, ',')) as risk where " + COUNTED + " group by risk")
                .param("prefix", area + "%").param("year", year)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long identified = jdbc.sql("select count(*) from monitoring_fact where " + COUNTED
                + " and status <> 'PROPOSED'").param("prefix", area + "%").param("year", year)
                .query(Long.class).single();
        long withAssistance = jdbc.sql("select count(*) from monitoring_fact where " + COUNTED
                + " and status <> 'PROPOSED' and assistance_count > 0").param("prefix", area + "%")
                .param("year", year).query(Long.class).single();
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long eliminated = byStatus.getOrDefault("RISK_CLEARED", 0L);
        var risks = codebook.list("A52_risk");
        MonitoringReport report = new MonitoringReport(area, total,
                TYPE_ORDER.stream().map(t -> new CountOfObjects(t, TYPES.get(t), byType.getOrDefault(t, 0L))).toList(),
                STATUS_ORDER.stream().map(s -> new CountOfObjects(s, STATUSES.get(s), byStatus.getOrDefault(s, 0L)))
                        .toList(),
                risks.options().keySet().stream()
                        .map(r -> new CountOfObjects(r, risks.label(r), byRisk.getOrDefault(r, 0L))).toList(),
                eliminated, total - eliminated - byStatus.getOrDefault("PROPOSED", 0L), withAssistance,
                children(area, year))
                .areaName(divisions.find(area).map(DivisionTree.Division::name).orElse(null)).year(year)
                .assistanceCoverage(identified == 0 ? null : BigDecimal.valueOf(withAssistance)
                        .divide(BigDecimal.valueOf(identified), 4, RoundingMode.HALF_UP).toPlainString());
        return report;
    }

    private Map<String, Long> countBy(String column, String area, Integer year) {
        return jdbc.sql("select " + column + ", count(*) from monitoring_fact where " + COUNTED + " group by 1")
                .param("prefix", area + "%").param("year", year)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private List<MonitoringAreaCount> children(String area, Integer year) {
        if (area.length() >= 12) {
            return List.of();
        }
        int length = area.length() == 6 ? 9 : 12;
        Map<String, long[]> counts = jdbc.sql("select substr(division_code, 1, :length), count(*),"
                + " count(*) filter (where status = 'RISK_CLEARED') from monitoring_fact where " + COUNTED
                + " group by 1").param("length", length).param("prefix", area + "%").param("year", year)
                .query((rs, n) -> Map.entry(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) })).list()
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return divisions.find(area).map(DivisionTree.Division::children).orElse(List.of()).stream().map(child -> {
            long[] c = counts.getOrDefault(child.code(), new long[2]);
            return new MonitoringAreaCount(child.code(), child.name(), c[0], c[1]);
        }).toList();
    }
}
