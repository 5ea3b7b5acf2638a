package cn.fupin.reporting.adjustment;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.reporting.api.AdjustmentReportsApi;
import cn.fupin.contracts.reporting.model.DynamicAdjustmentReport;
import cn.fupin.platform.security.Caller;
import cn.fupin.reporting.ReportReaders;

/** 动态调整统计 over HTTP, inside the caller's area. */
@RestController
class DynamicAdjustmentController implements AdjustmentReportsApi {

    private final DynamicAdjustmentQuery query;

    DynamicAdjustmentController(DynamicAdjustmentQuery query) {
        this.query = query;
    }

    @Override
    @Transactional(readOnly = true)
    @ReportReaders
    public ResponseEntity<DynamicAdjustmentReport> getDynamicAdjustmentReport(String areaCode, Integer year) {
        return ResponseEntity.ok(query.of(Caller.current().scope().narrow(areaCode), year));
    }
}
