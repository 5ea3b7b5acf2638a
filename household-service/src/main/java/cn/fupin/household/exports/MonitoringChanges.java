package cn.fupin.household.exports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.events.InvalidEventException;
import cn.fupin.platform.events.NewestVersions;
import cn.fupin.platform.inbox.Inbox;
import tools.jackson.databind.JsonNode;

/**
 * The monitoring changes the national registry must hear of, from {@code monitoring.events}: an object identified
 * here after review ({@code MonitoringObjectIdentified}) and a risk eliminated here ({@code RiskCleared}), journalled
 * once each for the change export. Objects taken over from the registry's own export
 * ({@code MonitoringObjectImported}) never go back to it.
 */
@Component
class MonitoringChanges {

    static final String CONSUMER = "household.monitoring-changes";

    private final EventCodec codec;
    private final Inbox inbox;
    private final ChangeJournal journal;

    MonitoringChanges(EventCodec codec, Inbox inbox, ChangeJournal journal) {
        this.codec = codec;
        this.inbox = inbox;
        this.journal = journal;
    }

    @KafkaListener(topics = "monitoring.events", groupId = "household-service.monitoring-changes")
    void on(String value) {
        EventEnvelope event = codec.read(value);
        String kind = switch (event.eventName()) {
            case "MonitoringObjectIdentified" -> "MONITORING_IDENTIFIED";
            case "RiskCleared" -> "RISK_CLEARED";
            default -> null;
        };
        if (kind == null) {
            return;
        }
        if (!NewestVersions.FIRST.understands(event)) {
            throw new InvalidEventException("未知的事件版本: " + event.type());
        }
        JsonNode data = event.data();
        List<String> risks = new ArrayList<>();
        data.path("risks").forEach(risk -> risks.add(risk.asString()));
        try {
            UUID household = UUID.fromString(data.required("householdId").asString());
            String division = data.required("divisionCode").asString();
            String type = data.required("objectType").asString();
            LocalDate effective = LocalDate.parse(data.required("effectiveDate").asString());
            inbox.handleOnce(CONSUMER, event, e -> journal.monitoring(household, division, kind, type, risks,
                    effective));
        }
        catch (IllegalArgumentException | java.time.DateTimeException ex) {
            throw new InvalidEventException("监测事件 " + event.id() + " 无法记入变更：" + ex.getMessage());
        }
    }
}
