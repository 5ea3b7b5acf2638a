package cn.fupin.monitoring.counts;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.monitoring.api.InternalApi;
import cn.fupin.contracts.monitoring.model.RecordCounts;
import cn.fupin.contracts.reconciliation.CountKeys;
import cn.fupin.platform.counts.GroupCounts;
import cn.fupin.platform.security.Caller;

/** 账账相符, the owner's side: monitoring objects by status, counted from this service's own table. */
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
        String area = Caller.current().scope().narrow(areaCode);
        Map<String, Long> counts = new TreeMap<>();
        GroupCounts.into(counts, jdbc, CountKeys.MONITORING_OBJECTS, "select status, count(*) from monitoring_object"
                + " where division_code like :prefix group by 1", area);
        return ResponseEntity.ok(new RecordCounts(area, counts));
    }
}
