package cn.fupin.platform.outbox;

import org.springframework.context.event.EventListener;

/** The service's one outbox adapter for {@link PublishedEvent}s: each is appended where it was raised. */
public class PublishedEvents {

    private final Outbox outbox;

    public PublishedEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(PublishedEvent event) {
        outbox.append(OutgoingEvent.of(event.aggregateType(), event.aggregateId(), event.areaCode(), event));
    }
}
