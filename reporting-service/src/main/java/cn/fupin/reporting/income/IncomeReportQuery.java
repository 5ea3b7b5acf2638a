package cn.fupin.reporting.income;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
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
        // the villages' counts by category and band (annual_income_count, kept by triggers under the year's policy):
        // a few rows per village, where the records themselves are one per household
        List<Count> counts = jdbc.sql("select substr(division_code, 1, :length), category, band, households, persons,"
                + " income from annual_income_count where year = :year and division_code like :prefix and band >= 0"
                + " and households > 0")
                .param("length", Areas.childLength(area)).param("year", year).param("prefix", area + "%")
                .query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                        rs.getLong(5), rs.getBigDecimal(6)))
                .list();
        List<IncomeBand> bands = new ArrayList<>();
        for (int band = 0; band < bounds.size(); band++) {
            int b = band;
            long households = counts.stream().filter(c -> c.band() == b).mapToLong(Count::households).sum();
            long persons = counts.stream().filter(c -> c.band() == b).mapToLong(Count::persons).sum();
            bands.add(new IncomeBand(names.get(band)[0], names.get(band)[1], households, persons)
                    .from(money(bounds.get(band)[0])).to(money(bounds.get(band)[1])));
        }
        long households = counts.stream().mapToLong(Count::households).sum();
        List<CategoryIncome> categories = List.of(new String[] { "REGISTERED", "建档立卡户" },
                new String[] { "MARGINAL", "边缘易致贫户" }).stream().map(c -> {
                    List<Count> of = counts.stream().filter(count -> count.category().equals(c[0])).toList();
                    long number = of.stream().mapToLong(Count::households).sum();
                    BigDecimal income = of.stream().map(Count::income).reduce(BigDecimal.ZERO, BigDecimal::add);
                    return new CategoryIncome(c[0], c[1], number).averagePerCapita(number == 0 ? null
                            : money(income.divide(BigDecimal.valueOf(number), 2, RoundingMode.HALF_UP)));
                }).toList();
        Map<String, long[]> children = new HashMap<>();
        for (Count count : counts) {
            long[] child = children.computeIfAbsent(count.area(), k -> new long[3]);
            child[0] += count.households();
            child[1] += count.band() == 0 ? count.households() : 0;
            child[2] += count.band() == 0 || count.band() == 1 ? count.households() : 0;
        }
        IncomeReport report = new IncomeReport(area, year, line.toPlainString(), monitoring.toPlainString(),
                households, bands, categories, areas.children(area).stream().map(child -> {
                    long[] c = children.getOrDefault(child.code(), new long[3]);
                    return new IncomeAreaCount(child.code(), child.name(), c[0], c[1], c[2]);
                }).toList()).areaName(areas.name(area));
        return report;
    }

    /** A village's count for a category and band, its code cut to the child area's length. */
    private record Count(String area, String category, int band, long households, long persons, BigDecimal income) {
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
