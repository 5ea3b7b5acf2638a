package cn.fupin.platform.outbox;

/**
 * A domain event meant for other services: it says which aggregate it happened to and where, so the one adapter of
 * the service ({@link PublishedEvents}) hands it to the outbox in the transaction that raised it. A feature raises
 * it with Spring's {@code ApplicationEventPublisher} (or its aggregate registers it); no feature writes the outbox
 * itself. Its record components are the CloudEvent's {@code data}, in the version it names.
 */
public interface PublishedEvent {

    /** e.g. {@code household}, the Kafka key's kind. */
    String aggregateType();

    /** The Kafka key: events of one aggregate stay in order. */
    String aggregateId();

    /** The division code the event belongs to (the CloudEvent's {@code areacode}). */
    String areaCode();

    /** The event's name (the CloudEvent's type without its prefix): by default its class's simple name. */
    default String eventType() {
        return getClass().getSimpleName();
    }

    /** The version of the event's schema its data follows ({@code .v1}, {@code .v2} …). */
    default int version() {
        return 1;
    }
}
