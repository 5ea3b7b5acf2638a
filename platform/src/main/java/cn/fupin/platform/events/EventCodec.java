package cn.fupin.platform.events;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the structured-mode JSON of {@link EventEnvelope}s. */
public class EventCodec {

    private final JsonMapper mapper;

    public EventCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String write(EventEnvelope envelope) {
        return mapper.writeValueAsString(envelope);
    }

    /**
     * Writes an event whose data is still the publisher's object ({@code envelope}'s own data is ignored): the data
     * is serialised once, straight into the envelope, not first into a tree.
     */
    public String write(EventEnvelope envelope, Object data) {
        return mapper.writeValueAsString(new Written(envelope.specversion(), envelope.id(), envelope.source(),
                envelope.type(), envelope.subject(), envelope.time(), envelope.datacontenttype(),
                envelope.dataschema(), envelope.areacode(), envelope.actor(), envelope.correlationid(),
                envelope.aggregatetype(), envelope.sequence(), envelope.prevhash(), envelope.traceparent(), data));
    }

    /** {@link EventEnvelope}'s fields in its order, with data of any type. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Written(String specversion, String id, String source, String type, String subject,
            OffsetDateTime time, String datacontenttype, String dataschema, String areacode, String actor,
            String correlationid, String aggregatetype, long sequence, String prevhash, String traceparent,
            Object data) {
    }

    /** Parses a record value; anything that is not a Fupin CloudEvent is an {@link InvalidEventException}. */
    public EventEnvelope read(String json) {
        EventEnvelope envelope;
        try {
            envelope = mapper.readValue(json, EventEnvelope.class);
        }
        catch (JacksonException ex) {
            throw new InvalidEventException("不是有效的 CloudEvents JSON: " + ex.getOriginalMessage(), ex);
        }
        if (!EventEnvelope.SPEC_VERSION.equals(envelope.specversion()) || envelope.id() == null
                || envelope.subject() == null || envelope.data() == null) {
            throw new InvalidEventException("CloudEvents 信封缺少 specversion/id/subject/data");
        }
        EventType.parse(envelope.type());
        return envelope;
    }

    /**
     * The name of the event a record holds (such as {@code HouseholdRegistered}), read from its envelope's
     * {@code type} without reading the rest: a consumer that reads few of a topic's events skips the others at this
     * cost. Null when the record is no JSON object or its type is missing or malformed ({@link #read} says why).
     */
    public String peekName(String json) {
        try (JsonParser parser = mapper.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String property = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(property)) {
                    return value == JsonToken.VALUE_STRING ? EventType.parse(parser.getString()).name() : null;
                }
                parser.skipChildren();
            }
            return null;
        }
        catch (JacksonException | InvalidEventException ex) {
            return null;
        }
    }

    /** Binds an event's data to the consumer's own view of it. */
    public <T> T data(EventEnvelope envelope, Class<T> view) {
        try {
            return mapper.treeToValue(envelope.data(), view);
        }
        catch (JacksonException ex) {
            throw new InvalidEventException("事件 " + envelope.id() + " 的数据无法读取: " + ex.getOriginalMessage(), ex);
        }
    }
}
