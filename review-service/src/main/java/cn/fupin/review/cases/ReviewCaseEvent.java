package cn.fupin.review.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.fupin.platform.outbox.PublishedEvent;
import cn.fupin.review.cases.StageDecision.Reason;

/**
 * What review publishes about a case on {@code review.events} (schemas in contracts): the case opened or
 * resubmitted, each stage's decision, and the outcome the subject's owner applies. Raised by the feature's
 * services in the transaction of the change, keyed by the case, in the subject's area.
 */
sealed interface ReviewCaseEvent extends PublishedEvent {

    UUID caseId();

    @Override
    default String aggregateType() {
        return "review-case";
    }

    @Override
    default String aggregateId() {
        return caseId().toString();
    }

    static ReviewCaseEvent opened(ReviewCase c, String sourceEventId) {
        return new ReviewOpened(c.id(), c.type().name(), c.type().subjectType().name(), c.subjectId(), c.areaCode(),
                c.year(), c.requestId(), c.stages(), c.currentStage(), sourceEventId);
    }

    static ReviewCaseEvent resubmitted(ReviewCase c, String sourceEventId) {
        return new ReviewResubmitted(c.id(), c.type().name(), c.type().subjectType().name(), c.subjectId(),
                c.areaCode(), c.year(), c.requestId(), c.round(), c.currentStage(), sourceEventId);
    }

    /**
     * The stage decided; with a final decision also the outcome (approved or rejected) with the round's decisions.
     * The village stage's decision says what its notice (公示) showed.
     */
    static List<ReviewCaseEvent> decided(ReviewCase c, ReviewCase.Outcome outcome, Publicity publicity) {
        StageDecision d = c.lastDecision();
        NoticeSummary notice = d.stage() == Stage.VILLAGE && publicity != null
                ? new NoticeSummary(publicity.noticeStart(), publicity.noticeEnd(), publicity.objections().size())
                : null;
        List<ReviewCaseEvent> events = new ArrayList<>(2);
        events.add(new ReviewStageDecided(c.id(), c.type().name(), c.type().subjectType().name(), c.subjectId(),
                c.areaCode(), c.year(), c.requestId(), d.stage(), d.decision(), d.decidedBy(), d.decidedAt(),
                d.comment(), d.reasons().isEmpty() ? null : d.reasons(),
                outcome == ReviewCase.Outcome.ADVANCED ? c.currentStage() : null, notice));
        List<DecisionRecord> round = c.decisionsOfThisRound().stream()
                .map(x -> new DecisionRecord(x.stage(), x.decision(), x.decidedBy(), x.decidedAt(), x.comment()))
                .toList();
        if (outcome == ReviewCase.Outcome.APPROVED) {
            events.add(new ReviewApproved(c.id(), c.type().name(), c.type().subjectType().name(), c.subjectId(),
                    c.areaCode(), c.year(), c.requestId(), d.decidedAt(), round));
        }
        else if (outcome == ReviewCase.Outcome.REJECTED) {
            List<Reason> reasons = d.reasons().isEmpty() ? List.of(new Reason(null, d.comment())) : d.reasons();
            events.add(new ReviewRejected(c.id(), c.type().name(), c.type().subjectType().name(), c.subjectId(),
                    c.areaCode(), c.year(), c.requestId(), d.decidedAt(), d.stage(), reasons, round));
        }
        return events;
    }

    record ReviewOpened(UUID caseId, String caseType, String subjectType, String subjectId, String areaCode, int year,
            UUID requestId, List<Stage> stages, Stage currentStage, String sourceEventId) implements ReviewCaseEvent {
    }

    record ReviewResubmitted(UUID caseId, String caseType, String subjectType, String subjectId, String areaCode,
            int year, UUID requestId, int round, Stage currentStage, String sourceEventId)
            implements ReviewCaseEvent {
    }

    record NoticeSummary(LocalDate startDate, LocalDate endDate, int objectionCount) {
    }

    record ReviewStageDecided(UUID caseId, String caseType, String subjectType, String subjectId, String areaCode,
            int year, UUID requestId, Stage stage, Decision decision, String decidedBy, Instant decidedAt,
            String comment, List<Reason> reasons, Stage nextStage, NoticeSummary publicity)
            implements ReviewCaseEvent {
    }

    record DecisionRecord(Stage stage, Decision decision, String decidedBy, Instant decidedAt, String comment) {
    }

    record ReviewApproved(UUID caseId, String caseType, String subjectType, String subjectId, String areaCode,
            int year, UUID requestId, Instant approvedAt, List<DecisionRecord> decisions) implements ReviewCaseEvent {
    }

    record ReviewRejected(UUID caseId, String caseType, String subjectType, String subjectId, String areaCode,
            int year, UUID requestId, Instant rejectedAt, Stage rejectedStage, List<Reason> reasons,
            List<DecisionRecord> decisions) implements ReviewCaseEvent {
    }
}
