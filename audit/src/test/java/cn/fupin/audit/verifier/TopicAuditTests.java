package cn.fupin.audit.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.fupin.audit.AuditKeys;
import cn.fupin.audit.ChainHashes;
import cn.fupin.audit.Checkpoint;
import cn.fupin.audit.PartitionChain;
import cn.fupin.audit.verifier.Finding.Severity;

/** The checks on one partition of records written as a publisher writes them, then tampered with. */
class TopicAuditTests {

    private static final String TOPIC = "household.events";
    private static final KeyPair KEYS = keyPair();

    /** Six events of aggregates a, b, a, a, b, a, chained per aggregate. */
    private final List<Record> written = publish("a", "b", "a", "a", "b", "a");

    @Test
    void aTopicAsWrittenIsVerifiedWithItsCheckpoints() {
        TopicAudit audit = audit(written, checkpoints(written, 3, 6));

        assertThat(violations(audit)).isEmpty();
        assertThat(audit.verifiedCheckpoints()).containsEntry(0, 2L);
        assertThat(audit.records()).isEqualTo(6);
        assertThat(audit.aggregates()).isEqualTo(2);
    }

    @Test
    void aChangedByteBreaksTheNextLinkAndTheCheckpoint() {
        List<Record> tampered = new ArrayList<>(written);
        tampered.set(2, written.get(2).withValue(written.get(2).value().replace("\"n\":2", "\"n\":9")));

        assertThat(kinds(audit(tampered, checkpoints(written, 6)))).containsExactly("broken-hash",
                "checkpoint-mismatch");
    }

    @Test
    void aDroppedEventIsAGapAndTheCheckpointOutrunsThePartition() {
        List<Record> tampered = new ArrayList<>(written);
        tampered.remove(2);

        assertThat(kinds(audit(tampered, checkpoints(written, 6)))).containsExactly("gap",
                "checkpoint-beyond-end");
    }

    @Test
    void theLastEventDroppedIsCaughtByTheCheckpointAlone() {
        List<Record> tampered = new ArrayList<>(written.subList(0, 5));

        assertThat(kinds(audit(tampered, checkpoints(written, 6)))).containsExactly("checkpoint-beyond-end");
    }

    @Test
    void twoEventsSwappedAreAGapThenAReorderingAndTheCheckpointMismatches() {
        List<Record> tampered = new ArrayList<>(written);
        Collections.swap(tampered, 2, 3);

        assertThat(kinds(audit(tampered, checkpoints(written, 6)))).containsExactly("gap", "reordered",
                "checkpoint-mismatch");
    }

    @Test
    void aReplayedEventIsADuplicateToTheChainsAndAViolationToTheCheckpoint() {
        List<Record> tampered = new ArrayList<>(written);
        tampered.add(4, written.get(0));
        List<Record> sentAgainByTheRelay = new ArrayList<>(tampered);

        TopicAudit replayed = audit(tampered, checkpoints(written, 6));
        assertThat(kinds(replayed)).containsExactly("checkpoint-mismatch");
        assertThat(replayed.finish()).anyMatch(f -> f.severity() == Severity.NOTICE && f.kind().equals("duplicate"));

        // the same duplicate written by the relay itself is in what the checkpoint covers: a notice only
        TopicAudit redelivered = audit(sentAgainByTheRelay, checkpoints(sentAgainByTheRelay, 7));
        assertThat(violations(redelivered)).isEmpty();
        assertThat(redelivered.finish()).anyMatch(f -> f.kind().equals("duplicate"));
    }

    @Test
    void anotherEventUnderATakenSequenceIsAConflict() {
        List<Record> tampered = new ArrayList<>(written);
        Record first = written.get(0);
        tampered.add(first.withValue(first.value().replace("\"n\":0", "\"n\":7")));

        assertThat(kinds(audit(tampered, List.of()))).containsExactly("conflicting-duplicate");
    }

