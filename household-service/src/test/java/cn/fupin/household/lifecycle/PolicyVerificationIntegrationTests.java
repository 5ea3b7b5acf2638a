package cn.fupin.household.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

import cn.fupin.contracts.events.EventSchemas;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import cn.fupin.platform.testing.Tokens;
import cn.fupin.platform.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

/** 脱贫不享受政策户清理核实: confirm or clear out, through review. */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class PolicyVerificationIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481100207";
    static final SyntheticHouseholds synthetic = new SyntheticHouseholds(61);

    static JwtRequestPostProcessor clerk() {
        return Tokens.as("village-clerk", VILLAGE);
    }

    /** An exited household marked “not enjoying policy”, as the national system hands them over. */
    String markedHousehold() throws Exception {
        String id = json.readTree(mvc.perform(post("/api/v1/households").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(synthetic.next(VILLAGE))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        mvc.perform(patch("/api/v1/households/" + id).with(clerk()).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"notEnjoyingPolicy\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.notEnjoyingPolicy").value(true));
        jdbc.update("update household set status = 'EXITED', category = 'REGISTERED' where id = ?", UUID.fromString(id));
        return id;
    }

    JsonNode awaitEvent(String key, String name) {
        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.poll().stream()
                    .anyMatch(r -> r.key().equals(key) && r.value().contains("." + name + ".")));
            String event = probe.poll().stream().filter(r -> r.key().equals(key) && r.value().contains("." + name + "."))
                    .findFirst().orElseThrow().value();
            assertThat(new EventSchemas().violations(event)).isEmpty();
            return json.readTree(event);
        }
    }

    void approve(String householdId, String requestId, String caseType) {
        kafka.send("review.events", householdId, ReviewOutcomeEvents.approved(caseType, householdId, requestId, VILLAGE));
    }

    @Test
    void aConfirmationNeedsTheYearsDataAndIsAppliedWhenReviewApproves() throws Exception {
        String id = markedHousehold();
        mvc.perform(post("/api/v1/households/" + id + "/policy-verification").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content("{\"verification\":\"CONFIRM\",\"year\":2020}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("year-data-missing"));
        mvc.perform(put("/api/v1/households/" + id + "/annual-records/2020").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                        "income", Map.of("wageIncome", "20000"), "conditions", Map.of("dangerousHouseGrade", "1")))))
                .andExpect(status().isOk());

        String requestId = json.readTree(mvc.perform(post("/api/v1/households/" + id + "/policy-verification")
                .with(clerk()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"verification\":\"CONFIRM\",\"year\":2020}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.type").value("POLICY_CONFIRMATION"))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        assertThat(awaitEvent(id, "PolicyVerificationRequested").get("data").get("verification").asString())
                .isEqualTo("CONFIRM");

        approve(id, requestId, "POLICY_CONFIRMATION");
        JsonNode confirmed = awaitEvent(id, "HouseholdConfirmed");
        assertThat(confirmed.get("data").get("status").asString()).isEqualTo("EXITED");
        mvc.perform(get("/api/v1/households/" + id).with(clerk()))
                .andExpect(jsonPath("$.policyVerification").value("CONFIRMED"));
    }

    @Test
    void aCleanOutNeedsAReasonAndClearsTheHouseholdWhenApproved() throws Exception {
        String id = markedHousehold();
        mvc.perform(post("/api/v1/households/" + id + "/policy-verification").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content("{\"verification\":\"CLEAR_OUT\",\"year\":2020}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));

        String requestId = json.readTree(mvc.perform(post("/api/v1/households/" + id + "/policy-verification")
                .with(clerk()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"verification\":\"CLEAR_OUT\",\"year\":2020,\"reason\":\"家庭有财政供养人员，识别不精准\"}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString()).get("id").asString();

        approve(id, requestId, "POLICY_CLEAR_OUT");
        JsonNode cleared = awaitEvent(id, "HouseholdCleared");
        assertThat(cleared.get("data").get("reason").asString()).contains("识别不精准");
        assertThat(jdbc.queryForObject("select status from household where id = ?", String.class, UUID.fromString(id)))
                .isEqualTo("CLEARED");
    }

    @Test
    void onlyMarkedExitedHouseholdsAreVerified() throws Exception {
        String id = json.readTree(mvc.perform(post("/api/v1/households").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(synthetic.next(VILLAGE))))
                .andReturn().getResponse().getContentAsString()).get("id").asString();

        mvc.perform(post("/api/v1/households/" + id + "/policy-verification").with(clerk())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"verification\":\"CLEAR_OUT\",\"year\":2020,\"reason\":\"x\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("not-policy-household"));
    }
}
