package cn.fupin.audit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The sample consumer on a real broker: it acts on each new event once and reports a gap, and its group commits. */
class SampleConsumerTests {

    private static final String TOPIC = "household.events";
    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stop() {
        broker.destroy();
    }

    @Test
    void eachEventIsCheckedActedOnOnceAndAGapReported() throws Exception {
        PublishedEvents published = new PublishedEvents();
        byte[] registered = published.event("h1", 1, "HouseholdRegistered");
        byte[] added = published.event("h1", 2, "MemberAdded");
        published.event("h1", 3, "MemberAdded");
        byte[] afterTheLostOne = published.event("h1", 4, "MemberRemoved");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (byte[] value : new byte[][] { registered, added, added, afterTheLostOne }) {
                producer.send(new ProducerRecord<>(TOPIC, PublishedEvents.key("h1"), value)).get();
            }
        }

        Run first = consume("--from-beginning", "--max-records", "4");

        assertThat(first.status()).as(first.err()).isEqualTo(1);
        assertThat(first.out()).contains("household.events/0@0 fupin.household.HouseholdRegistered.v1 h1 #1",
                "household.events/0@1 fupin.household.MemberAdded.v1 h1 #2",
                "household.events/0@2 seen before: household:h1:2", "4 records read, 1 refused");
        assertThat(first.err()).contains("household.events/0@3 REFUSED gap: h1 jumps from sequence 2 to 4");

        Run next = consume("--max-records", "1");
        assertThat(next.out()).as("the group's offsets were committed: nothing read again")
                .contains("0 records read").doesNotContain("HouseholdRegistered");
    }

    @Test
    void aMissingBrokerAddressIsAUsageError() {
        assertThat(new SampleConsumer(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream())).run(new String[] { "--group", "audit-x" })).isEqualTo(2);
    }

    private static Run consume(String... options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SampleConsumer consumer = new SampleConsumer(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String[] args = new String[options.length + 4];
        System.arraycopy(new String[] { "--bootstrap-server", broker.getBrokersAsString(), "--topic", TOPIC }, 0,
                args, 0, 4);
        System.arraycopy(options, 0, args, 4, options.length);
        Thread stopper = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(20_000);
                consumer.stop();
            }
            catch (InterruptedException ex) {
                // the run ended first
            }
        });
        int status = consumer.run(args);
        stopper.interrupt();
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {
    }
}
