package cn.fupin.household.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;

import cn.fupin.contracts.events.EventSchemas;
import cn.fupin.contracts.household.model.HouseholdCategory;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import cn.fupin.platform.testing.Tokens;
import cn.fupin.platform.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * 退回修改后重新报审: a request review returned for correction is posted again once the household is corrected; it
 * passes the checks of a first request, goes back to PENDING under its id and is sent to review again with the
 * household's current data. A request still pending is not sent twice.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class ResubmissionIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481101201";
    static final SyntheticHouseholds synthetic = new SyntheticHouseholds(83);

    static JwtRequestPostProcessor clerk() {
        return Tokens.as("village-clerk", VILLAGE);
    }

    String register(HouseholdCategory category) throws Exception {
        RegisterHouseholdRequest request = synthetic.next(VILLAGE, category);
        request.getMembers().forEach(member -> member.getIndicators().medicalInsured(true).dropoutReason(null));
        return json.readTree(mvc.perform(post("/api/v1/households").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    /** A registered household moved to a status the way review would have. */
    String household(String status) throws Exception {
        String id = register(HouseholdCategory.REGISTERED);
        jdbc.update("update household set status = ? where id = ?", status, UUID.fromString(id));
        return id;
    }

    ResultActions postRequest(String householdId, String path, String body) throws Exception {
        return mvc.perform(post("/api/v1/households/" + householdId + "/" + path).with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    String accepted(ResultActions result) throws Exception {
        return json.readTree(result.andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString())
                .get("id").asString();
    }

    void putRecord(String householdId, String wage, String houseGrade) throws Exception {
        mvc.perform(put("/api/v1/households/" + householdId + "/annual-records/2020").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                        "income", Map.of("wageIncome", wage, "productionIncome", "2000"),
                        "conditions", Map.of("dangerousHouseGrade", houseGrade, "safeDrinkingWater", true)))))
                .andExpect(status().isOk());
    }

    String state(String requestId) {
        return jdbc.queryForObject("select state from lifecycle_request where id = ?", String.class,
                UUID.fromString(requestId));
    }

    void sendBack(String caseType, String householdId, String requestId) {
        kafka.send("review.events", householdId, ReviewOutcomeEvents.returned(caseType, householdId, requestId,
                VILLAGE, "data-mismatch", "与入户核实情况不符", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> "RETURNED".equals(state(requestId)));
    }

    /** The household's events of a kind once there are {@code count} of them, oldest first, each valid. */
    List<JsonNode> events(String key, String name, int count) {
        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> matching(probe, key, name).size() >= count);
            List<String> events = matching(probe, key, name);
            events.forEach(event -> assertThat(new EventSchemas().violations(event)).isEmpty());
            return events.stream().map(json::readTree).toList();
        }
    }

    static List<String> matching(TopicProbe probe, String key, String name) {
        return probe.poll().stream().filter(r -> r.key().equals(key) && r.value().contains("." + name + "."))
                .map(ConsumerRecord::value).toList();
    }

    @BeforeEach
    void theAssessedYearIs2020() {
        policyOf2020();
    }

    @Test
    void aReturnedIdentificationIsResubmittedUnderItsIdWithTheCorrectedData() throws Exception {
        String id = register(HouseholdCategory.REGISTERED);
        String requestId = events(id, "HouseholdIdentificationRequested", 1).get(0).get("data").get("requestId")
                .asString();
        postRequest(id, "identification-requests", "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("request-pending"));

        sendBack("NEW_IDENTIFICATION", id, requestId);
        mvc.perform(patch("/api/v1/households/" + id).with(clerk()).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"causes\":[\"09\",\"07\"]}"))
                .andExpect(status().isOk());
        postRequest(id, "identification-requests", "").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value(requestId))
                .andExpect(jsonPath("$.type").value("NEW_IDENTIFICATION"))
                .andExpect(jsonPath("$.state").value("PENDING"));

        JsonNode resubmitted = events(id, "HouseholdIdentificationRequested", 2).get(1).get("data");
        assertThat(resubmitted.get("requestId").asString()).isEqualTo(requestId);
        assertThat(resubmitted.get("causes").values()).extracting(JsonNode::asString).containsExactly("09", "07");
        assertThat(state(requestId)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select reasons from lifecycle_request where id = ?", String.class,
                UUID.fromString(requestId))).isNull();
        postRequest(id, "identification-requests", "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("request-pending"));
        assertThat(jdbc.queryForObject("select count(*) from lifecycle_request where household_id = ?", Long.class,
                UUID.fromString(id))).isOne();
    }

    @Test
    void onlyACandidateOfTheRegistryIsSentToIdentification() throws Exception {
        postRequest(register(HouseholdCategory.MARGINAL), "identification-requests", "")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("not-candidate"));
        postRequest(household("POOR"), "identification-requests", "")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("not-candidate"));
        postRequest(UUID.randomUUID().toString(), "identification-requests", "")
                .andExpect(status().isNotFound());
    }

    @Test
    void aReturnedExitIsCheckedAgainAndResubmittedWithTheCorrectedRecord() throws Exception {
        String id = household("POOR");
        putRecord(id, "60000", "1");
        String requestId = accepted(postRequest(id, "exit-requests", "{\"year\":2020}"));
        sendBack("POVERTY_EXIT", id, requestId);

        putRecord(id, "0", "4");
        postRequest(id, "exit-requests", "{\"year\":2020}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("exit-criteria-not-met"));
        assertThat(state(requestId)).isEqualTo("RETURNED");

        putRecord(id, "80000", "1");
        assertThat(accepted(postRequest(id, "exit-requests", "{\"year\":2020}"))).isEqualTo(requestId);
        List<JsonNode> requested = events(id, "HouseholdExitRequested", 2);
        assertThat(requested.get(1).get("data").get("requestId").asString()).isEqualTo(requestId);
        assertThat(requested.get(1).get("data").get("perCapitaIncome").asString())
                .isNotEqualTo(requested.get(0).get("data").get("perCapitaIncome").asString());
        postRequest(id, "exit-requests", "{\"year\":2020}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("request-pending"));
    }

    @Test
    void aReturnedReturnToPovertyIsResubmittedWithTheCorrectedCauses() throws Exception {
        String id = household("EXITED");
        String requestId = accepted(postRequest(id, "return-requests", "{\"year\":2020,\"causes\":[\"01\"]}"));
        sendBack("RETURN_TO_POVERTY", id, requestId);

        postRequest(id, "return-requests", "{\"year\":2020,\"causes\":[\"04\",\"04\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].indicator").value("A27"));
        assertThat(state(requestId)).isEqualTo("RETURNED");

        assertThat(accepted(postRequest(id, "return-requests", "{\"year\":2020,\"causes\":[\"04\",\"05\"]}")))
                .isEqualTo(requestId);
        JsonNode resubmitted = events(id, "HouseholdReturnRequested", 2).get(1).get("data");
        assertThat(resubmitted.get("requestId").asString()).isEqualTo(requestId);
        assertThat(resubmitted.get("causes").values()).extracting(JsonNode::asString).containsExactly("04", "05");
    }

    @Test
    void aReturnedClearOutIsResubmittedWithItsNewReasonAndAppliedWhenApproved() throws Exception {
        String id = register(HouseholdCategory.REGISTERED);
        mvc.perform(patch("/api/v1/households/" + id).with(clerk()).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"notEnjoyingPolicy\":true}"))
                .andExpect(status().isOk());
        jdbc.update("update household set status = 'EXITED' where id = ?", UUID.fromString(id));
        String requestId = accepted(postRequest(id, "policy-verification",
                "{\"verification\":\"CLEAR_OUT\",\"year\":2020,\"reason\":\"家庭有财政供养人员\"}"));
        sendBack("POLICY_CLEAR_OUT", id, requestId);

        assertThat(accepted(postRequest(id, "policy-verification",
                "{\"verification\":\"CLEAR_OUT\",\"year\":2020,\"reason\":\"户主为在编公职人员，识别不精准\"}")))
                .isEqualTo(requestId);
        assertThat(events(id, "PolicyVerificationRequested", 2).get(1).get("data").get("reason").asString())
                .isEqualTo("户主为在编公职人员，识别不精准");
        kafka.send("review.events", id,
                ReviewOutcomeEvents.approved("POLICY_CLEAR_OUT", id, requestId, VILLAGE));

        assertThat(events(id, "HouseholdCleared", 1).get(0).get("data").get("reason").asString())
                .isEqualTo("户主为在编公职人员，识别不精准");
        assertThat(state(requestId)).isEqualTo("APPROVED");
    }
}
