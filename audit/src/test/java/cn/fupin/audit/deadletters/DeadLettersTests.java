package cn.fupin.audit.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** An operator lists a dead letter with where it came from and why, and replays it to its topic, on a real broker. */
class DeadLettersTests {

    private static final String TOPIC = "ledger.events";
    private static final String DLT = "ledger.events.svc.dlt";
    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC, DLT);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stop() {
        broker.destroy();
    }

    @Test
    void aDeadLetterIsListedWithItsReasonAndReplayedToItsTopicAsItWas() throws Exception {
        String value = "{\"id\":\"svc:thing:agg-1:3\",\"type\":\"fupin.household.MemberAdded.v2\"}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), new StringSerializer(),
                new StringSerializer())) {
            // as Spring Kafka's dead-letter publisher writes one
            ProducerRecord<String, String> letter = new ProducerRecord<>(DLT, 0, "agg-1", value);
            letter.headers().add("kafka_dlt-original-topic", TOPIC.getBytes(StandardCharsets.UTF_8))
                    .add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(2).array())
                    .add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(7).array())
                    .add("kafka_dlt-original-consumer-group", "svc".getBytes(StandardCharsets.UTF_8))
                    .add("kafka_dlt-exception-fqcn", "cn.fupin.platform.events.InvalidEventException"
                            .getBytes(StandardCharsets.UTF_8))
                    .add("kafka_dlt-exception-message", "未知的事件版本: fupin.household.MemberAdded.v2"
                            .getBytes(StandardCharsets.UTF_8))
                    .add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
                            .getBytes(StandardCharsets.UTF_8));
            producer.send(letter).get();
        }

        Run listed = run("list", "--bootstrap-server", broker.getBrokersAsString());
        assertThat(listed.status()).as(listed.output()).isZero();
        assertThat(listed.output()).contains(DLT + "/0@0", "from     ledger.events/2@7, refused by svc",
                "reason   cn.fupin.platform.events.InvalidEventException: 未知的事件版本: fupin.household.MemberAdded.v2",
                "key      agg-1", "value    " + value, "1 dead letters in 1 topics");

        Run replayed = run("replay", "--bootstrap-server", broker.getBrokersAsString(), "--dead-letter", DLT + "/0@0");
        assertThat(replayed.status()).as(replayed.output()).isZero();
        List<ConsumerRecord<String, String>> again = readAll(TOPIC);
        assertThat(again).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("agg-1");
            assertThat(record.value()).isEqualTo(value);
            assertThat(new String(record.headers().lastHeader(DeadLetters.REPLAYED_FROM).value(),
                    StandardCharsets.UTF_8)).isEqualTo(DLT + "/0@0");
            assertThat(record.headers().lastHeader("traceparent")).isNotNull();
            assertThat(record.headers().lastHeader("kafka_dlt-exception-message")).isNull();
        });

        assertThat(run("replay", "--bootstrap-server", broker.getBrokersAsString(), "--dead-letter", DLT + "/0@5")
                .status()).as("no such dead letter").isEqualTo(1);
        assertThat(run("replay", "--bootstrap-server", broker.getBrokersAsString()).status()).isEqualTo(2);
    }

    private record Run(int status, String output) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = DeadLetters.run(args, print, print);
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
