package cn.fupin.platform.outbox;

import java.util.Objects;

/**
 * An event a service publishes for other services, handed to the {@link Outbox} in the transaction that
 * changed the aggregate.
 *
 * @param aggregateType e.g. {@code household}
 * @param aggregateId the aggregate's id: CloudEvents subject and Kafka key
 * @param areaCode the division code the aggregate belongs to
 * @param name past-tense event name, e.g. {@code HouseholdRegistered}
 * @param version payload schema version
 * @param data the payload, serialised as the CloudEvent's {@code data}
 */
public record OutgoingEvent(String aggregateType, String aggregateId, String areaCode, String name, int version,
        Object data) {

    public OutgoingEvent {
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
    }

    /** Version 1 of an event named after its payload record, e.g. {@code HouseholdRegistered}. */
    public static OutgoingEvent of(String aggregateType, String aggregateId, String areaCode, Object data) {
        return new OutgoingEvent(aggregateType, aggregateId, areaCode, data.getClass().getSimpleName(), 1, data);
    }
}
