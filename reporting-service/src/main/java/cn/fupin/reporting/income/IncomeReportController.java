package cn.fupin.reporting.income;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.reporting.api.IncomeReportsApi;
import cn.fupin.contracts.reporting.model.IncomeReport;
import cn.fupin.platform.security.Caller;
import cn.fupin.reporting.ReportReaders;

/** 收入分布 over HTTP, inside the caller's area. */
@RestController
class IncomeReportController implements IncomeReportsApi {

    private final IncomeReportQuery query;

    IncomeReportController(IncomeReportQuery query) {
        this.query = query;
    }

    @Override
    @Transactional(readOnly = true)
    @ReportReaders
    public ResponseEntity<IncomeReport> getIncomeReport(Integer year, String areaCode) {
        return ResponseEntity.ok(query.of(year, Caller.current().scope().narrow(areaCode)));
    }
}
