package cn.fupin.reporting.income;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.reporting.model.CategoryIncome;
import cn.fupin.contracts.reporting.model.IncomeAreaCount;
import cn.fupin.contracts.reporting.model.IncomeBand;
import cn.fupin.contracts.reporting.model.IncomeReport;
import cn.fupin.workplan.YearlyPolicies;
import cn.fupin.workplan.YearlyPolicy;
import cn.fupin.reporting.Areas;

/**
 * 收入分布: households of an area by the year's per-capita net income against the poverty line and the
 * monitoring line (the year's policy figures, published with its work plan), by category, and per child
 * area how many are under each line.
 */
@Component
class IncomeReportQuery {

    private final JdbcClient jdbc;
    private final Areas areas;
    private final YearlyPolicies policies;

    IncomeReportQuery(JdbcClient jdbc, Areas areas, YearlyPolicies policies) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.policies = policies;
    }

    IncomeReport of(int year, String area) {
        YearlyPolicy policy = policies.require(year);
        BigDecimal line = policy.povertyLine();
        BigDecimal monitoring = policy.monitoringLine();
        BigDecimal twice = line.multiply(BigDecimal.TWO);
        List<BigDecimal[]> bounds = List.of(new BigDecimal[] { null, line }, new BigDecimal[] { line, monitoring },
                new BigDecimal[] { monitoring, twice }, new BigDecimal[] { twice, null });
        List<String[]> names = List.of(new String[] { "BELOW_LINE", "低于扶贫标准" },
                new String[] { "LINE_TO_MONITORING", "扶贫标准至监测线" },
                new String[] { "MONITORING_TO_DOUBLE", "监测线至 2 倍扶贫标准" },
                new String[] { "DOUBLE_AND_ABOVE", "2 倍扶贫标准及以上" });
        List<IncomeBand> bands = new java.util.ArrayList<>();
        long households = 0;
        for (int i = 0; i < bounds.size(); i++) {
            BigDecimal from = bounds.get(i)[0];
            BigDecimal to = bounds.get(i)[1];
            long[] c = jdbc.sql("select count(*), coalesce(sum(size), 0) from annual_income where year = :year"
                    + " and division_code like :prefix and (cast(:from as numeric) is null or per_capita_income >= :from)"
                    + " and (cast(:to as numeric) is null or per_capita_income < :to)")
                    .param("year", year).param("prefix", area + "%").param("from", from).param("to", to)
                    .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
            households += c[0];
            bands.add(new IncomeBand(names.get(i)[0], names.get(i)[1], c[0], c[1]).from(money(from)).to(money(to)));
        }
        Map<String, Object[]> byCategory = jdbc.sql("select category, count(*), avg(per_capita_income) from annual_income"
                + " where year = :year and division_code like :prefix group by category")
                .param("year", year).param("prefix", area + "%")
                .query((rs, n) -> Map.entry(rs.getString(1), new Object[] { rs.getLong(2), rs.getBigDecimal(3) }))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<CategoryIncome> categories = List.of(new String[] { "REGISTERED", "建档立卡户" },
                new String[] { "MARGINAL", "边缘易致贫户" }).stream().map(c -> {
                    Object[] v = byCategory.getOrDefault(c[0], new Object[] { 0L, null });
                    return new CategoryIncome(c[0], c[1], (Long) v[0]).averagePerCapita(money((BigDecimal) v[1]));
                }).toList();
        Map<String, long[]> children = jdbc.sql("select substr(division_code, 1, :length), count(*),"
                + " count(*) filter (where per_capita_income < :line),"
                + " count(*) filter (where per_capita_income < :monitoring) from annual_income"
                + " where year = :year and division_code like :prefix group by 1")
                .param("length", Areas.childLength(area)).param("line", line).param("monitoring", monitoring)
                .param("year", year).param("prefix", area + "%")
                .query((rs, n) -> Map.entry(rs.getString(1),
                        new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) }))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        IncomeReport report = new IncomeReport(area, year, line.toPlainString(), monitoring.toPlainString(),
                households, bands, categories, areas.children(area).stream().map(child -> {
                    long[] c = children.getOrDefault(child.code(), new long[3]);
                    return new IncomeAreaCount(child.code(), child.name(), c[0], c[1], c[2]);
                }).toList()).areaName(areas.name(area));
        return report;
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
