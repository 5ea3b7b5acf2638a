package cn.fupin.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.audit.verifier.AuditVerifier;
import cn.fupin.platform.PlatformTestApplication;
import cn.fupin.platform.outbox.Outbox;
import cn.fupin.platform.outbox.OutgoingEvent;
import cn.fupin.platform.testing.RealInfrastructure;

/**
 * The audit trail end to end: events written through the outbox by concurrent transactions and a bulk append, sent
 * by the relay, their topic checkpointed and signed by the {@link Checkpointer}; the audit verifier (the Kafka client
 * only) finds the topic as written, and finds each tampering of a copy of it: a byte changed, an event dropped, two
 * swapped, one replayed.
 */
@RealInfrastructure
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "fupin.events.service=test", "fupin.events.topic=ledger.events", "fupin.events.partitions=3",
                "fupin.audit.checkpoints.interval=300ms", "spring.flyway.locations=classpath:db/platform-test" })
class AuditTrailIntegrationTests {

    private static final String TOPIC = "ledger.events";

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${fupin.audit.public-key}")
    String publicKey;

    record Counted(int n) {
    }

    @Test
    void theTopicAsPublishedIsVerifiedAndEachTamperingOfACopyIsCaught() throws Exception {
        int writers = 4;
        int eventsPerWriter = 40;
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> IntStream.range(0, eventsPerWriter).forEach(i -> transactions
                        .executeWithoutResult(status -> outbox.append(OutgoingEvent.of("thing",
                                "agg-" + (writer + i) % 8, "350481100201", new Counted(writer * 1000 + i)))))));
            }
            for (Future<?> each : done) {
                each.get();
            }
        }
        transactions.executeWithoutResult(status -> outbox.appendAll(IntStream.range(0, 40)
                .mapToObj(i -> OutgoingEvent.of("thing", "agg-" + i % 10, "350481100201", new Counted(9000 + i)))
                .toList()));
        int written = writers * eventsPerWriter + 40;

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Verification verification = verify(TOPIC, TOPIC);
            return verification.output().contains(TOPIC + ": " + written + " records")
                    && !verification.output().contains("uncovered");
        });
        Verification asPublished = verify(TOPIC, TOPIC);
        assertThat(asPublished.status()).as(asPublished.output()).isZero();
        assertThat(asPublished.output()).contains("VERIFIED: no violation").doesNotContain("unchained");

        List<Copied> records = readAll(TOPIC);
        List<Copied> checkpoints = readAll(TOPIC + ".checkpoints");
        int chained = indexOfOneWithALaterEventOfItsAggregate(records);
        int later = nextOfSameAggregate(records, chained);

        assertCaught(records, checkpoints, copy -> {
            Copied original = copy.get(chained);
            copy.set(chained, original.withValue(original.value().replace("\"n\":", "\"n\":9")));
            return copy;
        }, "broken-hash", "checkpoint-mismatch");
        assertCaught(records, checkpoints, copy -> {
            copy.remove(chained);
            return copy;
        }, "gap");
        assertCaught(records, checkpoints, copy -> {
            Collections.swap(copy, chained, later);
            return copy;
        }, "reordered", "checkpoint-mismatch");
        assertCaught(records, checkpoints, copy -> {
            copy.add(chained + 1, copy.get(chained));
            return copy;
        }, "NOTICE duplicate", "checkpoint-mismatch");
    }

    // -- the verifier as an audit tool runs it, and copies of the topic

    private record Verification(int status, String output) {
    }

    private Verification verify(String topic, String as) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = AuditVerifier.run(new String[] { "--bootstrap-server", brokers, "--topic", topic + "=" + as,
                "--public-key", publicKey, "--timeout", "10" }, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Verification(status, out.toString(StandardCharsets.UTF_8));
    }

    /** Copies the topic and its checkpoints with the records tampered with; the verifier must refuse the copy. */
    private void assertCaught(List<Copied> records, List<Copied> checkpoints, UnaryOperator<List<Copied>> tamper,
            String... kinds) throws Exception {
        String copy = "copy-" + UUID.randomUUID() + ".events";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic(copy, 3, (short) 1), new NewTopic(copy + ".checkpoints", 1,
                    (short) 1))).all().get();
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Copied record : tamper.apply(new ArrayList<>(records))) {
                producer.send(record.to(copy)).get();
            }
            for (Copied checkpoint : checkpoints) {
                producer.send(checkpoint.to(copy + ".checkpoints")).get();
            }
        }
        Verification verification = verify(copy, TOPIC);
        assertThat(verification.status()).as(verification.output()).isEqualTo(1);
        assertThat(verification.output()).as(verification.output()).contains(kinds);
    }

    private List<Copied> readAll(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).sorted(
                            java.util.Comparator.comparingInt(TopicPartition::partition))
                    .toList();
            List<Copied> copied = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long end = consumer.endOffsets(List.of(partition)).get(partition);
                while (consumer.position(partition) < end) {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> copied.add(new Copied(
                            record.partition(), record.key(), new String(record.value(), StandardCharsets.UTF_8))));
                }
            }
            return copied;
        }
    }

    private static int indexOfOneWithALaterEventOfItsAggregate(List<Copied> records) {
        for (int i = 0; i < records.size(); i++) {
            if (nextOfSameAggregate(records, i) > 0) {
                return i;
            }
        }
        throw new AssertionError("no aggregate with two events in one partition");
    }

    private static int nextOfSameAggregate(List<Copied> records, int index) {
        Copied record = records.get(index);
        for (int j = index + 1; j < records.size(); j++) {
            if (records.get(j).partition() == record.partition()
                    && java.util.Arrays.equals(records.get(j).key(), record.key())) {
                return j;
            }
        }
        return -1;
    }

    /** A record as read, to be written again into a copy: into the same partition, in the list's order. */
    private record Copied(int partition, byte[] key, String value) {

        Copied withValue(String changed) {
            return new Copied(partition, key, changed);
        }

        ProducerRecord<byte[], byte[]> to(String topic) {
            return new ProducerRecord<>(topic, partition, key, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
