package cn.fupin.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.platform.PlatformTestApplication;
import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.TopicProbe;

@RealInfrastructure
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "fupin.events.service=test", "fupin.events.topic=order.events",
                "spring.flyway.locations=classpath:db/platform-test" })
class OutboxIntegrationTests {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventCodec codec;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    record Counted(int n) {
    }

    @Test
    void concurrentWritersKeepEveryAggregatesOrderWithoutGaps() throws Exception {
        int writers = 6;
        int aggregates = 12;
        int eventsPerWriter = 150;
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < eventsPerWriter; i++) {
                        String aggregate = "agg-" + ((writer + i) % aggregates);
                        int n = i;
                        transactions.executeWithoutResult(status -> outbox
                                .append(OutgoingEvent.of("thing", aggregate, "350481100201", new Counted(n))));
                    }
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        }

        try (TopicProbe probe = new TopicProbe(brokers, "order.events")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> probe.poll().stream()
                    .filter(record -> record.key().startsWith("agg-")).count() >= writers * eventsPerWriter);
            Map<String, List<Long>> sequences = new HashMap<>();
            Set<String> ids = new HashSet<>();
            for (ConsumerRecord<String, String> record : probe.poll()) {
                if (!record.key().startsWith("agg-")) {
                    continue;
                }
                EventEnvelope event = codec.read(record.value());
                assertThat(event.subject()).isEqualTo(record.key());
                assertThat(event.type()).isEqualTo("fupin.test.Counted.v1");
                assertThat(ids.add(event.id())).as("event ids are unique").isTrue();
                sequences.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(event.sequence());
            }
            assertThat(sequences).hasSize(aggregates);
            sequences.forEach((aggregate, seen) -> {
                for (int i = 0; i < seen.size(); i++) {
                    assertThat(seen.get(i)).as("sequence %d of %s", i + 1, aggregate).isEqualTo(i + 1L);
                }
            });
        }
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        try {
            transactions.executeWithoutResult(status -> {
                outbox.append(OutgoingEvent.of("thing", "rolled-back", "350481100201", new Counted(1)));
                throw new IllegalStateException("the state change failed");
            });
        }
        catch (IllegalStateException expected) {
            // the whole transaction, event included, is gone
        }
        transactions.executeWithoutResult(
                status -> outbox.append(OutgoingEvent.of("thing", "committed", "350481100201", new Counted(2))));

        try (TopicProbe probe = new TopicProbe(brokers, "order.events")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.poll().stream().anyMatch(record -> record.key().equals("committed")));
            assertThat(probe.poll()).noneMatch(record -> record.key().equals("rolled-back"));
        }
    }
}
