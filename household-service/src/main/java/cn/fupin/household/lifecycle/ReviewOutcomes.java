package cn.fupin.household.lifecycle;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.household.household.StatusChange;
import cn.fupin.household.household.StatusChanges;
import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.events.InvalidEventException;
import cn.fupin.platform.inbox.Inbox;
import tools.jackson.databind.json.JsonMapper;

/**
 * The household side of the review saga: review-service decides, this applies. An approval changes the
 * household's status (and publishes the change); a rejection keeps the reviewers' reasons on the request. Each
 * outcome is applied once (inbox); it answers the request while pending or returned for correction, and an outcome
 * for a request already decided changes nothing.
 */
@Component
class ReviewOutcomes {

    static final String CONSUMER = "household.review-outcomes";
    private static final Map<RequestType, StatusChange> CHANGES = Map.of(RequestType.NEW_IDENTIFICATION,
            StatusChange.IDENTIFICATION, RequestType.POVERTY_EXIT, StatusChange.EXIT, RequestType.RETURN_TO_POVERTY,
            StatusChange.RETURN, RequestType.POLICY_CONFIRMATION, StatusChange.CONFIRMATION,
            RequestType.POLICY_CLEAR_OUT, StatusChange.CLEAR_OUT);

    private final EventCodec codec;
    private final Inbox inbox;
    private final LifecycleRequests requests;
    private final StatusChanges statusChanges;
    private final JsonMapper json;

    ReviewOutcomes(EventCodec codec, Inbox inbox, LifecycleRequests requests, StatusChanges statusChanges,
            JsonMapper json) {
        this.codec = codec;
        this.inbox = inbox;
        this.requests = requests;
        this.statusChanges = statusChanges;
        this.json = json;
    }

    /** Reviewers' outcome as this service reads it ({@code ReviewApproved.v1} / {@code ReviewRejected.v1}). */
    record Outcome(UUID caseId, String caseType, String subjectType, UUID subjectId, int year, UUID requestId,
            OffsetDateTime approvedAt, OffsetDateTime rejectedAt, List<Map<String, Object>> reasons) {
    }

    @KafkaListener(topics = "review.events")
    void on(String value) {
        EventEnvelope event = codec.read(value);
        boolean approved = "ReviewApproved".equals(event.eventName());
        if (!approved && !"ReviewRejected".equals(event.eventName())) {
            return;
        }
        if (event.version() != 1) {
            throw new InvalidEventException("未知的事件版本: " + event.type());
        }
        Outcome outcome = codec.data(event, Outcome.class);
        RequestType type = RequestType.ofCaseType(outcome.caseType()).orElse(null);
        if (!"HOUSEHOLD".equals(outcome.subjectType()) || type == null) {
            return;
        }
        inbox.handleOnce(CONSUMER, event, e -> apply(outcome, type, approved));
    }

    private void apply(Outcome outcome, RequestType type, boolean approved) {
        requests.undecided(outcome.requestId(), outcome.subjectId(), type).ifPresent(request -> {
            if (approved) {
                LocalDate effective = outcome.approvedAt() == null ? LocalDate.now()
                        : outcome.approvedAt().atZoneSameInstant(WorkYear.ZONE).toLocalDate();
                statusChanges.apply(outcome.subjectId(), CHANGES.get(type), outcome.caseId(), outcome.year(),
                        effective, request.reason());
                requests.decide(request.id(), "APPROVED", null);
            }
            else {
                requests.decide(request.id(), "REJECTED", json.writeValueAsString(outcome.reasons()));
            }
        });
    }
}
