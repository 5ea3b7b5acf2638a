package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import cn.fupin.contracts.events.EventSchemas;
import cn.fupin.contracts.household.model.HouseholdCategory;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;

import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton through the real system: a village clerk logged in with Keycloak registers a household
 * through the gateway; {@code HouseholdRegistered} appears on Kafka as a CloudEvent; the city office's overview
 * counts it. The request's correlation id and trace context travel with the event.
 */
class WalkingSkeletonE2ETests {

    static final String VILLAGE = "350481100201";

    @org.junit.jupiter.api.BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    @Test
    void aRegisteredHouseholdIsPublishedAndCountedByReporting() {
        Api clerk = Api.as("xiyang.clerk");
        Api city = Api.as("city.officer");
        long before = Api.json(city.get("/api/v1/reports/overview?areaCode=" + VILLAGE)).get("households").asLong();
        RegisterHouseholdRequest request = WorkPlanFixture.SYNTHETIC
                .next(VILLAGE, HouseholdCategory.REGISTERED);

        String traceId = UUID.randomUUID().toString().replace("-", "");
        var created = clerk.post("/api/v1/households", request, "traceparent",
                "00-" + traceId + "-00f067aa0ba902b7-01");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Correlation-Id")).isPresent();
        String id = Api.json(created).get("id").asString();

        ConsumerRecord<String, String> event = awaitEvent(id);
        assertThat(new EventSchemas().violations(event.value())).isEmpty();
        JsonNode envelope = Api.JSON.readTree(event.value());
        assertThat(envelope.get("specversion").asString()).isEqualTo("1.0");
        assertThat(envelope.get("type").asString()).isEqualTo("fupin.household.HouseholdRegistered.v1");
        assertThat(envelope.get("correlationid").asString())
                .isEqualTo(created.headers().firstValue("X-Correlation-Id").orElseThrow());
        assertThat(new String(event.headers().lastHeader("content-type").value()))
                .isEqualTo("application/cloudevents+json");
        assertThat(new String(event.headers().lastHeader("traceparent").value()))
                .as("the request's trace continues on Kafka").contains(traceId);
        assertThat(envelope.get("traceparent").asString()).contains(traceId);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode overview = Api.json(city.get("/api/v1/reports/overview?areaCode=" + VILLAGE));
            assertThat(overview.get("households").asLong()).isEqualTo(before + 1);
        });
        JsonNode township = Api.json(Api.as("xiyang.officer").get("/api/v1/reports/overview"));
        assertThat(township.get("areaCode").asString()).isEqualTo("350481100");
        assertThat(township.get("households").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theGatewayRefusesCallsWithoutAToken() {
        assertThat(Api.anonymous().get("/api/v1/households").statusCode()).isEqualTo(401);
        assertThat(Api.anonymous().get("/api/v1/reports/overview").statusCode()).isEqualTo(401);
    }

    @Test
    void anotherVillagesClerkCannotSeeTheHousehold() {
        var created = Api.as("xiyang.clerk").post("/api/v1/households",
                WorkPlanFixture.SYNTHETIC.next(VILLAGE));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Api.json(created).get("id").asString();

        var seen = Api.as("gongchuan.clerk").get("/api/v1/households/" + id);

        assertThat(seen.statusCode()).isEqualTo(404);
        assertThat(seen.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void theCodebookIsServedThroughTheGatewayWithLabels() {
        JsonNode codebook = Api.json(Api.as("auditor").get("/api/v1/codebook"));

        List<String> labels = new ArrayList<>();
        codebook.get("lists").forEach(list -> {
            if (list.get("name").asString().equals("A5_relation")) {
                list.get("options").forEach(option -> labels.add(option.get("label").asString()));
            }
        });
        assertThat(labels).contains("户主", "配偶");
    }

    private static ConsumerRecord<String, String> awaitEvent(String householdId) {
        // as an audit tool reads: with the audit user's credentials, in a group of its own (named audit-*)
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Stack.kafka("audit", Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "audit-e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class)))) {
            consumer.subscribe(List.of("household.events"));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (record.key().equals(householdId)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.getFirst();
        }
    }
}
