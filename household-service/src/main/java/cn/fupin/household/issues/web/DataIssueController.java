package cn.fupin.household.issues.web;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.household.api.DataIssuesApi;
import cn.fupin.contracts.household.model.DataIssuePage;
import cn.fupin.contracts.household.model.DataIssueStatus;
import cn.fupin.contracts.household.model.SelfCheckRequest;
import cn.fupin.contracts.household.model.SelfCheckResult;
import cn.fupin.household.issues.DataIssueQueries;
import cn.fupin.household.issues.SelfChecks;
import cn.fupin.platform.security.Caller;

/** Problem data over HTTP: the list, and the self-check of an area. */
@RestController
class DataIssueController implements DataIssuesApi {

    private final DataIssueQueries queries;
    private final SelfChecks selfChecks;

    DataIssueController(DataIssueQueries queries, SelfChecks selfChecks) {
        this.queries = queries;
        this.selfChecks = selfChecks;
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer', 'auditor')")
    public ResponseEntity<DataIssuePage> searchDataIssues(String areaCode, DataIssueStatus status, String ruleCode,
            Integer page, Integer size) {
        String area = Caller.current().scope().narrow(areaCode);
        return ResponseEntity.ok(queries.search(area, status == null ? null : status.getValue(), ruleCode, page, size));
    }

    @Override
    @PreAuthorize("hasAnyRole('township-officer', 'city-officer')")
    public ResponseEntity<SelfCheckResult> runSelfCheck(SelfCheckRequest request) {
        var result = selfChecks.run(request.getAreaCode(), request.getYear(), Caller.current());
        return ResponseEntity.ok(new SelfCheckResult(result.areaCode(), result.year(), result.households(),
                result.raised(), result.fixed(), (int) result.open()));
    }
}
