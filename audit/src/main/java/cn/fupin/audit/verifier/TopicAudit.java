package cn.fupin.audit.verifier;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.fupin.audit.AuditKeys;
import cn.fupin.audit.ChainHashes;
import cn.fupin.audit.Checkpoint;
import cn.fupin.audit.PartitionChain;
import cn.fupin.audit.verifier.Finding.Severity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checks of one event topic, fed its checkpoints first and then its records, each partition's in offset order:
 * <ul>
 * <li>per aggregate (the CloudEvent's {@code subject}, the record's key): sequence numbers from 1 without gaps, none
 * after a later one, each event's {@code prevhash} the hash of its aggregate's previous event; an event sent again
 * identical is a notice (at-least-once delivery), a different event under a number already seen a violation;</li>
 * <li>per partition: the running hash after each checkpoint's count of records equal to the one it states, signed by
 * a known key; a checkpoint covering more records than the partition holds is a violation (records removed).</li>
 * </ul>
 * Memory: a hash of 32 bytes per event and an entry per aggregate (about 150 MB for a province's three million
 * events).
 */
public final class TopicAudit {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();
    /** No aggregate jumps this far ahead: a sequence beyond it is read as a forged number, not as a gap. */
    private static final long MAX_JUMP = 1 << 20;

    private final String topic;
    private final Map<String, PublicKey> keys;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<Integer, PartitionState> partitions = new TreeMap<>();
    private final Map<String, Aggregate> aggregates = new HashMap<>();
    private long records;

    public TopicAudit(String topic, List<PublicKey> publicKeys) {
        this.topic = topic;
        this.keys = new HashMap<>();
        publicKeys.forEach(key -> keys.put(AuditKeys.keyId(key), key));
    }

    /** A record of the checkpoint topic. */
    public void checkpoint(long offset, byte[] value) {
        Checkpoint checkpoint;
        try {
            checkpoint = JSON.readValue(value, Checkpoint.class);
        }
        catch (JacksonException ex) {
            violation("unreadable-checkpoint", -1, offset, "checkpoint record is no checkpoint: " + ex.getOriginalMessage());
            return;
        }
        if (!topic.equals(checkpoint.topic())) {
            violation("foreign-checkpoint", checkpoint.partition(), -1,
                    "checkpoint at offset " + offset + " names topic " + checkpoint.topic());
            return;
        }
        PublicKey key = keys.get(checkpoint.keyId());
        if (key == null) {
            violation("unknown-key", checkpoint.partition(), -1,
                    "checkpoint at offset " + offset + " signed by key " + checkpoint.keyId() + ", not a known one");
            return;
        }
        if (!AuditKeys.verify(checkpoint, key)) {
            violation("bad-signature", checkpoint.partition(), -1,
                    "checkpoint at offset " + offset + " (" + checkpoint.count() + " records) has a signature that "
                            + "does not match its content");
            return;
        }
        partition(checkpoint.partition()).checkpoints.add(checkpoint);
    }

    /** A record of the event topic. */
    public void record(int partition, long offset, byte[] key, byte[] value) {
        records++;
        PartitionState state = partition(partition);
        state.chain.add(key, value);
        state.checkCheckpointsAt(offset);
        Event event = Event.read(value);
        if (event == null) {
            violation("unreadable", partition, offset, "record is no Fupin CloudEvent");
            return;
        }
        if (key == null || !event.subject.equals(new String(key, StandardCharsets.UTF_8))) {
            violation("key-mismatch", partition, offset, "event " + event.id + " keyed other than its subject");
        }
        Aggregate aggregate = aggregates.computeIfAbsent(event.subject, subject -> new Aggregate());
        byte[] hash = HEX.parseHex(ChainHashes.ofEvent(value));
        long sequence = event.sequence;
        if (sequence < 1 || sequence > aggregate.last + MAX_JUMP) {
            violation("bad-sequence", partition, offset, "event " + event.id + " has sequence " + sequence
                    + " after " + aggregate.last);
            return;
        }
        if (sequence <= aggregate.last) {
            byte[] known = aggregate.hash(sequence);
            if (known == null) {
                violation("reordered", partition, offset, "event " + event.id + " comes after sequence "
                        + aggregate.last + " of its aggregate");
                aggregate.put(sequence, hash);
            }
            else if (Arrays.equals(known, hash)) {
                notice("duplicate", partition, offset, "event " + event.id + " sent again, identical");
            }
            else {
                violation("conflicting-duplicate", partition, offset, "event " + event.id
                        + " differs from the event of the same aggregate and sequence read before");
            }
            return;
        }
        if (sequence > aggregate.last + 1) {
            violation("gap", partition, offset, "aggregate " + event.subject + " jumps from sequence "
                    + aggregate.last + " to " + sequence + " (" + (sequence - aggregate.last - 1) + " missing)");
        }
        else if (sequence == 1 && event.prevhash != null) {
            violation("broken-hash", partition, offset, "event " + event.id + " is its aggregate's first but names "
                    + "a previous event");
        }
        else if (sequence > 1 && event.prevhash == null) {
            notice("unchained", partition, offset, "event " + event.id + " carries no prevhash (published before "
                    + "the audit chain)");
        }
        else if (sequence > 1 && !Arrays.equals(aggregate.hash(sequence - 1), parseHex(event.prevhash))) {
            violation("broken-hash", partition, offset, "event " + event.id + "'s prevhash is not the hash of its "
                    + "aggregate's event " + (sequence - 1));
        }
        aggregate.put(sequence, hash);
        aggregate.last = sequence;
    }

