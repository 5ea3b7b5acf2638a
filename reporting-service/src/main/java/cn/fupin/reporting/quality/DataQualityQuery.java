package cn.fupin.reporting.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.reporting.model.DataQualityReport;
import cn.fupin.contracts.reporting.model.QualityAreaCount;
import cn.fupin.contracts.reporting.model.RuleCount;
import cn.fupin.reporting.Areas;

/**
 * 问题数据统计: problem data of an area by rule (names from the codebook's {@code data_quality_rule}; an imported
 * rule code the codebook does not know is shown as it is), open and closed, with the child areas.
 */
@Component
class DataQualityQuery {

    private static final String WHERE = "division_code like :prefix and (cast(:year as integer) is null or year = :year)";

    private final JdbcClient jdbc;
    private final Areas areas;
    private final Codebook codebook;

    DataQualityQuery(JdbcClient jdbc, Areas areas, Codebook codebook) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.codebook = codebook;
    }

    DataQualityReport of(String area, Integer year) {
        var names = codebook.list("data_quality_rule");
        Map<String, long[]> byRule = new LinkedHashMap<>();
        names.options().keySet().forEach(code -> byRule.put(code, new long[2]));
        jdbc.sql("select rule_code, count(*) filter (where status = 'OPEN'), count(*) filter (where status = 'CLOSED')"
                + " from data_issue_fact where " + WHERE + " group by rule_code order by rule_code")
                .param("prefix", area + "%").param("year", year)
                .query((rs, n) -> byRule.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) })).list();
        List<RuleCount> rules = byRule.entrySet().stream().map(e -> new RuleCount(e.getKey(),
                names.contains(e.getKey()) ? names.label(e.getKey()) : e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
        Map<String, long[]> children = jdbc.sql("select substr(division_code, 1, :length),"
                + " count(*) filter (where status = 'OPEN'), count(*) filter (where status = 'CLOSED')"
                + " from data_issue_fact where " + WHERE + " group by 1")
                .param("length", Areas.childLength(area)).param("prefix", area + "%").param("year", year)
                .query((rs, n) -> Map.entry(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) })).list()
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long open = rules.stream().mapToLong(RuleCount::getOpen).sum();
        long closed = rules.stream().mapToLong(RuleCount::getClosed).sum();
        return new DataQualityReport(area, open, closed, rules,
                areas.children(area).stream().map(child -> {
                    long[] c = children.getOrDefault(child.code(), new long[2]);
                    return new QualityAreaCount(child.code(), child.name(), c[0], c[1]);
                }).toList()).areaName(areas.name(area)).year(year);
    }
}
