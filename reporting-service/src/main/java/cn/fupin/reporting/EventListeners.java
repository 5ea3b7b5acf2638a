package cn.fupin.reporting;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.events.NewestVersions;
import cn.fupin.platform.inbox.EventBatches;

/**
 * Feeds the read models: one consumer per topic takes each poll's records as a batch and applies each event to every
 * {@link Projection} that reads it, once, a batch in one transaction ({@link EventBatches}). Events no projection
 * reads are skipped; one some projection reads in a version none knows is dead-lettered.
 */
@Component
class EventListeners {

    private final EventBatches batches;
    private final List<Projection> projections;

    EventListeners(EventBatches batches, List<Projection> projections) {
        this.batches = batches;
        this.projections = projections;
    }

    @KafkaListener(topics = "household.events", batch = "true")
    void onHousehold(List<String> records) {
        batches.consume("reporting.households", records, event -> projecting("household.events", event),
                events -> { }, understood("household.events"));
    }

    @KafkaListener(topics = "monitoring.events", groupId = "reporting-service.monitoring", batch = "true")
    void onMonitoring(List<String> records) {
        batches.consume("reporting.monitoring", records, event -> projecting("monitoring.events", event),
                events -> { }, understood("monitoring.events"));
    }

    @KafkaListener(topics = "review.events", groupId = "reporting-service.reviews", batch = "true")
    void onReview(List<String> records) {
        batches.consume("reporting.reviews", records, event -> projecting("review.events", event),
                events -> { }, understood("review.events"));
    }

    /** An event's newest version every projection of the topic that reads it understands. */
    private NewestVersions understood(String topic) {
        return name -> projections.stream().filter(p -> p.topic().equals(topic) && p.events().contains(name))
                .mapToInt(p -> p.understood().of(name)).min().orElse(1);
    }

    /** The event applied to each projection of the topic that reads it; null when none does. */
    private Consumer<EventEnvelope> projecting(String topic, EventEnvelope event) {
        List<Projection> reading = projections.stream()
                .filter(p -> p.topic().equals(topic) && p.events().contains(event.eventName())).toList();
        return reading.isEmpty() ? null : e -> reading.forEach(projection -> projection.apply(e));
    }
}
