package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.fupin.contracts.household.model.HouseholdCategory;

/**
 * The broker as an outsider meets it: no client is served without signing in, a wrong password is refused, the
 * audit user reads every event topic and writes none, each service's user writes its own topic only — the ACLs the
 * stack gives its users, the same as the Kubernetes overlays' KafkaUsers.
 */
class KafkaSecurityE2ETests {

    private static final String RECORD = "{\"not\":\"sent\"}";

    @Test
    void aClientThatDoesNotSignInIsNotServed() {
        try (Admin anonymous = Admin.create(Map.of("bootstrap.servers", Stack.get().kafkaBootstrap(),
                "request.timeout.ms", 3000, "default.api.timeout.ms", 6000))) {
            Throwable refused = catchThrowable(() -> anonymous.listTopics().names().get(10, TimeUnit.SECONDS));

            assertThat(refused).as("a PLAINTEXT client on a SASL listener").isNotNull();
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> forged = Stack.kafka("audit", Map.of("sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"audit\" password=\"guess\";",
                "request.timeout.ms", 5000, "default.api.timeout.ms", 10000));
        try (Admin admin = Admin.create(forged)) {
            Throwable refused = catchThrowable(() -> admin.listTopics().names().get(15, TimeUnit.SECONDS));

            assertThat(refused).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    @Test
    void theAuditUserReadsEveryEventTopicAndWritesNone() throws Exception {
        var created = Api.as("xiyang.clerk").post("/api/v1/households",
                WorkPlanFixture.SYNTHETIC.next(WalkingSkeletonE2ETests.VILLAGE, HouseholdCategory.REGISTERED));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Api.json(created).get("id").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> !Topics.keyed("household.events", id).isEmpty());
        for (String topic : List.of("household.events", "monitoring.events", "review.events")) {
            assertThat(refusedWriting("audit", topic)).as("audit writing " + topic).isTrue();
        }
        try (Admin audit = Admin.create(Stack.kafka("audit", Map.of()))) {
            Throwable refused = catchThrowable(() -> audit.createTopics(List.of(new NewTopic("audit.forged", 1,
                    (short) 1))).all().get(15, TimeUnit.SECONDS));
            assertThat(refused).hasCauseInstanceOf(TopicAuthorizationException.class);
            assertThat(audit.listTopics().names().get(15, TimeUnit.SECONDS))
                    .contains("household.events", "household.events.checkpoints", "review.events")
                    .doesNotContain("__consumer_offsets");
        }
    }

    @Test
    void eachServiceWritesItsOwnTopicOnly() throws Exception {
        assertThat(refusedWriting("household-service", "review.events")).isTrue();
        assertThat(refusedWriting("household-service", "monitoring.events")).isTrue();
        assertThat(refusedWriting("monitoring-service", "household.events")).isTrue();
        assertThat(refusedWriting("review-service", "household.events.checkpoints")).isTrue();
        assertThat(refusedWriting("reporting-service", "review.events")).isTrue();
        for (String topic : List.of("household.events", "monitoring.events", "review.events")) {
            assertThat(Topics.keyed(topic, "security-test")).as("nothing refused reached " + topic).isEmpty();
        }
    }

    /**
     * Whether the broker refuses the user's write to the topic: the topic's ACL (TopicAuthorizationException), or for a
     * user allowed to write nowhere, the idempotent producer's id already (ClusterAuthorizationException).
     */
    private static boolean refusedWriting(String user, String topic) throws InterruptedException {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Stack.kafka(user,
                Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000)),
                new StringSerializer(), new StringSerializer())) {
            // a record no consumer would take for an event, should the broker accept it after all
            producer.send(new ProducerRecord<>(topic, "security-test", RECORD)).get(20, TimeUnit.SECONDS);
            return false;
        }
        catch (ExecutionException | org.apache.kafka.common.KafkaException ex) {
            // the producer reports the refusal as its fatal error's cause from its next call, whichever that is
            for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
                if (cause instanceof AuthorizationException) {
                    return true;
                }
            }
            return false;
        }
        catch (java.util.concurrent.TimeoutException ex) {
            return false;
        }
    }
}
