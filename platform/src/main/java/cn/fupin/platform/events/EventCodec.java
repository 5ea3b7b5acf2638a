package cn.fupin.platform.events;

import tools.jackson.core.JacksonException;
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

    public JsonNode toTree(Object payload) {
        return mapper.valueToTree(payload);
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
