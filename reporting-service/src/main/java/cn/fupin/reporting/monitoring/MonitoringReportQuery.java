package cn.fupin.reporting.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    /** Of the villages' counts (migration 9, kept by triggers): rejected proposals are no monitoring objects. */
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
        int length = area.length() == 6 ? 9 : 12;
        List<Count> counts = jdbc.sql("select substr(division_code, 1, :length), object_type, status, assisted,"
                + " sum(objects) from monitoring_count where " + COUNTED + " group by 1, 2, 3, 4 having sum(objects) > 0")
                .param("length", length).param("prefix", area + "%").param("year", year)
                .query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getLong(5)))
                .list();
        Map<String, Long> byType = sum(counts, Count::type);
        Map<String, Long> byStatus = sum(counts, Count::status);
        Map<String, Long> byRisk = jdbc.sql("select risk, sum(objects) from monitoring_risk_count where " + COUNTED
                + " group by risk").param("prefix", area + "%").param("year", year)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<Count> identified = counts.stream().filter(c -> !c.status().equals("PROPOSED")).toList();
        long withAssistance = identified.stream().filter(Count::assisted).mapToLong(Count::objects).sum();
        long identifiedObjects = identified.stream().mapToLong(Count::objects).sum();
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
                children(area, counts))
                .areaName(divisions.find(area).map(DivisionTree.Division::name).orElse(null)).year(year)
                .assistanceCoverage(identifiedObjects == 0 ? null : BigDecimal.valueOf(withAssistance)
                        .divide(BigDecimal.valueOf(identifiedObjects), 4, RoundingMode.HALF_UP).toPlainString());
        return report;
    }

    private static Map<String, Long> sum(List<Count> counts, Function<Count, String> by) {
        return counts.stream().collect(Collectors.groupingBy(by, Collectors.summingLong(Count::objects)));
    }

    private List<MonitoringAreaCount> children(String area, List<Count> counts) {
        if (area.length() >= 12) {
            return List.of();
        }
        Map<String, Long> all = sum(counts, Count::child);
        Map<String, Long> cleared = sum(counts.stream().filter(c -> c.status().equals("RISK_CLEARED")).toList(),
                Count::child);
        return divisions.find(area).map(DivisionTree.Division::children).orElse(List.of()).stream()
                .map(child -> new MonitoringAreaCount(child.code(), child.name(), all.getOrDefault(child.code(), 0L),
                        cleared.getOrDefault(child.code(), 0L)))
                .toList();
    }

    /** Objects of a child area (the village's code cut to its length) by type, status and whether helped. */
    private record Count(String child, String type, String status, boolean assisted, long objects) {
    }
}
