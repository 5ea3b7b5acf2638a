package cn.fupin.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.platform.PlatformTestApplication;
import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.node.JsonNodeFactory;

@RealInfrastructure
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "spring.kafka.consumer.group-id=inbox-test",
                "spring.flyway.locations=classpath:db/platform-test" })
@Import(InboxIntegrationTests.StrictConsumer.class)
class InboxIntegrationTests {

    @Autowired
    Inbox inbox;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventBatches batches;

    @Autowired
    EventCodec codec;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void anEventDeliveredTwiceTakesEffectOnce() {
        AtomicInteger effects = new AtomicInteger();
        EventEnvelope event = event("household:h1:1");

        assertThat(inbox.handleOnce("reporting", event, e -> effects.incrementAndGet())).isTrue();
        assertThat(inbox.handleOnce("reporting", event, e -> effects.incrementAndGet())).isFalse();
        assertThat(inbox.handleOnce("another-consumer", event, e -> effects.incrementAndGet())).isTrue();

        assertThat(effects).hasValue(2);
    }

    @Test
    void eachConsumerCountsTheEventsItAppliedAndThoseDeliveredAgain() {
        EventEnvelope first = event("household:m1:1");
        inbox.handleOnce("counting", first, e -> { });
        inbox.handleOnce("counting", first, e -> { });
        inbox.handleAllOnce("counting", List.of(first, event("household:m1:2"), event("household:m1:2")), e -> { });
        assertThatThrownBy(() -> inbox.handleOnce("counting", event("household:m1:3"), e -> {
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(meters.get("fupin.inbox.events").tags("consumer", "counting", "outcome", "applied").counter()
                .count()).isEqualTo(2);
        assertThat(meters.get("fupin.inbox.events").tags("consumer", "counting", "outcome", "duplicate").counter()
                .count()).as("the first event twice more, the second once more in its batch").isEqualTo(3);
    }

    @Test
    void aFailedEffectIsNotRecordedSoTheRedeliveryRunsIt() {
        AtomicInteger effects = new AtomicInteger();
        EventEnvelope event = event("household:h2:1");

        assertThatThrownBy(() -> inbox.handleOnce("reporting", event, e -> {
            throw new IllegalStateException("database hiccup");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(inbox.handleOnce("reporting", event, e -> effects.incrementAndGet())).isTrue();

        assertThat(effects).hasValue(1);
    }

    @Test
    void aBatchTakesEffectOnceForEachNewEventInOrderAndTwiceDeliveredOnesOnce() {
        List<String> applied = new ArrayList<>();
        assertThat(inbox.handleOnce("reporting", event("household:b1:1"), e -> applied.add(e.id()))).isTrue();

        int ran = inbox.handleAllOnce("reporting", List.of(event("household:b1:1"), event("household:b2:1"),
                event("household:b1:2"), event("household:b2:1"), event("household:b3:1")), e -> applied.add(e.id()));

        assertThat(ran).isEqualTo(3);
        assertThat(applied).containsExactly("household:b1:1", "household:b2:1", "household:b1:2", "household:b3:1");
        assertThat(inbox.handleAllOnce("reporting", List.of(event("household:b3:1")), e -> applied.add(e.id())))
                .isZero();
    }

    @Test
    void aFailingEffectKeepsNothingOfItsBatchAndNamesTheEvent() {
        List<String> applied = new ArrayList<>();
        List<EventEnvelope> batch = List.of(event("household:c1:1"), event("household:c2:1"),
                event("household:c3:1"));

        assertThatThrownBy(() -> inbox.handleAllOnce("reporting", batch, e -> {
            if (e.id().equals("household:c2:1")) {
                throw new IllegalStateException("a read model refused it");
            }
        })).isInstanceOfSatisfying(Inbox.BatchEffectFailed.class, failed -> assertThat(failed.index()).isEqualTo(1));

        assertThat(inbox.handleAllOnce("reporting", batch, e -> applied.add(e.id()))).isEqualTo(3);
        assertThat(applied).containsExactly("household:c1:1", "household:c2:1", "household:c3:1");
    }

    @Test
    void rowsWrittenBehindABatchAreWrittenOnceAtItsCommitAndNotAtAllWhenItRollsBack() {
        List<List<String>> writes = new ArrayList<>();
        WriteBehind<String, String> rows = new WriteBehind<>(writes::add, (gathered, newer) -> gathered + "+" + newer);

        transactions.executeWithoutResult(status -> {
            rows.put("a", "a1");
            rows.put("b", "b1");
            rows.put("a", "a2");
            assertThat(rows.pending("a")).isEqualTo("a1+a2");
            assertThat(writes).as("nothing before the commit").isEmpty();
        });
        assertThat(writes).containsExactly(List.of("a1+a2", "b1"));

        transactions.executeWithoutResult(status -> {
            rows.put("c", "c1");
            status.setRollbackOnly();
        });
        assertThat(writes).hasSize(1);
        assertThat(rows.pending("a")).as("nothing pending outside a transaction").isNull();

        rows.put("d", "d1");
        assertThat(writes).as("outside a transaction, at once").last().isEqualTo(List.of("d1"));
    }

    @Test
    void aBatchWhoseRowsAreRefusedAtCommitIsAppliedAgainOneByOneToNameTheFailingRecord() {
        WriteBehind<String, String> rows = new WriteBehind<>(ids -> {
            if (ids.contains("household:w2:1")) {
                throw new IllegalStateException("the read model refused " + ids);
            }
        }, (gathered, newer) -> newer);
        List<String> records = List.of(json("household:w1:1"), json("household:w2:1"), json("household:w3:1"));

        assertThatThrownBy(() -> batches.consume("write-behind", records, event -> e -> rows.put(e.id(), e.id())))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isEqualTo(1));
        assertThat(inbox.handleAllOnce("write-behind", List.of(event("household:w1:1"), event("household:w2:1"),
                event("household:w3:1")), e -> { })).as("the record before it kept, the others not").isEqualTo(2);
    }

    /**
     * What a batch's events will read is read once, for the events that take effect (not one delivered before), before
     * the first of them; each effect finds it, a key not found is known absent, and nothing is kept past the batch.
     */
    @Test
    void aBatchReadsAheadOnceWhatItsNewEventsWillRead() {
        List<List<String>> reads = new ArrayList<>();
        ReadAhead<String, String> stored = new ReadAhead<>(keys -> {
            reads.add(keys);
            return keys.contains("household:r1:1") ? java.util.Map.of("household:r1:1", "row of r1") : java.util.Map.of();
        });
        inbox.handleOnce("read-ahead", event("household:r0:1"), e -> { });
        List<String> seen = new ArrayList<>();

        batches.consume("read-ahead", List.of(json("household:r0:1"), json("household:r1:1"), json("household:r2:1")),
                event -> e -> seen.add(stored.wasRead(e.id()) + " " + stored.get(e.id())),
                events -> stored.read(events.stream().map(EventEnvelope::id).toList()));

        assertThat(reads).containsExactly(List.of("household:r1:1", "household:r2:1"));
        assertThat(seen).containsExactly("true row of r1", "true null");
        assertThat(stored.wasRead("household:r1:1")).as("nothing kept past the batch").isFalse();
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicWithItsReason() {
        kafka.send("strict.events", "k1", "this is not json");

        try (TopicProbe probe = new TopicProbe(brokers, "strict.events.inbox-test.dlt")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !probe.poll().isEmpty());
            var dead = probe.poll().getFirst();
            assertThat(dead.value()).isEqualTo("this is not json");
            assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value()))
                    .contains("CloudEvents");
        }
    }

    private String json(String id) {
        return codec.write(event(id));
    }

    private static EventEnvelope event(String id) {
        return new EventEnvelope("1.0", id, "/fupin/household-service", "fupin.household.HouseholdRegistered.v1",
                "h1", OffsetDateTime.now(), "application/json", null, "350481100201", "u1", "c1", "household", 1,
                null, null, JsonNodeFactory.instance.objectNode());
    }

    @TestConfiguration
    static class StrictConsumer {

        @Bean
        Listener strictListener(EventCodec codec) {
            return new Listener(codec);
        }
    }

    static class Listener {

        private final EventCodec codec;

        Listener(EventCodec codec) {
            this.codec = codec;
        }

        @KafkaListener(topics = "strict.events")
        void on(String value) {
            codec.read(value);
        }
    }
}
