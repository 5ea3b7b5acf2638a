package cn.fupin.audit.consumer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.fupin.audit.ChainHashes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a consumer of Fupin's events checks of each record before it acts on it, as the event catalogue (AsyncAPI)
 * promises: the envelope (a CloudEvent of Fupin's: its attributes, a type and schema of a known shape, keyed by its
 * subject), the aggregate's sequence (from 1, without gaps) and the audit chain (each event's {@code prevhash} the
 * SHA-256 of its aggregate's previous record value). An event delivered again is recognised and not acted on twice.
 * <p>
 * The state is one entry per aggregate: its last sequence and hash. This sample keeps it in memory and so starts from
 * whatever its group's committed offsets give it (the first event it sees of an aggregate is its baseline); a real
 * consumer keeps it with its own data, in the transaction that applies the event.
 */
public final class EventChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TYPE = Pattern.compile("fupin\\.(household|monitoring|review)\\.([A-Z][A-Za-z]+)\\.v(\\d+)");
    private static final String[] REQUIRED = { "specversion", "id", "source", "type", "subject", "time",
        "datacontenttype", "dataschema", "data", "areacode", "actor", "correlationid", "aggregatetype", "sequence" };

    private final Map<String, Last> aggregates = new HashMap<>();

    /** What the checks made of a record. */
    public sealed interface Outcome {
    }

    /** A new event, in order and chained: act on it. */
    public record Accepted(JsonNode event) implements Outcome {
    }

    /** An event already seen (Kafka delivers at least once): nothing to do. */
    public record Duplicate(String id, long sequence) implements Outcome {
    }

    /** The record breaks what the catalogue promises: report it (and keep the record for the investigation). */
    public record Refused(String kind, String detail) implements Outcome {
    }

    private record Last(long sequence, String hash) {
    }

    /** Checks a record of an event topic, and takes its event as its aggregate's last when it is accepted. */
    public Outcome check(byte[] key, byte[] value) {
        JsonNode event;
        try {
            event = JSON.readTree(value);
        }
        catch (JacksonException ex) {
            return new Refused("unreadable", "the record is no JSON: " + ex.getOriginalMessage());
        }
        String envelope = envelopeProblem(event, key);
        if (envelope != null) {
            return new Refused("envelope", envelope);
        }
        String subject = event.get("subject").asString();
        long sequence = event.get("sequence").asLong();
        String prevhash = event.hasNonNull("prevhash") ? event.get("prevhash").asString() : null;
        String hash = ChainHashes.ofEvent(value);
        Last last = aggregates.get(subject);
        if (last != null && sequence <= last.sequence()) {
            if (sequence == last.sequence() && !hash.equals(last.hash())) {
                return new Refused("conflicting-duplicate", "event " + event.get("id").asString() + " differs from "
                        + "the event " + sequence + " of " + subject + " seen before");
            }
            return new Duplicate(event.get("id").asString(), sequence);
        }
        if (last != null && sequence > last.sequence() + 1) {
            return new Refused("gap", subject + " jumps from sequence " + last.sequence() + " to " + sequence);
        }
        if (sequence == 1 && prevhash != null) {
            return new Refused("broken-chain", "the first event of " + subject + " names a previous one");
        }
        if (last != null && prevhash != null && !prevhash.equals(last.hash())) {
            return new Refused("broken-chain", "the prevhash of event " + sequence + " of " + subject + " is not the "
                    + "hash of event " + last.sequence() + ": one of them was changed, or an event inserted");
        }
        aggregates.put(subject, new Last(sequence, hash));
        return new Accepted(event);
    }

    /** The first attribute the envelope gets wrong, or null. */
    private static String envelopeProblem(JsonNode event, byte[] key) {
        if (!event.isObject()) {
            return "the record is no JSON object";
        }
        for (String attribute : REQUIRED) {
            if (!event.hasNonNull(attribute)) {
                return "attribute " + attribute + " missing";
            }
        }
        if (!"1.0".equals(event.get("specversion").asString())) {
            return "specversion " + event.get("specversion") + ", not 1.0";
        }
        Matcher type = TYPE.matcher(event.get("type").asString());
        if (!type.matches()) {
            return "type " + event.get("type").asString() + " is no Fupin event type";
        }
        String schema = "https://schemas.fupin.cn/events/" + type.group(1) + "/" + type.group(2) + ".v" + type.group(3)
                + ".schema.json";
        if (!schema.equals(event.get("dataschema").asString())) {
            return "dataschema " + event.get("dataschema").asString() + " is not the schema of " + type.group();
        }
        if (!event.get("data").isObject()) {
            return "data is no object";
        }
        if (!event.get("sequence").isIntegralNumber() || event.get("sequence").asLong() < 1) {
            return "sequence " + event.get("sequence") + " is no number from 1";
        }
        if (key == null || !event.get("subject").asString().equals(new String(key, StandardCharsets.UTF_8))) {
            return "the record is keyed other than its subject " + event.get("subject").asString();
        }
        return null;
    }
}
