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

    String openIssue(String householdId) throws Exception {
        putIncome(householdId, "8000");
        String page = mvc.perform(get("/api/v1/data-issues?ruleCode=wage-income-workers&status=OPEN&size=200")
                .with(as("township-officer", "350481100"))).andReturn().getResponse().getContentAsString();
        for (var issue : json.readTree(page).get("content")) {
            if (issue.get("householdId").asString().equals(householdId)) {
                return issue.get("id").asString();
            }
        }
        throw new AssertionError("no open issue for " + householdId);
    }

    @Test
    void aConfirmedProblemIsFixedByTheClerkAndClosedByTheTownship() throws Exception {
        String household = registerWithoutWorkers();
        String issue = openIssue(household);

        mvc.perform(post("/api/v1/data-issues/" + issue + "/verification").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"PROBLEM_CONFIRMED\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VERIFIED"));
        mvc.perform(post("/api/v1/data-issues/" + issue + "/resolution").with(as("township-officer", "350481100"))
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("invalid-transition"));
        mvc.perform(post("/api/v1/data-issues/" + issue + "/resolution").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"已核对务工情况并改正\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FIXED"));
        mvc.perform(post("/api/v1/data-issues/" + issue + "/resolution").with(as("township-officer", "350481100"))
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.resolution").value("CORRECTED"));

        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            assertThat(new EventSchemas().violations(probe.awaitEvent(issue, "DataIssueResolved"))).isEmpty();
        }
        mvc.perform(post("/api/v1/data-issues/" + issue + "/verification").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"PROBLEM_CONFIRMED\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void dataFoundRightIsClosedWithItsReasonAndOtherAreasCannotTouchIt() throws Exception {
        String issue = openIssue(registerWithoutWorkers());

        mvc.perform(post("/api/v1/data-issues/" + issue + "/verification").with(as("village-clerk", "350481101201"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"NOT_A_PROBLEM\",\"comment\":\"x\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/data-issues/" + issue + "/verification").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"NOT_A_PROBLEM\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("comment"));
        mvc.perform(post("/api/v1/data-issues/" + issue + "/verification").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"result\":\"NOT_A_PROBLEM\",\"comment\":\"工资为上年度务工结算，核实无误\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.resolution").value("CONFIRMED_CORRECT"));

        mvc.perform(post("/api/v1/data-issues/self-checks").with(as("township-officer", "350481100"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("areaCode", VILLAGE, "year", 2020))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.raised").value(0));
    }

    @Test
    void anOutsideProblemListIsImportedWholeOrNotAtAll() throws Exception {
        RegisterHouseholdRequest request = synthetic.next(VILLAGE);
        mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isCreated());
        String known = request.getMembers().getFirst().getIdNumber();
        String csv = "idNumber,ruleCode,message\n" + known.toLowerCase() + ",survey-income,收入核算口径有误\n"
                + "350481199901019999,survey-income,查无此人\n" + known + ",,\n";

        mvc.perform(post("/api/v1/data-issues/imports?year=2020&origin=SURVEY").with(as("township-officer", "350481100"))
                .contentType("text/csv").content(csv))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("import-rejected"))
                .andExpect(jsonPath("$.errors[0].field").value("rows[3].idNumber"))
                .andExpect(jsonPath("$.errors[1].field").value("rows[4].message"));
        mvc.perform(get("/api/v1/data-issues?ruleCode=survey-income").with(as("township-officer", "350481100")))
                .andExpect(jsonPath("$.totalElements").value(0));

        mvc.perform(post("/api/v1/data-issues/imports?year=2020&origin=SURVEY&partial=true")
                .with(as("township-officer", "350481100")).contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(3))
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.errors.length()").value(2));
        mvc.perform(post("/api/v1/data-issues/imports?year=2020&origin=SURVEY&partial=true")
                .with(as("township-officer", "350481100")).contentType("text/csv").content(csv))
                .andExpect(jsonPath("$.imported").value(0)).andExpect(jsonPath("$.skipped").value(1));
        mvc.perform(post("/api/v1/data-issues/imports?year=2020").with(as("village-clerk", VILLAGE))
                .contentType("text/csv").content(csv))
                .andExpect(status().isForbidden());
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
