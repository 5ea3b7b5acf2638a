package cn.fupin.reporting.quality;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.reporting.api.QualityReportsApi;
import cn.fupin.contracts.reporting.model.DataQualityReport;
import cn.fupin.platform.security.Caller;
import cn.fupin.reporting.ReportReaders;

/** 问题数据统计 over HTTP, inside the caller's area. */
@RestController
class DataQualityReportController implements QualityReportsApi {

    private final DataQualityQuery query;

    DataQualityReportController(DataQualityQuery query) {
        this.query = query;
    }

    @Override
    @Transactional(readOnly = true)
    @ReportReaders
    public ResponseEntity<DataQualityReport> getDataQualityReport(String areaCode, Integer year) {
        return ResponseEntity.ok(query.of(Caller.current().scope().narrow(areaCode), year));
    }
}
