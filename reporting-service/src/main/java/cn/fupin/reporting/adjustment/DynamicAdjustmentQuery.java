package cn.fupin.reporting.adjustment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.reporting.model.AdjustmentAreaCount;
import cn.fupin.contracts.reporting.model.ChangeCount;
import cn.fupin.contracts.reporting.model.DynamicAdjustmentReport;
import cn.fupin.contracts.reporting.model.ReasonCount;
import cn.fupin.reporting.Areas;

/**
 * 动态调整: new identified, exited, returned, cleared and confirmed households with their persons, member increases
 * and decreases by reason (forms 2 and 3), for an area and year, with the child areas for drill-down.
 */
@Component
class DynamicAdjustmentQuery {

    private static final Map<String, String> CHANGES = labels("IDENTIFIED", "新识别", "EXITED", "脱贫退出",
            "RETURNED", "返贫", "CLEARED", "清退", "CONFIRMED", "确认标注（脱贫不享受政策户）");
    private static final String WHERE = "division_code like :prefix and (cast(:year as integer) is null or year = :year)";

    private final JdbcClient jdbc;
    private final Areas areas;
    private final Codebook codebook;

    DynamicAdjustmentQuery(JdbcClient jdbc, Areas areas, Codebook codebook) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.codebook = codebook;
    }

    DynamicAdjustmentReport of(String area, Integer year) {
        Map<String, long[]> byKind = jdbc.sql("select kind, sum(households), sum(persons) from household_change where "
                + WHERE + " group by kind").param("prefix", area + "%").param("year", year)
                .query((rs, n) -> Map.entry(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) })).list()
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        DynamicAdjustmentReport report = new DynamicAdjustmentReport(area,
                CHANGES.entrySet().stream().map(e -> {
                    long[] c = byKind.getOrDefault(e.getKey(), new long[2]);
                    return new ChangeCount(e.getKey(), e.getValue(), c[0], c[1]);
                }).toList(),
                reasons("MEMBER_ADDED", "member_increase_reason", area, year),
                reasons("MEMBER_REMOVED", "member_decrease_reason", area, year), children(area, year))
                .areaName(areas.name(area)).year(year);
        return report;
    }

    private List<ReasonCount> reasons(String kind, String codeList, String area, Integer year) {
        Map<String, Long> persons = jdbc.sql("select reason, sum(persons) from household_change where kind = :kind and "
                + WHERE + " group by reason").param("kind", kind).param("prefix", area + "%").param("year", year)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        var list = codebook.list(codeList);
        return list.options().keySet().stream()
                .map(code -> new ReasonCount(code, list.label(code), persons.getOrDefault(code, 0L))).toList();
    }

    private List<AdjustmentAreaCount> children(String area, Integer year) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        jdbc.sql("select substr(division_code, 1, :length), kind, sum(case when kind like 'MEMBER%' then persons"
                + " else households end) from household_change where " + WHERE + " group by 1, 2")
                .param("length", Areas.childLength(area)).param("prefix", area + "%").param("year", year)
                .query((rs, n) -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                            rs.getLong(3));
                    return null;
                }).list();
        return areas.children(area).stream().map(child -> {
            Map<String, Long> c = counts.getOrDefault(child.code(), Map.of());
            return new AdjustmentAreaCount(child.code(), child.name(), c.getOrDefault("IDENTIFIED", 0L),
                    c.getOrDefault("EXITED", 0L), c.getOrDefault("RETURNED", 0L), c.getOrDefault("CLEARED", 0L),
                    c.getOrDefault("MEMBER_ADDED", 0L), c.getOrDefault("MEMBER_REMOVED", 0L));
        }).toList();
    }

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            labels.put(pairs[i], pairs[i + 1]);
        }
        return labels;
    }
}
