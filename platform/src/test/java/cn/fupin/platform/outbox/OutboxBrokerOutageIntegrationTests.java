package cn.fupin.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.platform.PlatformTestApplication;
import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.faults.CrashPoints;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.TopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The relay is driven by hand here: first against a broker that is down, then against the real one. */
@RealInfrastructure
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "fupin.events.service=test", "fupin.events.topic=outage.events",
                "fupin.events.relay.enabled=false", "spring.flyway.locations=classpath:db/platform-test" })
class OutboxBrokerOutageIntegrationTests {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventCodec codec;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    record Numbered(int n) {
    }

    @Test
    void eventsWrittenDuringAnOutageWaitInTheOutboxAndLeaveInOrderWhenTheBrokerIsBack() {
        OutboxProperties.Relay settings = new OutboxProperties.Relay(true, 100, Duration.ofMillis(10),
                Duration.ofMillis(100), Duration.ofSeconds(1));
        OutboxRelay downRelay = new OutboxRelay(jdbc, transactions, unreachableBroker(), settings,
                new SimpleMeterRegistry(), null,
                CrashPoints.NONE);

        for (int i = 1; i <= 250; i++) {
            int n = i;
            transactions.executeWithoutResult(status -> outbox
                    .append(OutgoingEvent.of("thing", "outage-" + (n % 3), "350481100201", new Numbered(n))));
        }
        assertThatThrownBy(downRelay::relayOnce).isInstanceOf(RuntimeException.class);
        assertThat(jdbc.queryForObject("select count(*) from outbox_event", Long.class)).isEqualTo(250);

        OutboxRelay relay = new OutboxRelay(jdbc, transactions, kafka, settings, new SimpleMeterRegistry(), null,
                CrashPoints.NONE);
        while (relay.relayOnce() > 0) {
            // drain the backlog batch by batch
        }
        assertThat(jdbc.queryForObject("select count(*) from outbox_event", Long.class)).isZero();

        try (TopicProbe probe = new TopicProbe(brokers, "outage.events")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.poll().size() >= 250);
            Map<String, List<Integer>> byKey = new java.util.HashMap<>();
            probe.poll().forEach(record -> byKey.computeIfAbsent(record.key(), key -> new java.util.ArrayList<>())
                    .add(codec.read(record.value()).data().get("n").asInt()));
            byKey.values().forEach(numbers -> assertThat(numbers).isSorted().doesNotHaveDuplicates());
            assertThat(byKey.values().stream().mapToInt(List::size).sum()).isEqualTo(250);
        }
    }

    private static KafkaTemplate<String, String> unreachableBroker() {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
    }
}
