package cn.fupin.household.counts;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.reconciliation.CountKeys;
import cn.fupin.platform.counts.GroupCounts;
import cn.fupin.platform.counts.RecordCounts;

/**
 * 账账相符, the owner's side: households and persons by category and status, annual records per year, problem
 * data open and closed — from this service's own tables, in the keys reporting counts its read models by.
 */
@Component
class RecordCountsQuery implements RecordCounts {

    private final JdbcClient jdbc;

    RecordCountsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The counts of an area (a division-code prefix). */
    @Override
    public Map<String, Long> of(String area) {
        Map<String, Long> counts = new TreeMap<>();
        // kept by the tables' triggers as changes summed per village (migration 31): counting the records took 3 s at
        // 10^6 households; the area is the caller's, narrowed by the controller
        jdbc.sql("select category, status, households, persons from household_counts(:area)").param("area", area)
                .query((rs, n) -> {
                    counts.put(CountKeys.households(rs.getString(1), rs.getString(2)), rs.getLong(3));
                    return counts.put(CountKeys.persons(rs.getString(1), rs.getString(2)), rs.getLong(4));
                }).list();
        GroupCounts.into(counts, jdbc, CountKeys.ANNUAL_RECORDS, "select year, records from annual_record_counts(:area)",
                area);
        GroupCounts.into(counts, jdbc, CountKeys.DATA_ISSUES, "select case when status = 'CLOSED' then 'CLOSED'"
                + " else 'OPEN' end, count(*) from data_issue where division_code like :prefix group by 1", area);
        return counts;
    }
}
