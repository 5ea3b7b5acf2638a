package cn.fupin.reporting;

import java.util.List;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.events.InvalidEventException;
import cn.fupin.platform.inbox.Inbox;

/**
 * Feeds the read models: one consumer per topic applies each event to every {@link Projection} that reads it,
 * once (inbox) and in one transaction. Events no projection reads are skipped; an event some projection reads but
 * in a version none knows is dead-lettered.
 */
@Component
class EventListeners {

    private final EventCodec codec;
    private final Inbox inbox;
    private final List<Projection> projections;

    EventListeners(EventCodec codec, Inbox inbox, List<Projection> projections) {
        this.codec = codec;
        this.inbox = inbox;
        this.projections = projections;
    }

    @KafkaListener(topics = "household.events")
    void onHousehold(String value) {
        apply("household.events", "reporting.households", value);
    }

    @KafkaListener(topics = "monitoring.events", groupId = "reporting-service.monitoring")
    void onMonitoring(String value) {
        apply("monitoring.events", "reporting.monitoring", value);
    }

    @KafkaListener(topics = "review.events", groupId = "reporting-service.reviews")
    void onReview(String value) {
        apply("review.events", "reporting.reviews", value);
    }

    private void apply(String topic, String consumer, String value) {
        EventEnvelope event = codec.read(value);
        List<Projection> reading = projections.stream()
                .filter(p -> p.topic().equals(topic) && p.events().contains(event.eventName())).toList();
        if (reading.isEmpty()) {
            return;
        }
        if (event.version() != 1) {
            throw new InvalidEventException("未知的事件版本: " + event.type());
        }
        inbox.handleOnce(consumer, event, e -> reading.forEach(projection -> projection.apply(e)));
    }
}
