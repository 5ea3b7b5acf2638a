package cn.fupin.reporting.monitoring;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.reporting.api.MonitoringReportsApi;
import cn.fupin.contracts.reporting.model.MonitoringReport;
import cn.fupin.platform.security.Caller;
import cn.fupin.reporting.ReportReaders;

/** 监测对象统计 over HTTP, inside the caller's area. */
@RestController
class MonitoringReportController implements MonitoringReportsApi {

    private final MonitoringReportQuery query;

    MonitoringReportController(MonitoringReportQuery query) {
        this.query = query;
    }

    @Override
    @Transactional(readOnly = true)
    @ReportReaders
    public ResponseEntity<MonitoringReport> getMonitoringReport(String areaCode, Integer year) {
        return ResponseEntity.ok(query.of(Caller.current().scope().narrow(areaCode), year));
    }
}
