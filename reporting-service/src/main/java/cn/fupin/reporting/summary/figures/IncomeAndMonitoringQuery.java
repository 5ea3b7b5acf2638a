package cn.fupin.reporting.summary.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.fupin.workplan.YearlyPolicies;
import cn.fupin.workplan.YearlyPolicy;
import cn.fupin.reporting.summary.figures.TownshipFigures.Count;
import cn.fupin.reporting.summary.figures.TownshipFigures.Income;
import cn.fupin.reporting.summary.figures.TownshipFigures.Monitoring;

/**
 * The year's incomes against the lines and the year's monitoring objects of a township. The poverty line and the
 * monitoring line are the year's policy figures, published with its work plan.
 */
@Component
class IncomeAndMonitoringQuery {

    private final YearlyPolicies policies;

    IncomeAndMonitoringQuery(YearlyPolicies policies) {
        this.policies = policies;
    }

    /** The line (含) and the monitoring line (含) start the upper bands: below the line is strictly below. */
    Income income(SummaryScope scope) {
        YearlyPolicy policy = policies.require(scope.year());
        BigDecimal line = policy.povertyLine();
        BigDecimal monitoring = policy.monitoringLine();
        Count[] bands = scope.select("""
                select count(*) filter (where per_capita_income < :line),
                       coalesce(sum(size) filter (where per_capita_income < :line), 0),
                       count(*) filter (where per_capita_income >= :line and per_capita_income < :monitoring),
                       coalesce(sum(size) filter (where per_capita_income >= :line
                                                    and per_capita_income < :monitoring), 0),
                       count(*) filter (where per_capita_income >= :monitoring),
                       coalesce(sum(size) filter (where per_capita_income >= :monitoring), 0)
                from annual_income where year = :year and division_code like :prefix""")
                .param("line", line).param("monitoring", monitoring)
                .query((rs, n) -> new Count[] { new Count(rs.getLong(1), rs.getLong(2)),
                    new Count(rs.getLong(3), rs.getLong(4)), new Count(rs.getLong(5), rs.getLong(6)) })
                .single();
        Map<String, BigDecimal> averages = new LinkedHashMap<>();
        scope.select("select category, avg(per_capita_income) from annual_income where year = :year"
                + " and division_code like :prefix group by 1").query(rs -> {
                    averages.put(rs.getString(1), rs.getBigDecimal(2).setScale(2, RoundingMode.HALF_UP));
                });
        return new Income(line, monitoring, bands[0], bands[1], bands[2], averages);
    }

    /** Rejected proposals are not monitoring objects; an object counts once per risk it carries. */
    Monitoring monitoring(SummaryScope scope) {
        Map<String, Long> byType = new LinkedHashMap<>();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Map<String, Long> byRisk = new LinkedHashMap<>();
        long[] withAssistance = { 0 };
        scope.select("select object_type, status, risks, assistance_count from monitoring_fact"
                + " where status <> 'REJECTED' and year = :year and division_code like :prefix").query(rs -> {
                    byType.merge(rs.getString(1), 1L, Long::sum);
                    byStatus.merge(rs.getString(2), 1L, Long::sum);
                    for (String risk : rs.getString(3).split(",")) {
                        if (!risk.isBlank()) {
                            byRisk.merge(risk, 1L, Long::sum);
                        }
                    }
                    if (!"PROPOSED".equals(rs.getString(2)) && rs.getInt(4) > 0) {
                        withAssistance[0]++;
                    }
                });
        return new Monitoring(byType, byStatus, byRisk, withAssistance[0]);
    }
}
