package cn.fupin.household.issues;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import cn.fupin.contracts.events.EventSchemas;
import cn.fupin.contracts.household.model.HouseholdCategory;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import cn.fupin.platform.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * 帮扶责任人为建档立卡贫困人口, on real PostgreSQL and Kafka: a helper's optional ID number, checked and masked like a
 * member's, matched across the registry; without it, a namesake in the village to verify in the field.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class HelperRegisteredPoorIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481105202";
    static final String TOWNSHIP = "350481105";
    static final SyntheticHouseholds synthetic = new SyntheticHouseholds(97);

    JsonNode register(HouseholdCategory category) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(synthetic.next(VILLAGE, category))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    ResultActions assignHelper(String householdId, String name, String gender, String idNumber) throws Exception {
        Map<String, Object> helper = new HashMap<>(Map.of("name", name, "gender", gender, "unit", "市农业农村局",
                "startDate", "2020-03-01"));
        if (idNumber != null) {
            helper.put("idNumber", idNumber);
        }
        return mvc.perform(put("/api/v1/households/" + householdId + "/helpers").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("helpers", List.of(helper)))));
    }

    JsonNode issueOf(String householdId, String status) throws Exception {
        String page = mvc.perform(get("/api/v1/data-issues?ruleCode=helper-registered-poor&size=200&status=" + status
                + "&areaCode=" + VILLAGE).with(as("township-officer", TOWNSHIP)))
                .andReturn().getResponse().getContentAsString();
        for (JsonNode issue : json.readTree(page).get("content")) {
            if (issue.get("householdId").asString().equals(householdId)) {
                return issue;
            }
        }
        return null;
    }

    @Test
    void aHelperHoldingTheIdNumberOfAPoorMemberIsAProblemAndTheNumberIsMasked() throws Exception {
        JsonNode poor = register(HouseholdCategory.REGISTERED).get("members").get(0);
        String number = poor.get("idNumber").asString();
        String helped = register(HouseholdCategory.MARGINAL).get("id").asString();

        assignHelper(helped, "王帮扶", poor.get("gender").asString(), number.toLowerCase())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.helpers[0].idNumber").value(number));
        mvc.perform(get("/api/v1/households/" + helped).with(as("auditor", "350481")))
                .andExpect(jsonPath("$.helpers[0].idNumber").value(number.substring(0, 6) + "********"
                        + number.substring(14)));

        JsonNode issue = issueOf(helped, "OPEN");
        assertThat(issue).isNotNull();
        assertThat(issue.get("field").asString()).isEqualTo("helpers[0].idNumber");
        assertThat(issue.get("message").asString()).contains("王帮扶", "贫困人口").doesNotContain(number);
        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            String assigned = probe.awaitEvent(helped, "HelpersAssigned");
            assertThat(new EventSchemas().violations(assigned)).isEmpty();
            assertThat(assigned).doesNotContain(number);
            String raised = probe.awaitEvent(issue.get("id").asString(), "DataIssueRaised");
            assertThat(new EventSchemas().violations(raised)).isEmpty();
            assertThat(raised).doesNotContain(number);
        }

        assignHelper(helped, "王帮扶", poor.get("gender").asString(), null).andExpect(status().isOk());
        assertThat(issueOf(helped, "CLOSED").get("resolution").asString()).isEqualTo("CORRECTED");
    }

    @Test
    void aNamesakeInTheVillageIsVerifiedInTheFieldAndNotRaisedAgainOnceFoundRight() throws Exception {
        JsonNode poor = register(HouseholdCategory.REGISTERED).get("members").get(0);
        String helped = register(HouseholdCategory.REGISTERED).get("id").asString();

        assignHelper(helped, poor.get("name").asString(), "1", null).andExpect(status().isOk());
        JsonNode issue = issueOf(helped, "OPEN");
        assertThat(issue).isNotNull();
        assertThat(issue.get("field").asString()).isEqualTo("helpers[0].name");
        assertThat(issue.get("message").asString()).contains("请核实");

        mvc.perform(post("/api/v1/data-issues/" + issue.get("id").asString() + "/verification")
                .with(as("village-clerk", VILLAGE)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"result\":\"NOT_A_PROBLEM\",\"comment\":\"帮扶责任人为市农业农村局干部，与该村民同名不同人\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resolution").value("CONFIRMED_CORRECT"));
        mvc.perform(post("/api/v1/data-issues/self-checks").with(as("township-officer", TOWNSHIP))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("areaCode", VILLAGE, "year", issue.get("year").asInt()))))
                .andExpect(status().isOk());
        assertThat(issueOf(helped, "OPEN")).isNull();
    }

    @Test
    void aHelpersIdNumberIsCheckedLikeAMembers() throws Exception {
        JsonNode poor = register(HouseholdCategory.REGISTERED).get("members").get(0);
        String number = poor.get("idNumber").asString();
        String otherSex = "1".equals(poor.get("gender").asString()) ? "2" : "1";
        String wrongCheck = number.substring(0, 17) + (number.endsWith("0") ? "1" : "0");
        String helped = register(HouseholdCategory.MARGINAL).get("id").asString();

        assignHelper(helped, "王帮扶", otherSex, number)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("helpers[0].gender"));
        assignHelper(helped, "王帮扶", poor.get("gender").asString(), wrongCheck)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("helpers[0].idNumber"));
        mvc.perform(get("/api/v1/households/" + helped).with(as("village-clerk", VILLAGE)))
                .andExpect(jsonPath("$.helpers").isEmpty());
    }
}
