package cn.fupin.household.counts;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.household.api.InternalApi;
import cn.fupin.contracts.household.model.RecordCounts;
import cn.fupin.platform.security.Caller;

/** 账账相符, the owner's side, over HTTP: the counts of the caller's area (or a part of it). */
@RestController
class RecordCountsController implements InternalApi {

    private final RecordCountsQuery query;

    RecordCountsController(RecordCountsQuery query) {
        this.query = query;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('city-officer', 'auditor')")
    public ResponseEntity<RecordCounts> countRecords(String areaCode) {
        String area = Caller.current().scope().narrow(areaCode);
        return ResponseEntity.ok(new RecordCounts(area, query.of(area)));
    }
}