    @Test
    void aForgedOrForeignCheckpointIsRefused() throws Exception {
        Checkpoint honest = checkpoints(written, 6).get(0);
        Checkpoint forged = new Checkpoint(TOPIC, 0, 6, 6, ChainHashes.GENESIS, honest.time(), honest.keyId(),
                honest.signature());
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Checkpoint strangers = AuditKeys.sign(new Checkpoint(TOPIC, 0, 6, 6, honest.chainHash(), honest.time(),
                AuditKeys.keyId(other.getPublic()), null), other.getPrivate());

        assertThat(kinds(audit(written, List.of(forged, strangers)))).containsExactly("bad-signature",
                "unknown-key");
    }

    @Test
    void aRecordKeyedOtherThanItsSubjectAndOneThatIsNoEventAreViolations() {
        List<Record> tampered = new ArrayList<>(written);
        tampered.set(1, new Record("x", written.get(1).value()));
        tampered.add(new Record("c", "not json"));

        assertThat(kinds(audit(tampered, List.of()))).containsExactly("key-mismatch", "unreadable");
    }

    // -- events as a publisher writes them

    private static List<Record> publish(String... aggregates) {
        Map<String, Integer> sequences = new HashMap<>();
        Map<String, String> lastHash = new HashMap<>();
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < aggregates.length; i++) {
            String subject = aggregates[i];
            int sequence = sequences.merge(subject, 1, Integer::sum);
            String prev = lastHash.get(subject);
            String value = "{\"specversion\":\"1.0\",\"id\":\"household:household:" + subject + ":" + sequence
                    + "\",\"subject\":\"" + subject + "\",\"sequence\":" + sequence
                    + (prev == null ? "" : ",\"prevhash\":\"" + prev + "\"") + ",\"data\":{\"n\":" + i + "}}";
            lastHash.put(subject, ChainHashes.ofEvent(value));
            records.add(new Record(subject, value));
        }
        return records;
    }

    /** Signed checkpoints after these counts of the records, as the publisher's checkpointer writes them. */
    private static List<Checkpoint> checkpoints(List<Record> records, int... counts) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        PartitionChain chain = PartitionChain.start();
        int next = 0;
        for (Record record : records) {
            chain.add(record.keyBytes(), record.valueBytes());
            if (next < counts.length && chain.count() == counts[next]) {
                checkpoints.add(AuditKeys.sign(new Checkpoint(TOPIC, 0, chain.count(), chain.count(), chain.hash(),
                        "2026-12-04T08:00:00Z", AuditKeys.keyId(KEYS.getPublic()), null), KEYS.getPrivate()));
                next++;
            }
        }
        return checkpoints;
    }

    private static TopicAudit audit(List<Record> records, List<Checkpoint> checkpoints) {
        TopicAudit audit = new TopicAudit(TOPIC, List.of(KEYS.getPublic()));
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        for (int i = 0; i < checkpoints.size(); i++) {
            audit.checkpoint(i, json.writeValueAsBytes(checkpoints.get(i)));
        }
        for (int offset = 0; offset < records.size(); offset++) {
            audit.record(0, offset, records.get(offset).keyBytes(), records.get(offset).valueBytes());
        }
        return audit;
    }

    private static List<Finding> violations(TopicAudit audit) {
        return audit.finish().stream().filter(f -> f.severity() == Severity.VIOLATION).toList();
    }

    /** The kinds of violation found, in the order of the records they were found at (partition-wide last). */
    private static List<String> kinds(TopicAudit audit) {
        return violations(audit).stream().map(Finding::kind).toList();
    }

    private static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private record Record(String key, String value) {

        byte[] keyBytes() {
            return key.getBytes(StandardCharsets.UTF_8);
        }

        byte[] valueBytes() {
            return value.getBytes(StandardCharsets.UTF_8);
        }

        Record withValue(String changed) {
            return new Record(key, changed);
        }
    }
}
