package cn.fupin.review.functions.web;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.review.api.FunctionRequestsApi;
import cn.fupin.contracts.review.model.CaseState;
import cn.fupin.contracts.review.model.CompletionReport;
import cn.fupin.contracts.review.model.DecisionInput;
import cn.fupin.contracts.review.model.FunctionRequest;
import cn.fupin.contracts.review.model.FunctionRequestInput;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.review.cases.Decision;
import cn.fupin.review.cases.Decisions;
import cn.fupin.review.cases.ReviewCaseStore;
import cn.fupin.review.cases.Stage;
import cn.fupin.review.functions.FunctionRequests;

/** Townships' function-opening requests and the city's decisions, over HTTP. */
@RestController
class FunctionRequestController implements FunctionRequestsApi {

    private final FunctionRequests requests;
    private final ReviewCaseStore cases;
    private final FunctionRequestWebMapper mapper;

    FunctionRequestController(FunctionRequests requests, ReviewCaseStore cases, FunctionRequestWebMapper mapper) {
        this.requests = requests;
        this.cases = cases;
        this.mapper = mapper;
    }

    @Override
    @PreAuthorize("hasAnyRole('township-officer', 'city-officer', 'auditor')")
    public ResponseEntity<List<FunctionRequest>> listFunctionRequests(Integer year) {
        return ResponseEntity.ok(requests.list(year, Caller.current()).stream().map(this::toDto).toList());
    }

    @Override
    @PreAuthorize("hasAnyRole('township-officer', 'city-officer', 'auditor')")
    public ResponseEntity<FunctionRequest> getFunctionRequest(UUID requestId) {
        return ResponseEntity.ok(toDto(requests.find(requestId, Caller.current())
                .orElseThrow(() -> ApiException.notFound("功能开通申请", requestId))));
    }

    @Override
    @PreAuthorize("hasRole('township-officer')")
    public ResponseEntity<FunctionRequest> requestFunctions(FunctionRequestInput input, String idempotencyKey) {
        FunctionRequests.FunctionRequest created = requests.submit(input.getYear(), input.getTownshipCode(),
                report(input.getReport()), Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/function-requests/" + created.id())).body(toDto(created));
    }

    @Override
    @PreAuthorize("hasRole('city-officer')")
    public ResponseEntity<FunctionRequest> decideFunctionRequest(UUID requestId, DecisionInput input,
            String idempotencyKey) {
        return ResponseEntity.ok(toDto(requests.decide(requestId, new Decisions.Asked(
                input.getStage() == null ? null : Stage.valueOf(input.getStage().getValue()),
                Decision.valueOf(input.getDecision().getValue()), input.getComment(),
                mapper.reasons(input)), Caller.current())));
    }

    @Override
    @PreAuthorize("hasRole('township-officer')")
    public ResponseEntity<FunctionRequest> resubmitFunctionRequest(UUID requestId, CompletionReport report,
            String idempotencyKey) {
        return ResponseEntity.ok(toDto(requests.resubmit(requestId, report(report), Caller.current())));
    }

    private static FunctionRequests.Report report(CompletionReport report) {
        return new FunctionRequests.Report(report.getTitle(), report.getContent(), report.getReference());
    }

    private FunctionRequest toDto(FunctionRequests.FunctionRequest r) {
        return new FunctionRequest(r.id(), r.year(), r.townshipCode(), r.townshipName(),
                new CompletionReport(r.report().title()).content(r.report().content())
                        .reference(r.report().reference()),
                CaseState.fromValue(r.state().name()), r.submittedBy(), r.submittedAt().atOffset(ZoneOffset.UTC),
                r.caseId()).late(r.late())
                .decisions(cases.decisions(r.caseId()).stream().map(mapper::toDto).toList());
    }
}
