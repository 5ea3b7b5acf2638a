package cn.fupin.reporting.monitoring;

import java.util.Set;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.events.InvalidEventException;
import cn.fupin.platform.inbox.Inbox;

/** Feeds the monitoring read model from {@code monitoring.events}, once per event; unknown versions dead-lettered. */
@Component
class MonitoringEventsListener {

    static final String CONSUMER = "reporting.monitoring";
    static final Set<String> STATE_EVENTS = Set.of("MonitoringObjectProposed", "MonitoringObjectIdentified",
            "AssistanceRecorded", "RiskAssessed", "RiskEliminationRequested", "RiskCleared", "RiskReopened");

    private final EventCodec codec;
    private final Inbox inbox;
    private final MonitoringFacts facts;

    MonitoringEventsListener(EventCodec codec, Inbox inbox, MonitoringFacts facts) {
        this.codec = codec;
        this.inbox = inbox;
        this.facts = facts;
    }

    @KafkaListener(topics = "monitoring.events", groupId = "reporting-service.monitoring")
    void on(String value) {
        EventEnvelope event = codec.read(value);
        if (!STATE_EVENTS.contains(event.eventName())) {
            return;
        }
        if (event.version() != 1) {
            throw new InvalidEventException("未知的事件版本: " + event.type());
        }
        inbox.handleOnce(CONSUMER, event, e -> facts.apply(codec.data(e, MonitoringFacts.ObjectState.class),
                e.eventName().equals("AssistanceRecorded"), e.sequence()));
    }
}
