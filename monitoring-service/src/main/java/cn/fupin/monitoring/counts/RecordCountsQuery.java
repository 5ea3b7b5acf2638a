package cn.fupin.monitoring.counts;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.reconciliation.CountKeys;
import cn.fupin.platform.counts.GroupCounts;

/** 账账相符, the owner's side: monitoring objects by status, counted from this service's own table. */
@Component
class RecordCountsQuery {

    private final JdbcClient jdbc;

    RecordCountsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The counts of an area (a division-code prefix). */
    Map<String, Long> of(String area) {
        Map<String, Long> counts = new TreeMap<>();
        GroupCounts.into(counts, jdbc, CountKeys.MONITORING_OBJECTS, "select status, count(*) from monitoring_object"
                + " where division_code like :prefix group by 1", area);
        return counts;
    }
}
