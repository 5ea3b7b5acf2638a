package cn.fupin.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
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

import cn.fupin.platform.PlatformTestApplication;
import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.TopicProbe;
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

    private static EventEnvelope event(String id) {
        return new EventEnvelope("1.0", id, "/fupin/household-service", "fupin.household.HouseholdRegistered.v1",
                "h1", OffsetDateTime.now(), "application/json", null, "350481100201", "u1", "c1", "household", 1,
                null, JsonNodeFactory.instance.objectNode());
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
