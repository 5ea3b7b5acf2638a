package cn.fupin.reporting.reconciliation;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.reconciliation.CountKeys;
import cn.fupin.platform.counts.GroupCounts;

/**
 * What the reports count, in the owners' keys: households and persons by category and status, annual records per
 * year, problem data open and closed (household); monitoring objects by status; review cases by state.
 */
@Component
class ReportedCounts {

    private final JdbcClient jdbc;

    ReportedCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Long> of(String owner, String area) {
        String prefix = area + "%";
        Map<String, Long> counts = new TreeMap<>();
        switch (owner) {
            case "household" -> {
                jdbc.sql("select category, status, count(*), coalesce(sum(size), 0) from household_fact"
                        + " where division_code like :prefix group by 1, 2").param("prefix", prefix)
                        .query((rs, n) -> {
                            counts.put(CountKeys.households(rs.getString(1), rs.getString(2)), rs.getLong(3));
                            return counts.put(CountKeys.persons(rs.getString(1), rs.getString(2)), rs.getLong(4));
                        }).list();
                GroupCounts.into(counts, jdbc, CountKeys.ANNUAL_RECORDS, "select year, count(*) from annual_income"
                        + " where division_code like :prefix group by 1", area);
                GroupCounts.into(counts, jdbc, CountKeys.DATA_ISSUES, "select status, count(*) from data_issue_fact"
                        + " where division_code like :prefix group by 1", area);
            }
            case "monitoring" -> GroupCounts.into(counts, jdbc, CountKeys.MONITORING_OBJECTS, "select status, count(*)"
                    + " from monitoring_fact where division_code like :prefix group by 1", area);
            case "review" -> GroupCounts.into(counts, jdbc, CountKeys.REVIEW_CASES, "select state, count(*) from review_case_fact"
                    + " where area_code like :prefix group by 1", area);
            default -> throw new IllegalArgumentException(owner);
        }
        return counts;
    }
}
