package cn.fupin.household.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

import cn.fupin.contracts.events.EventSchemas;
import cn.fupin.contracts.household.model.HouseholdCategory;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import cn.fupin.platform.testing.Tokens;
import cn.fupin.platform.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

/** The household side of the review saga: request out, outcome in, applied once. */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class ReviewSagaIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481100204";
    static final SyntheticHouseholds synthetic = new SyntheticHouseholds(47);

    String registerCandidate() throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/households")
                .with(Tokens.as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(synthetic.next(VILLAGE, HouseholdCategory.REGISTERED))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    JsonNode event(TopicProbe probe, String key, String name) {
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.poll().stream()
                .anyMatch(r -> r.key().equals(key) && r.value().contains("." + name + ".")));
        ConsumerRecord<String, String> record = probe.poll().stream()
                .filter(r -> r.key().equals(key) && r.value().contains("." + name + ".")).findFirst().orElseThrow();
        assertThat(new EventSchemas().violations(record.value())).isEmpty();
        return json.readTree(record.value());
    }

    @Test
    void anApprovedIdentificationMakesTheCandidatePoorOnceEvenWhenDeliveredTwice() throws Exception {
        String id = registerCandidate();
        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            JsonNode requested = event(probe, id, "HouseholdIdentificationRequested");
            String requestId = requested.get("data").get("requestId").asString();
            assertThat(requested.get("data").get("caseType").asString()).isEqualTo("NEW_IDENTIFICATION");

            String approved = ReviewOutcomeEvents.approved("NEW_IDENTIFICATION", id, requestId, VILLAGE);
            kafka.send("review.events", id, approved);
            kafka.send("review.events", id, approved);

            JsonNode identified = event(probe, id, "HouseholdIdentified");
            assertThat(identified.get("data").get("previousStatus").asString()).isEqualTo("CANDIDATE");
            assertThat(identified.get("data").get("status").asString()).isEqualTo("POOR");
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select state from lifecycle_request where id = ?", String.class, UUID.fromString(requestId))
                    .equals("APPROVED"));
            assertThat(jdbc.queryForObject("select status from household where id = ?", String.class,
                    UUID.fromString(id))).isEqualTo("POOR");
            List<String> identifiedEvents = probe.poll().stream()
                    .filter(r -> r.key().equals(id) && r.value().contains(".HouseholdIdentified.")).map(r -> r.value())
                    .toList();
            assertThat(identifiedEvents).hasSize(1);
        }
    }

    @Test
    void aRejectionKeepsTheReasonsAndTheStatus() throws Exception {
        String id = registerCandidate();
        String requestId;
        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            requestId = event(probe, id, "HouseholdIdentificationRequested").get("data").get("requestId").asString();
        }
        kafka.send("review.events", id,
                ReviewOutcomeEvents.rejected("NEW_IDENTIFICATION", id, requestId, VILLAGE, "收入高于识别标准"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "REJECTED".equals(jdbc.queryForObject(
                "select state from lifecycle_request where id = ?", String.class, UUID.fromString(requestId))));
        assertThat(jdbc.queryForObject("select reasons from lifecycle_request where id = ?", String.class,
                UUID.fromString(requestId))).contains("收入高于识别标准");
        assertThat(jdbc.queryForObject("select status from household where id = ?", String.class,
                UUID.fromString(id))).isEqualTo("CANDIDATE");
    }
}
