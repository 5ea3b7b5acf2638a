package cn.fupin.audit;

import java.nio.charset.StandardCharsets;

/**
 * A publisher's signed statement about one partition of its topic: its first {@code count} records (in offset order,
 * read committed, ending before {@code nextOffset}) have the running hash {@code chainHash}. Published to the topic's
 * checkpoint topic ({@link #topicFor}); everything before it is covered, whoever reads it later.
 *
 * @param topic the event topic, e.g. {@code household.events}
 * @param partition the partition of that topic
 * @param count records of the partition covered
 * @param nextOffset the offset after the last covered record (where the publisher goes on reading)
 * @param chainHash the partition's running hash after those records ({@link ChainHashes})
 * @param time when it was signed (ISO-8601 instant)
 * @param keyId the signing key's id ({@link AuditKeys#keyId})
 * @param signature Ed25519 signature of {@link #signedText()}, Base64
 */
public record Checkpoint(String topic, int partition, long count, long nextOffset, String chainHash, String time,
        String keyId, String signature) {

    private static final String SUFFIX = ".checkpoints";

    /** The topic that holds an event topic's checkpoints. */
    public static String topicFor(String topic) {
        return topic + SUFFIX;
    }

    /** What the signature covers: every field but itself, a line each, in this order. */
    public byte[] signedText() {
        return String.join("\n", "fupin-audit-checkpoint/1", topic, Integer.toString(partition),
                Long.toString(count), Long.toString(nextOffset), chainHash, time, keyId)
                .getBytes(StandardCharsets.UTF_8);
    }

    public Checkpoint withSignature(String signature) {
        return new Checkpoint(topic, partition, count, nextOffset, chainHash, time, keyId, signature);
    }
}
