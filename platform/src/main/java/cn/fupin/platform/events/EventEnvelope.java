package cn.fupin.platform.events;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured JSON mode, with Fupin's extensions.
 *
 * @param id deterministic id ({@code service:aggregateType:aggregateId:sequence}): a resend never mints a new one
 * @param source the publishing service, e.g. {@code /fupin/household-service}
 * @param type {@code fupin.<service>.<Event>.v<N>}
 * @param subject the aggregate id, also the Kafka key
 * @param areacode 12-digit (or shorter prefix) division code the event belongs to, for area-scoped consumers
 * @param actor the user (token subject) whose request caused the event
 * @param correlationid the correlation id of the request that caused the event
 * @param aggregatetype the kind of aggregate, e.g. {@code household}
 * @param sequence per-aggregate sequence number, starting at 1 and without gaps, so consumers can see loss
 * @param prevhash the hash of the aggregate's previous event (SHA-256 of its record value, hex), none for the first:
 *        the audit chain ({@code cn.fupin.audit.ChainHashes})
 * @param traceparent W3C trace context of the causing request, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        String dataschema,
        String areacode,
        String actor,
        String correlationid,
        String aggregatetype,
        long sequence,
        String prevhash,
        String traceparent,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    /** The event's name without prefix and version, e.g. {@code HouseholdRegistered}. */
    public String eventName() {
        return EventType.parse(type).name();
    }

    /** The schema version of the payload, e.g. 1 for {@code ...HouseholdRegistered.v1}. */
    public int version() {
        return EventType.parse(type).version();
    }
}
