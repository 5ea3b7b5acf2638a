package cn.fupin.household.counts;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.household.api.InternalApi;
import cn.fupin.contracts.household.model.RecordCounts;
import cn.fupin.contracts.reconciliation.CountKeys;
import cn.fupin.platform.counts.GroupCounts;
import cn.fupin.platform.security.Caller;

/**
 * 账账相符, the owner's side: households and persons by category and status, annual records per year, problem
 * data open and closed — counted from this service's own tables, in the keys reporting counts its read models by.
 */
@RestController
class RecordCountsController implements InternalApi {

    private final JdbcClient jdbc;

    RecordCountsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('city-officer', 'auditor')")
    public ResponseEntity<RecordCounts> countRecords(String areaCode) {
        String prefix = Caller.current().scope().narrow(areaCode) + "%";
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select category, status, count(*), coalesce(sum(size), 0) from household"
                + " where division_code like :prefix group by 1, 2").param("prefix", prefix)
                .query((rs, n) -> {
                    counts.put(CountKeys.households(rs.getString(1), rs.getString(2)), rs.getLong(3));
                    return counts.put(CountKeys.persons(rs.getString(1), rs.getString(2)), rs.getLong(4));
                }).list();
        String area = prefix.substring(0, prefix.length() - 1);
        GroupCounts.into(counts, jdbc, CountKeys.ANNUAL_RECORDS, "select a.year, count(*) from annual_record a join household h"
                + " on h.id = a.household_id where h.division_code like :prefix group by 1", area);
        GroupCounts.into(counts, jdbc, CountKeys.DATA_ISSUES, "select case when status = 'CLOSED' then 'CLOSED' else 'OPEN'"
                + " end, count(*) from data_issue where division_code like :prefix group by 1", area);
        return ResponseEntity.ok(new RecordCounts(area, counts));
    }
}
