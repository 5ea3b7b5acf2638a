package cn.fupin.review.cases;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import cn.fupin.platform.events.EventCatalogue;
import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.events.InvalidEventException;
import cn.fupin.platform.inbox.Inbox;
import tools.jackson.databind.JsonNode;

/**
 * Opens cases from the request events of household-service and monitoring-service. Each request event carries
 * its case type, request id, subject and village; the whole payload is the snapshot reviewers decide on. Events
 * of other types are none of review's business; a request event of an unknown version is dead-lettered.
 */
@Component
class RequestEvents {

    static final String CONSUMER = "review.requests";

    /** Request event name → the field naming its subject. */
    private static final Map<String, String> REQUESTS = Map.of(
            "HouseholdIdentificationRequested", "householdId",
            "HouseholdExitRequested", "householdId",
            "HouseholdReturnRequested", "householdId",
            "PolicyVerificationRequested", "householdId",
            "MonitoringObjectProposed", "monitoringObjectId",
            "RiskEliminationRequested", "monitoringObjectId");

    private final EventCodec codec;
    private final Inbox inbox;
    private final CaseOpenings openings;
    private final EventCatalogue catalogue;

    RequestEvents(EventCodec codec, Inbox inbox, CaseOpenings openings, EventCatalogue catalogue) {
        this.codec = codec;
        this.inbox = inbox;
        this.openings = openings;
        this.catalogue = catalogue;
    }

    /**
     * A poll's records at once: a bulk import's hundreds of thousands of events are none of review's, and are dropped
     * by their type alone, without an observation each. A record that fails is named to the error handler, the ones
     * before it kept (each case opens in its own transaction).
     */
    @KafkaListener(topics = { "household.events", "monitoring.events" }, batch = "true")
    void on(List<String> records) {
        for (int i = 0; i < records.size(); i++) {
            try {
                open(records.get(i));
            }
            catch (RuntimeException ex) {
                throw new BatchListenerFailedException(ex.getMessage(), ex, i);
            }
        }
    }

    private void open(String value) {
        String name = codec.peekName(value);
        if (name != null && !REQUESTS.containsKey(name)) {
            if (!catalogue.knowsName(name)) {
                throw new InvalidEventException("未知的事件类型: " + name);
            }
            return; // most of both topics: read no further
        }
        EventEnvelope event = codec.read(value);
        String subjectField = REQUESTS.get(event.eventName());
        if (subjectField == null) {
            return;
        }
        if (event.version() != 1) {
            throw new InvalidEventException("未知的事件版本: " + event.type());
        }
        CaseOpenings.Request request = request(event, subjectField);
        inbox.handleOnce(CONSUMER, event, e -> openings.open(request));
    }

    private static CaseOpenings.Request request(EventEnvelope event, String subjectField) {
        JsonNode data = event.data();
        try {
            CaseType type = CaseType.valueOf(text(data, "caseType"));
            return new CaseOpenings.Request(type, text(data, subjectField), text(data, "divisionCode"),
                    Integer.parseInt(text(data, "year")), UUID.fromString(text(data, "requestId")),
                    data.hasNonNull("headName") ? data.get("headName").asString() : null,
                    event.actor() == null ? "system" : event.actor(), event.id(), data.toString());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidEventException("申请事件 " + event.id() + " 无法建案: " + ex.getMessage());
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("缺少 " + field);
        }
        return node.asString();
    }
}
