package cn.fupin.reporting.progress;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.reporting.api.ProgressReportsApi;
import cn.fupin.contracts.reporting.model.ProgressReport;
import cn.fupin.platform.security.Caller;

/** 工作进度 over HTTP, inside the caller's area. */
@RestController
class ProgressReportController implements ProgressReportsApi {

    private final ProgressReportQuery query;

    ProgressReportController(ProgressReportQuery query) {
        this.query = query;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('township-officer', 'city-officer', 'auditor')")
    public ResponseEntity<ProgressReport> getProgressReport(Integer year) {
        return ResponseEntity.ok(query.of(year, Caller.current().scope().prefix()));
    }
}
