package cn.fupin.review.counts;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.reconciliation.CountKeys;
import cn.fupin.platform.counts.GroupCounts;

/** 账账相符, the owner's side: review cases by state, counted from this service's own table. */
@Component
class RecordCountsQuery {

    private final JdbcClient jdbc;

    RecordCountsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The counts of an area (a division-code prefix). */
    Map<String, Long> of(String area) {
        Map<String, Long> counts = new TreeMap<>();
        GroupCounts.into(counts, jdbc, CountKeys.REVIEW_CASES, "select state, count(*) from review_case"
                + " where area_code like :prefix group by 1", area);
        return counts;
    }
}
