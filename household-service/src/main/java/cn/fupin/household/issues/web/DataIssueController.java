package cn.fupin.household.issues.web;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.household.api.DataIssuesApi;
import cn.fupin.contracts.household.model.DataIssue;
import cn.fupin.contracts.household.model.DataIssuePage;
import cn.fupin.contracts.household.model.IssueImportResult;
import cn.fupin.contracts.household.model.IssueResolutionInput;
import cn.fupin.contracts.household.model.IssueVerificationInput;
import cn.fupin.contracts.household.model.DataIssueStatus;
import cn.fupin.contracts.household.model.SelfCheckRequest;
import cn.fupin.contracts.household.model.SelfCheckResult;
import cn.fupin.household.issues.DataIssueQueries;
import cn.fupin.household.issues.IssueImports;
import cn.fupin.household.issues.IssueWorkflow;
import cn.fupin.household.issues.SelfChecks;
import cn.fupin.platform.security.Caller;

/** Problem data over HTTP: the list, and the self-check of an area. */
@RestController
class DataIssueController implements DataIssuesApi {

    private final DataIssueQueries queries;
    private final SelfChecks selfChecks;
    private final IssueWorkflow workflow;
    private final IssueImports imports;

    DataIssueController(DataIssueQueries queries, SelfChecks selfChecks, IssueWorkflow workflow,
            IssueImports imports) {
        this.queries = queries;
        this.selfChecks = selfChecks;
        this.workflow = workflow;
        this.imports = imports;
    }

    @Override
    @PreAuthorize("hasAnyRole('township-officer', 'city-officer')")
    public ResponseEntity<IssueImportResult> importDataIssues(Integer year, String body, String origin,
            Boolean partial) {
        var result = imports.importCsv(body, year, origin, Boolean.TRUE.equals(partial), Caller.current());
        return ResponseEntity.ok(new IssueImportResult(result.rows(), result.imported(), result.skipped(),
                result.errors().stream().map(error -> new cn.fupin.contracts.household.model.FieldError(
                        error.field(), error.message()).indicator(error.indicator())).toList()));
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer')")
    public ResponseEntity<DataIssue> verifyDataIssue(UUID issueId, IssueVerificationInput input) {
        workflow.verify(issueId, IssueWorkflow.Verification.valueOf(input.getResult().getValue()), input.getComment(),
                Caller.current());
        return ResponseEntity.ok(workflow.view(issueId));
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<DataIssue> resolveDataIssue(UUID issueId, IssueResolutionInput input) {
        workflow.resolve(issueId, input.getComment(), Caller.current());
        return ResponseEntity.ok(workflow.view(issueId));
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
