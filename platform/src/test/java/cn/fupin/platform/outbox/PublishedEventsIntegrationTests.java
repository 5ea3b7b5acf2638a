package cn.fupin.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.platform.PlatformTestApplication;
import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.TopicProbe;

/** Raised events reach the outbox with their transaction, in the order raised, and with nothing else. */
@RealInfrastructure
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "fupin.events.service=test", "fupin.events.topic=raised.events",
                "spring.flyway.locations=classpath:db/platform-test" })
class PublishedEventsIntegrationTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventCodec codec;

    @Autowired
    PublishedEvents raised;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    /** An event of a thing, in one village. */
    interface ThingEvent extends PublishedEvent {

        String thingId();

        @Override
        default String aggregateType() {
            return "thing";
        }

        @Override
        default String aggregateId() {
            return thingId();
        }

        @Override
        default String areaCode() {
            return "350481100201";
        }
    }

    record ThingCounted(String thingId, int n) implements ThingEvent {
    }

    /** Published under another name than its class's. */
    record ThingRenamed(String thingId, String name) implements ThingEvent {

        @Override
        public String eventType() {
            return "ThingNamed";
        }
    }

    @Test
    void eventsOfOneTransactionArePublishedInTheOrderRaisedWithTheirNamesAndPayloads() {
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new ThingCounted(a, 1));
            events.publishEvent(new ThingCounted(b, 1));
            events.publishEvent(new ThingRenamed(a, "第二个"));
        });

        try (TopicProbe probe = new TopicProbe(brokers, "raised.events")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.poll().stream()
                    .filter(record -> record.key().equals(a) || record.key().equals(b)).count() == 3);
            Map<String, List<EventEnvelope>> byThing = probe.poll().stream()
                    .filter(record -> record.key().equals(a) || record.key().equals(b))
                    .map(ConsumerRecord::value).map(codec::read)
                    .collect(Collectors.groupingBy(EventEnvelope::subject));
            assertThat(byThing.get(a)).extracting(EventEnvelope::type, EventEnvelope::sequence).containsExactly(
                    Tuple.tuple("fupin.test.ThingCounted.v1", 1L),
                    Tuple.tuple("fupin.test.ThingNamed.v1", 2L));
            assertThat(byThing.get(a).get(1).data().get("name").asString()).isEqualTo("第二个");
            assertThat(byThing.get(a).get(1).data().has("eventType")).as("the name is the type, not data").isFalse();
            assertThat(byThing.get(b)).extracting(EventEnvelope::sequence).containsExactly(1L);
        }
    }

    @Test
    void aRolledBackTransactionPublishesNothingAndAnInnerNewTransactionOnlyItsOwn() {
        String outer = "outer-" + UUID.randomUUID();
        String inner = "inner-" + UUID.randomUUID();
        TransactionTemplate requiresNew = new TransactionTemplate(transactionManager);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            events.publishEvent(new ThingCounted(outer, 1));
            requiresNew.executeWithoutResult(nested -> events.publishEvent(new ThingCounted(inner, 1)));
            throw new IllegalStateException("the outer change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(sequenceOf(inner)).as("the inner transaction committed its own event").isEqualTo(1L);
        assertThat(sequenceOf(outer)).as("the outer event went with its rollback").isNull();
    }

    @Test
    void aFailedSavepointTakesItsEventsWithItAndTheStepsBeforeAndAfterKeepTheirs() {
        String kept = "kept-" + UUID.randomUUID();
        String undone = "undone-" + UUID.randomUUID();
        String after = "after-" + UUID.randomUUID();
        TransactionTemplate nested = new TransactionTemplate(transactionManager);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        transactions.executeWithoutResult(status -> {
            raised.inSavepoint(nested, () -> {
                events.publishEvent(new ThingCounted(kept, 1));
                return null;
            });
            assertThatThrownBy(() -> raised.inSavepoint(nested, () -> {
                events.publishEvent(new ThingCounted(undone, 1));
                jdbc.update("insert into event_sequence (aggregate_id, last_sequence) values (?, 7)", undone);
                throw new IllegalStateException("the step failed");
            })).isInstanceOf(IllegalStateException.class);
            raised.inSavepoint(nested, () -> {
                events.publishEvent(new ThingCounted(after, 1));
                return null;
            });
        });

        assertThat(sequenceOf(kept)).isEqualTo(1L);
        assertThat(sequenceOf(undone)).as("neither the step's event nor its change").isNull();
        assertThat(sequenceOf(after)).isEqualTo(1L);
    }

    /**
     * A long bulk transaction stages its events (none in the outbox while it runs: the relay never walks them) and
     * releases them, in the order raised, just before it commits; a savepoint that staged events and failed takes
     * them and the staging table with it, and the transaction still commits.
     */
    @Test
    void aLongBulkTransactionStagesItsEventsAndReleasesThemInOrderWhenItCommits() {
        String bulk = "bulk-" + UUID.randomUUID();
        String undone = "undone-" + UUID.randomUUID();
        int count = PublishedEvents.HELD * 2 + 500;
        TransactionTemplate nested = new TransactionTemplate(transactionManager);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        transactions.executeWithoutResult(status -> {
            assertThatThrownBy(() -> raised.inSavepoint(nested, () -> {
                for (int n = 0; n <= PublishedEvents.HELD; n++) {
                    events.publishEvent(new ThingCounted(undone, n));
                }
                throw new IllegalStateException("the step failed after staging");
            })).isInstanceOf(IllegalStateException.class);
            for (int n = 1; n <= count; n++) {
                events.publishEvent(new ThingCounted(bulk, n));
            }
            assertThat(jdbc.queryForObject("select count(*) from outbox_event where message_key = ?", Long.class,
                    bulk)).as("staged, not yet in the outbox").isZero();
        });

        assertThat(sequenceOf(undone)).isNull();
        try (TopicProbe probe = new TopicProbe(brokers, "raised.events")) {
            List<EventEnvelope> received = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                probe.poll().stream().filter(record -> record.key().equals(bulk)).map(ConsumerRecord::value)
                        .map(codec::read).forEach(received::add);
                return received.size() >= count;
            });
            assertThat(received).extracting(EventEnvelope::sequence)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, count).boxed().toList());
            assertThat(received).extracting(event -> event.data().get("n").asInt())
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, count).boxed().toList());
        }
    }

    @Test
    void anEventRaisedOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> events.publishEvent(new ThingCounted("loose", 1)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(sequenceOf("loose")).isNull();
    }

    private Long sequenceOf(String aggregate) {
        return jdbc.query("select last_sequence from event_sequence where aggregate_id = ?",
                rs -> rs.next() ? rs.getLong(1) : null, aggregate);
    }
}
