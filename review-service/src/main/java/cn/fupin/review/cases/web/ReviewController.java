package cn.fupin.review.cases.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import cn.fupin.contracts.review.api.ReviewsApi;
import cn.fupin.contracts.review.model.CaseState;
import cn.fupin.contracts.review.model.CaseType;
import cn.fupin.contracts.review.model.DecisionInput;
import cn.fupin.contracts.review.model.Evidence;
import cn.fupin.contracts.review.model.PublicityInput;
import cn.fupin.contracts.review.model.ReviewCase;
import cn.fupin.contracts.review.model.ReviewPage;
import cn.fupin.contracts.review.model.ReviewSummary;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.web.ETags;
import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.review.cases.Decision;
import cn.fupin.review.cases.Decisions;
import cn.fupin.review.cases.Publicities;
import cn.fupin.review.cases.PublicityEvidence;
import cn.fupin.review.cases.ReviewQueries;
import cn.fupin.review.cases.Stage;

/** Review cases over HTTP: queues, detail, the village's notice and its photos, stage decisions. */
@RestController
class ReviewController implements ReviewsApi {

    private final ReviewQueries queries;
    private final Decisions decisions;
    private final Publicities publicities;
    private final PublicityEvidence evidence;
    private final ReviewWebMapper mapper;
    private final HttpServletRequest request;
    private final Clock clock;

    ReviewController(ReviewQueries queries, Decisions decisions, Publicities publicities, PublicityEvidence evidence,
            ReviewWebMapper mapper, HttpServletRequest request, Clock clock) {
        this.evidence = evidence;
        this.request = request;
        this.queries = queries;
        this.decisions = decisions;
        this.publicities = publicities;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer', 'auditor')")
    public ResponseEntity<ReviewPage> listReviews(String view, CaseType caseType, CaseState state, Integer year,
            UUID subjectId, UUID requestId, Integer page, Integer size) {
        Caller caller = Caller.current();
        boolean queue = !"all".equals(view) && Stage.ofRole(caller).isPresent();
        return ResponseEntity.ok(mapper.toDto(queries.list(new ReviewQueries.Filter(queue,
                caseType == null ? null : cn.fupin.review.cases.CaseType.valueOf(caseType.getValue()),
                state == null ? null : cn.fupin.review.cases.CaseState.valueOf(state.getValue()), year, subjectId,
                requestId, page, size), caller)));
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer', 'auditor')")
    public ResponseEntity<ReviewSummary> reviewSummary(Integer year) {
        Caller caller = Caller.current();
        return ResponseEntity.ok(new ReviewSummary(caller.scope().prefix(),
                queries.summary(year, caller).stream().map(mapper::toDto).toList()));
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer', 'auditor')")
    public ResponseEntity<ReviewCase> getReview(UUID caseId) {
        return current(caseId, Caller.current());
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<ReviewCase> decideReview(UUID caseId, DecisionInput input, String ifMatch,
            String idempotencyKey) {
        Caller caller = Caller.current();
        decisions.decide(caseId, new Decisions.Asked(input.getStage() == null ? null
                : Stage.valueOf(input.getStage().getValue()), Decision.valueOf(input.getDecision().getValue()),
                input.getComment(), mapper.toDomain(input.getReasons())), ETags.version(ifMatch), caller);
        return current(caseId, caller);
    }

    @Override
    @PreAuthorize("hasRole('village-clerk')")
    public ResponseEntity<ReviewCase> recordPublicity(UUID caseId, PublicityInput input, String idempotencyKey) {
        Caller caller = Caller.current();
        publicities.record(caseId, mapper.toDomain(input.getAppraisal()), input.getNotice().getStartDate(),
                input.getNotice().getEndDate(), input.getNotice().getPlace(),
                input.getObjections().stream().map(mapper::toDomain).toList(), caller);
        return current(caseId, caller);
    }

    @Override
    @PreAuthorize("hasRole('village-clerk')")
    public ResponseEntity<Evidence> attachPublicityEvidence(UUID caseId, Resource body, String fileName,
            String idempotencyKey) {
        MediaType declared = MediaType.parseMediaType(request.getContentType());
        cn.fupin.review.cases.Evidence kept;
        try {
            kept = evidence.attach(caseId, body.getInputStream(), declared.getType() + "/" + declared.getSubtype(),
                    fileName, Caller.current());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return ResponseEntity.created(URI.create("/api/v1/reviews/" + caseId + "/publicity/evidence/" + kept.id()))
                .body(mapper.toDto(kept));
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer', 'auditor')")
    public ResponseEntity<Resource> getPublicityEvidence(UUID caseId, UUID evidenceId) {
        PublicityEvidence.File file = evidence.file(caseId, evidenceId, Caller.current())
                .orElseThrow(() -> ApiException.notFound("公示证据", evidenceId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.evidence().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.evidence().fileName(), StandardCharsets.UTF_8).build().toString())
                .body(new ByteArrayResource(file.content()));
    }

    private ResponseEntity<ReviewCase> current(UUID caseId, Caller caller) {
        ReviewQueries.Detail detail = queries.detail(caseId, caller)
                .orElseThrow(() -> ApiException.notFound("审核案件", caseId));
        return ResponseEntity.ok().eTag(ETags.of((long) detail.reviewCase().version()))
                .body(mapper.toDto(detail, LocalDate.now(clock.withZone(WorkYear.ZONE))));
    }
}
