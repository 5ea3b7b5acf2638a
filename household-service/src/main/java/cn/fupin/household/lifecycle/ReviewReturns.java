package cn.fupin.household.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.events.InvalidEventException;
import cn.fupin.platform.inbox.Inbox;
import tools.jackson.databind.json.JsonMapper;

/**
 * 退回修改: a review stage may send a household's case back to the submitter for correction
 * ({@code ReviewStageDecided} with decision {@code RETURN}). The request it answers becomes RETURNED with the
 * reviewers' reasons (or their comment when they gave no reasons), until the clerk corrects the household and
 * submits the same request again. Applied once (inbox); the other stage decisions are review's own business. A
 * group of its own: a return always comes before the resubmission and the final outcome of its case, because
 * only a returned request can be resubmitted.
 */
@Component
class ReviewReturns {

    static final String CONSUMER = "household.review-returns";

    private final EventCodec codec;
    private final Inbox inbox;
    private final LifecycleRequests requests;
    private final JsonMapper json;

    ReviewReturns(EventCodec codec, Inbox inbox, LifecycleRequests requests, JsonMapper json) {
        this.codec = codec;
        this.inbox = inbox;
        this.requests = requests;
        this.json = json;
    }

    /** A stage decision as this service reads it ({@code ReviewStageDecided.v1}). */
    record StageDecision(String caseType, String subjectType, String subjectId, UUID requestId, String decision,
            String comment, List<Map<String, Object>> reasons) {

        boolean returnsHousehold() {
            return "RETURN".equals(decision) && "HOUSEHOLD".equals(subjectType);
        }

        /** The reviewers' reasons, or their comment as the one reason; none when they gave neither. */
        List<Map<String, Object>> reasonsGiven() {
            if (reasons != null && !reasons.isEmpty()) {
                return reasons;
            }
            return comment == null || comment.isBlank() ? null : List.of(Map.of("text", comment));
        }
    }

    @KafkaListener(topics = "review.events", groupId = "household-service.review-returns")
    void on(String value) {
        EventEnvelope event = codec.read(value);
        if (!"ReviewStageDecided".equals(event.eventName())) {
            return;
        }
        if (event.version() != 1) {
            throw new InvalidEventException("未知的事件版本: " + event.type());
        }
        StageDecision decision = codec.data(event, StageDecision.class);
        RequestType type = RequestType.ofCaseType(decision.caseType()).orElse(null);
        if (!decision.returnsHousehold() || type == null) {
            return;
        }
        inbox.handleOnce(CONSUMER, event, e -> returned(decision, type));
    }

    private void returned(StageDecision decision, RequestType type) {
        List<Map<String, Object>> reasons = decision.reasonsGiven();
        requests.undecided(decision.requestId(), UUID.fromString(decision.subjectId()), type)
                .ifPresent(request -> requests.decide(request.id(), "RETURNED",
                        reasons == null ? null : json.writeValueAsString(reasons)));
    }
}
