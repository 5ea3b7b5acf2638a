package cn.fupin.review.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.fupin.platform.outbox.Outbox;
import cn.fupin.platform.outbox.OutgoingEvent;
import cn.fupin.review.cases.StageDecision.Reason;

/**
 * What review publishes about cases on {@code review.events} (schemas in contracts): the case opened or
 * resubmitted, each stage's decision, and the outcome the subject's owner applies. Written through the outbox in
 * the transaction of the change.
 */
@Component
class ReviewEvents {

    private static final String AGGREGATE = "review-case";

    private final Outbox outbox;

    ReviewEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    record ReviewOpened(UUID caseId, String caseType, String subjectType, String subjectId, String areaCode, int year,
            UUID requestId, List<Stage> stages, Stage currentStage, String sourceEventId) {
    }

    record ReviewResubmitted(UUID caseId, String caseType, String subjectType, String subjectId, String areaCode,
            int year, UUID requestId, int round, Stage currentStage, String sourceEventId) {
    }

    record NoticeSummary(LocalDate startDate, LocalDate endDate, int objectionCount) {
    }

    record ReviewStageDecided(UUID caseId, String caseType, String subjectType, String subjectId, String areaCode,
            int year, UUID requestId, Stage stage, Decision decision, String decidedBy, Instant decidedAt,
            String comment, List<Reason> reasons, Stage nextStage, NoticeSummary publicity) {
    }

    record DecisionRecord(Stage stage, Decision decision, String decidedBy, Instant decidedAt, String comment) {
    }

    record ReviewApproved(UUID caseId, String caseType, String subjectType, String subjectId, String areaCode,
            int year, UUID requestId, Instant approvedAt, List<DecisionRecord> decisions) {
    }

    record ReviewRejected(UUID caseId, String caseType, String subjectType, String subjectId, String areaCode,
            int year, UUID requestId, Instant rejectedAt, Stage rejectedStage, List<Reason> reasons,
            List<DecisionRecord> decisions) {
    }

    void opened(ReviewCase c, String sourceEventId) {
        append(c, new ReviewOpened(c.id(), c.type().name(), c.type().subjectType().name(), c.subjectId(),
                c.areaCode(), c.year(), c.requestId(), c.stages(), c.currentStage(), sourceEventId));
    }

    void resubmitted(ReviewCase c, String sourceEventId) {
        append(c, new ReviewResubmitted(c.id(), c.type().name(), c.type().subjectType().name(), c.subjectId(),
                c.areaCode(), c.year(), c.requestId(), c.round(), c.currentStage(), sourceEventId));
    }

    void decided(ReviewCase c, ReviewCase.Outcome outcome, Publicity publicity) {
        StageDecision d = c.lastDecision();
        NoticeSummary notice = d.stage() == Stage.VILLAGE && publicity != null
                ? new NoticeSummary(publicity.noticeStart(), publicity.noticeEnd(), publicity.objections().size())
                : null;
        append(c, new ReviewStageDecided(c.id(), c.type().name(), c.type().subjectType().name(), c.subjectId(),
                c.areaCode(), c.year(), c.requestId(), d.stage(), d.decision(), d.decidedBy(), d.decidedAt(),
                d.comment(), d.reasons().isEmpty() ? null : d.reasons(),
                outcome == ReviewCase.Outcome.ADVANCED ? c.currentStage() : null, notice));
        List<DecisionRecord> round = c.decisionsOfThisRound().stream()
                .map(x -> new DecisionRecord(x.stage(), x.decision(), x.decidedBy(), x.decidedAt(), x.comment()))
                .toList();
        if (outcome == ReviewCase.Outcome.APPROVED) {
            append(c, new ReviewApproved(c.id(), c.type().name(), c.type().subjectType().name(), c.subjectId(),
                    c.areaCode(), c.year(), c.requestId(), d.decidedAt(), round));
        }
        else if (outcome == ReviewCase.Outcome.REJECTED) {
            List<Reason> reasons = d.reasons().isEmpty() ? List.of(new Reason(null, d.comment())) : d.reasons();
            append(c, new ReviewRejected(c.id(), c.type().name(), c.type().subjectType().name(), c.subjectId(),
                    c.areaCode(), c.year(), c.requestId(), d.decidedAt(), d.stage(), reasons, round));
        }
    }

    private void append(ReviewCase c, Object payload) {
        outbox.append(OutgoingEvent.of(AGGREGATE, c.id().toString(), c.areaCode(), payload));
    }
}
