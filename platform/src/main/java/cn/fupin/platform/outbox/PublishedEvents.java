package cn.fupin.platform.outbox;

import org.springframework.context.event.EventListener;

/**
 * The service's one outbox adapter: each {@link PublishedEvent} raised in a transaction is appended to the outbox in
 * that transaction, and only here.
 */
public class PublishedEvents {

    private final Outbox outbox;

    public PublishedEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(PublishedEvent event) {
        outbox.append(new OutgoingEvent(event.aggregateType(), event.aggregateId(), event.areaCode(),
                event.eventType(), 1, event));
    }
}