    /** Once every record is fed: checkpoints no record reached, and records after the last checkpoint. */
    public List<Finding> finish() {
        partitions.forEach((number, state) -> {
            long held = state.chain.count();
            state.checkpoints.stream().filter(checkpoint -> checkpoint.count() > held)
                    .forEach(checkpoint -> violation("checkpoint-beyond-end", number, -1, "a checkpoint covers "
                            + checkpoint.count() + " records, the partition holds " + held));
            long covered = state.checkpoints.stream().mapToLong(Checkpoint::count).filter(count -> count <= held)
                    .max().orElse(0);
            if (held > covered) {
                notice("uncovered", number, -1, (held - covered) + " of " + held
                        + " records after the last checkpoint (covered by chains only until the next)");
            }
        });
        // by partition; within one, in the order found (records in offset order, then what only the end shows)
        findings.sort(Comparator.comparing(Finding::partition));
        return List.copyOf(findings);
    }

    public String topic() {
        return topic;
    }

    public long records() {
        return records;
    }

    public int aggregates() {
        return aggregates.size();
    }

    /** Checkpoints verified against the records, by partition. */
    public Map<Integer, Long> verifiedCheckpoints() {
        Map<Integer, Long> verified = new TreeMap<>();
        partitions.forEach((number, state) -> verified.put(number, state.verified));
        return verified;
    }

    private PartitionState partition(int number) {
        return partitions.computeIfAbsent(number, PartitionState::new);
    }

    private void violation(String kind, int partition, long offset, String detail) {
        findings.add(new Finding(Severity.VIOLATION, kind, topic, partition, offset, detail));
    }

    private void notice(String kind, int partition, long offset, String detail) {
        findings.add(new Finding(Severity.NOTICE, kind, topic, partition, offset, detail));
    }

    private static byte[] parseHex(String hex) {
        try {
            return HEX.parseHex(hex);
        }
        catch (IllegalArgumentException ex) {
            return new byte[0];
        }
    }

    private final class PartitionState {

        final int number;
        final PartitionChain chain = PartitionChain.start();
        final List<Checkpoint> checkpoints = new ArrayList<>();
        long verified;

        PartitionState(int number) {
            this.number = number;
        }

        void checkCheckpointsAt(long offset) {
            long count = chain.count();
            for (Checkpoint checkpoint : checkpoints) {
                if (checkpoint.count() != count) {
                    continue;
                }
                if (checkpoint.chainHash().equals(chain.hash())) {
                    verified++;
                }
                else {
                    violation("checkpoint-mismatch", number, offset, "the first " + count + " records do not hash to "
                            + "what the checkpoint signed at " + checkpoint.time() + " states: records changed, "
                            + "removed, added or moved");
                }
            }
        }
    }

    /** An aggregate's events' hashes by sequence (index = sequence - 1; null where none was read). */
    private static final class Aggregate {

        long last;
        byte[][] hashes = new byte[2][];

        byte[] hash(long sequence) {
            return sequence - 1 < hashes.length ? hashes[(int) (sequence - 1)] : null;
        }

        void put(long sequence, byte[] hash) {
            if (sequence - 1 >= hashes.length) {
                hashes = Arrays.copyOf(hashes, (int) Math.max(sequence, hashes.length * 2L));
            }
            hashes[(int) (sequence - 1)] = hash;
        }
    }

    /** What the checks read of an event's envelope. */
    private record Event(String id, String subject, long sequence, String prevhash) {

        static Event read(byte[] value) {
            try {
                JsonNode envelope = JSON.readTree(value);
                JsonNode id = envelope.get("id");
                JsonNode subject = envelope.get("subject");
                JsonNode sequence = envelope.get("sequence");
                JsonNode prevhash = envelope.get("prevhash");
                if (id == null || !id.isString() || subject == null || !subject.isString() || sequence == null
                        || !sequence.isIntegralNumber()) {
                    return null;
                }
                return new Event(id.asString(), subject.asString(), sequence.asLong(),
                        prevhash == null || prevhash.isNull() ? null : prevhash.asString());
            }
            catch (JacksonException ex) {
                return null;
            }
        }
    }
}
