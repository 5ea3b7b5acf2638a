package cn.fupin.household.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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

/** The household side of the review saga: request out, outcome (or return for correction) in, applied once. */
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

    String requestOf(String householdId) {
        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            return event(probe, householdId, "HouseholdIdentificationRequested").get("data").get("requestId")
                    .asString();
        }
    }

    String state(String requestId) {
        return jdbc.queryForObject("select state from lifecycle_request where id = ?", String.class,
                UUID.fromString(requestId));
    }

    void awaitState(String requestId, String state) {
        await().atMost(Duration.ofSeconds(30)).until(() -> state.equals(state(requestId)));
    }

    String reasons(String requestId) {
        return jdbc.queryForObject("select reasons from lifecycle_request where id = ?", String.class,
                UUID.fromString(requestId));
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

    @Test
    void aReturnSendsTheRequestBackWithTheReviewersReasonsAndKeepsTheStatus() throws Exception {
        String id = registerCandidate();
        String requestId = requestOf(id);
        String returned = ReviewOutcomeEvents.returned("NEW_IDENTIFICATION", id, requestId, VILLAGE,
                "income-unverified", "家庭收入未经核实", "请核实后重新报审");
        assertThat(new EventSchemas().violations(returned)).isEmpty();
        kafka.send("review.events", id, returned);

        awaitState(requestId, "RETURNED");
        assertThat(json.readTree(reasons(requestId)).get(0).get("code").asString()).isEqualTo("income-unverified");
        assertThat(json.readTree(reasons(requestId)).get(0).get("text").asString()).isEqualTo("家庭收入未经核实");
        assertThat(jdbc.queryForObject("select status from household where id = ?", String.class,
                UUID.fromString(id))).isEqualTo("CANDIDATE");
    }

    @Test
    void aReturnWithoutReasonsKeepsTheReviewersComment() throws Exception {
        String id = registerCandidate();
        String requestId = requestOf(id);
        kafka.send("review.events", id, ReviewOutcomeEvents.returned("NEW_IDENTIFICATION", id, requestId, VILLAGE,
                null, null, "户主身份证明缺失，请补充"));

        awaitState(requestId, "RETURNED");
        assertThat(json.readTree(reasons(requestId)).get(0).get("text").asString()).isEqualTo("户主身份证明缺失，请补充");
    }

    /** Events of one key arrive in order: once the later return is applied, the decisions before it were seen. */
    @Test
    void aStageThatApprovesOrRejectsDoesNotSendTheRequestBack() throws Exception {
        String id = registerCandidate();
        String requestId = requestOf(id);
        String other = registerCandidate();
        String otherRequest = requestOf(other);

        kafka.send("review.events", id, ReviewOutcomeEvents.stageDecided("APPROVE", "NEW_IDENTIFICATION", id,
                requestId, VILLAGE, null, null));
        kafka.send("review.events", id, ReviewOutcomeEvents.stageDecided("REJECT", "NEW_IDENTIFICATION", id,
                requestId, VILLAGE, "[{\"text\":\"不符合识别标准\"}]", null));
        kafka.send("review.events", id, ReviewOutcomeEvents.returned("NEW_IDENTIFICATION", other, otherRequest,
                VILLAGE, null, "材料不全", null));

        awaitState(otherRequest, "RETURNED");
        assertThat(state(requestId)).isEqualTo("PENDING");
    }

    @Test
    void aReturnDeliveredAgainAfterTheResubmissionChangesNothing() throws Exception {
        String id = registerCandidate();
        String requestId = requestOf(id);
        String returned = ReviewOutcomeEvents.returned("NEW_IDENTIFICATION", id, requestId, VILLAGE, null,
                "致贫原因与家庭情况不符", null);
        kafka.send("review.events", id, returned);
        awaitState(requestId, "RETURNED");

        mvc.perform(post("/api/v1/households/" + id + "/identification-requests")
                .with(Tokens.as("village-clerk", VILLAGE)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value(requestId))
                .andExpect(jsonPath("$.state").value("PENDING"));
        String other = registerCandidate();
        String otherRequest = requestOf(other);
        kafka.send("review.events", id, returned);
        kafka.send("review.events", id, ReviewOutcomeEvents.returned("NEW_IDENTIFICATION", other, otherRequest,
                VILLAGE, null, "材料不全", null));

        awaitState(otherRequest, "RETURNED");
        assertThat(state(requestId)).isEqualTo("PENDING");
        assertThat(reasons(requestId)).isNull();
    }

    @Test
    void aReturnedRequestThatReviewThenRejectsIsRejected() throws Exception {
        String id = registerCandidate();
        String requestId = requestOf(id);
        kafka.send("review.events", id, ReviewOutcomeEvents.returned("NEW_IDENTIFICATION", id, requestId, VILLAGE,
                null, "材料不全", null));
        awaitState(requestId, "RETURNED");

        kafka.send("review.events", id,
                ReviewOutcomeEvents.rejected("NEW_IDENTIFICATION", id, requestId, VILLAGE, "逾期未补正"));

        awaitState(requestId, "REJECTED");
        assertThat(reasons(requestId)).contains("逾期未补正");
    }
}
