package cn.fupin.monitoring.objects;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.events.InvalidEventException;
import cn.fupin.platform.inbox.Inbox;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring side of the review saga: an approved inclusion identifies the object (MonitoringObjectIdentified),
 * an approved elimination clears its risk (RiskCleared); a rejection ends an inclusion or sends an elimination
 * back to monitoring with the reasons; a return marks the request for correction. Each outcome applies once and
 * only to the request it names.
 */
@Component
class ReviewOutcomes {

    static final String CONSUMER = "monitoring.review-outcomes";

    private final EventCodec codec;
    private final Inbox inbox;
    private final MonitoringObjectStore store;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    ReviewOutcomes(EventCodec codec, Inbox inbox, MonitoringObjectStore store, ApplicationEventPublisher events,
            JsonMapper json, Clock clock) {
        this.codec = codec;
        this.inbox = inbox;
        this.store = store;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    record Outcome(UUID caseId, String caseType, String subjectType, UUID subjectId, UUID requestId,
            String decision, OffsetDateTime approvedAt, String comment, List<Map<String, Object>> reasons) {
    }

    @KafkaListener(topics = "review.events", groupId = "monitoring-service.review-outcomes")
    void on(String value) {
        EventEnvelope event = codec.read(value);
        String name = event.eventName();
        if (!name.equals("ReviewApproved") && !name.equals("ReviewRejected") && !name.equals("ReviewStageDecided")) {
            return;
        }
        if (event.version() != 1) {
            throw new InvalidEventException("未知的事件版本: " + event.type());
        }
        Outcome outcome = codec.data(event, Outcome.class);
        if (!"MONITORING_OBJECT".equals(outcome.subjectType())
                || name.equals("ReviewStageDecided") && !"RETURN".equals(outcome.decision())) {
            return;
        }
        inbox.handleOnce(CONSUMER, event, e -> apply(name, outcome));
    }

    private void apply(String name, Outcome outcome) {
        store.findForUpdate(outcome.subjectId(), cn.fupin.platform.security.AreaScope.ALL)
                .filter(object -> object.awaits(outcome.requestId(), outcome.caseType()))
                .ifPresent(object -> {
                    switch (name) {
                        case "ReviewApproved" -> approved(object, outcome);
                        case "ReviewRejected" -> {
                            object.rejected(reasons(outcome));
                            save(object, outcome, "审核驳回");
                        }
                        default -> {
                            object.returned(reasons(outcome));
                            store.update(object);
                        }
                    }
                });
    }

    private void approved(MonitoringObject object, Outcome outcome) {
        LocalDate effective = (outcome.approvedAt() != null ? outcome.approvedAt().toInstant() : clock.instant())
                .atZone(WorkYear.ZONE).toLocalDate();
        object.approved(clock.instant());
        save(object, outcome, "审核通过");
        events.publishEvent(MonitoringObjectEvent.approved(object, outcome.caseId(), effective));
    }

    private void save(MonitoringObject object, Outcome outcome, String note) {
        store.update(object);
        store.addStatusChange(object.id(), new MonitoringObjectStore.StatusChange(object.status(), clock.instant(),
                "review", outcome.caseId(), note));
    }

    private String reasons(Outcome outcome) {
        if (outcome.reasons() != null && !outcome.reasons().isEmpty()) {
            return json.writeValueAsString(outcome.reasons());
        }
        return outcome.comment() == null ? null : json.writeValueAsString(List.of(Map.of("text", outcome.comment())));
    }
}
