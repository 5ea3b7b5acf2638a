package cn.fupin.household.issues;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

import cn.fupin.contracts.events.EventSchemas;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import cn.fupin.platform.testing.TopicProbe;

/** Problem data follows the data: raised when a rule finds it, fixed when the data is corrected. */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class DataIssuesIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481100205";
    static final SyntheticHouseholds synthetic = new SyntheticHouseholds(53);

    String registerWithoutWorkers() throws Exception {
        RegisterHouseholdRequest request = synthetic.next(VILLAGE);
        request.getMembers().forEach(member -> member.getIndicators().workArea(null).workMonths(0));
        return json.readTree(mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    void putIncome(String id, String wage) throws Exception {
        mvc.perform(put("/api/v1/households/" + id + "/annual-records/2020").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                        "income", Map.of("wageIncome", wage, "productionIncome", "30000"),
                        "conditions", Map.of("dangerousHouseGrade", "1", "safeDrinkingWater", true)))))
                .andExpect(status().isOk());
    }

    @Test
    void wageIncomeWithoutWorkersIsRaisedAndClosedWhenCorrected() throws Exception {
        String id = registerWithoutWorkers();

        putIncome(id, "8000");
        String raised = mvc.perform(get("/api/v1/data-issues?ruleCode=wage-income-workers&areaCode=" + VILLAGE)
                .with(as("township-officer", "350481100")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.householdId == '" + id + "')].status").value("OPEN"))
                .andExpect(jsonPath("$.content[?(@.householdId == '" + id + "')].indicator").value("A28"))
                .andReturn().getResponse().getContentAsString();
        assertThat(raised).contains(id);

        putIncome(id, "0");
        mvc.perform(get("/api/v1/data-issues?status=CLOSED&ruleCode=wage-income-workers")
                .with(as("township-officer", "350481100")))
                .andExpect(jsonPath("$.content[?(@.householdId == '" + id + "')].status").value("CLOSED"));

        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.poll().stream()
                    .anyMatch(r -> r.value().contains("DataIssueResolved") && r.value().contains(id)));
            probe.poll().stream().filter(r -> r.value().contains(".DataIssue") && r.value().contains(id))
                    .forEach(r -> assertThat(new EventSchemas().violations(r.value())).isEmpty());
        }
    }

    @Test
    void aSelfCheckRunsOverTheAreaAndFindsNothingNewTheSecondTime() throws Exception {
        String id = registerWithoutWorkers();
        putIncome(id, "9000");

        String body = json.writeValueAsString(Map.of("areaCode", VILLAGE, "year", 2020));
        mvc.perform(post("/api/v1/data-issues/self-checks").with(as("township-officer", "350481100"))
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.raised").value(0))
                .andExpect(jsonPath("$.households").isNumber());
        mvc.perform(post("/api/v1/data-issues/self-checks").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/data-issues/self-checks").with(as("township-officer", "350481101"))
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound());
    }
}
