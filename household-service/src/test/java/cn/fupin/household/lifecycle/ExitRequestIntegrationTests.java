package cn.fupin.household.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

import cn.fupin.contracts.events.EventSchemas;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import cn.fupin.platform.testing.Tokens;
import cn.fupin.platform.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

/** Annual records (A28–A48) and the exit request that checks them, through the API. */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class ExitRequestIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481100203";
    static final SyntheticHouseholds synthetic = new SyntheticHouseholds(31);

    @BeforeEach
    void theAssessedYearIs2020() {
        policyOf2020();
    }

    static JwtRequestPostProcessor clerk() {
        return Tokens.as("village-clerk", VILLAGE);
    }

    /** A registered household made poor the way review would, with every member medically insured. */
    JsonNode poorHousehold() throws Exception {
        RegisterHouseholdRequest request = synthetic.next(VILLAGE);
        request.getMembers().forEach(member -> member.getIndicators().medicalInsured(true).dropoutReason(null));
        JsonNode household = json.readTree(mvc.perform(post("/api/v1/households").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        jdbc.update("update household set status = 'POOR' where id = ?",
                UUID.fromString(household.get("id").asString()));
        return household;
    }

    static Map<String, Object> record(String wage, String houseGrade, boolean water) {
        return Map.of("income", Map.of("wageIncome", wage, "transferIncome", "1000.00", "productionIncome", "2000",
                "productionExpenses", "500.00"),
                "conditions", Map.of("dangerousHouseGrade", houseGrade, "safeDrinkingWater", water, "roadType", "03"));
    }

    @Test
    void theYearsRecordComputesPerCapitaIncomeAndIsPublished() throws Exception {
        JsonNode household = poorHousehold();
        String id = household.get("id").asString();
        int size = household.get("size").asInt();

        mvc.perform(put("/api/v1/households/" + id + "/annual-records/2020").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(record("12000.50", "1", true))))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.netIncome").value(14500.50))
                .andExpect(jsonPath("$.perCapitaIncome").value(new java.math.BigDecimal("14500.50")
                        .divide(java.math.BigDecimal.valueOf(size), 2, java.math.RoundingMode.HALF_UP).doubleValue()))
                .andExpect(jsonPath("$.basicNeeds.safeHousing").value(true));

        mvc.perform(put("/api/v1/households/" + id + "/annual-records/2020").with(clerk()).header("If-Match", "\"5\"")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(record("1", "1", true))))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(get("/api/v1/households/" + id + "/annual-records/2020").with(clerk()))
                .andExpect(jsonPath("$.income.wageIncome").value(12000.50));

        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            String event = probe.awaitEvent(id, "AnnualRecordSubmitted");
            assertThat(new EventSchemas().violations(event)).isEmpty();
            assertThat(json.readTree(event).get("data").get("netIncome").asString()).isEqualTo("14500.50");
        }
    }

    @Test
    void badCodesAndNegativeMoneyAreRefused() throws Exception {
        String id = poorHousehold().get("id").asString();

        mvc.perform(put("/api/v1/households/" + id + "/annual-records/2020").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(record("100", "7", true))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].indicator").value("A40"));
        mvc.perform(put("/api/v1/households/" + id + "/annual-records/2020").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(record("-5", "1", true))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].indicator").value("A28"));
    }

    @Test
    void anExitFailingTheLineAndTheBasicNeedsIsRefusedWithEveryReason() throws Exception {
        String id = poorHousehold().get("id").asString();
        mvc.perform(put("/api/v1/households/" + id + "/annual-records/2020").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(record("0", "4", false))))
                .andExpect(status().isOk());

        mvc.perform(post("/api/v1/households/" + id + "/exit-requests").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2020}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("exit-criteria-not-met"))
                .andExpect(jsonPath("$.errors[?(@.field == 'perCapitaIncome')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'basicNeeds.safeHousing')].indicator").value("A40"))
                .andExpect(jsonPath("$.errors[?(@.field == 'basicNeeds.safeDrinkingWater')].indicator").value("A44"));
        assertThat(jdbc.queryForObject("select count(*) from lifecycle_request where household_id = ? and type = 'POVERTY_EXIT'", Long.class,
                UUID.fromString(id))).isZero();
    }

    @Test
    void anExitMeetingTheCriteriaGoesToReviewOnce() throws Exception {
        String id = poorHousehold().get("id").asString();
        mvc.perform(put("/api/v1/households/" + id + "/annual-records/2020").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(record("60000", "1", true))))
                .andExpect(status().isOk());

        String body = mvc.perform(post("/api/v1/households/" + id + "/exit-requests").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2020}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.type").value("POVERTY_EXIT"))
                .andExpect(jsonPath("$.state").value("PENDING"))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/v1/households/" + id + "/exit-requests").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2020}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("request-pending"));

        String requestId = json.readTree(body).get("id").asString();
        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            String event = probe.awaitEvent(id, "HouseholdExitRequested");
            assertThat(new EventSchemas().violations(event)).isEmpty();
            assertThat(json.readTree(event).get("data").get("requestId").asString()).isEqualTo(requestId);
            assertThat(json.readTree(event).get("data").get("povertyLine").asString()).isEqualTo("4000.00");
            assertThat(json.readTree(event).get("data").get("appliedOn").asString()).as("the day of entry")
                    .isEqualTo(java.time.LocalDate.now(cn.fupin.contracts.rules.WorkYear.ZONE).toString());
        }
    }

    /** 申请日期: stated as the household's written application has it, never a day still to come. */
    @Test
    void theApplicationDateIsCarriedToReviewAndNeverInTheFuture() throws Exception {
        String id = poorHousehold().get("id").asString();
        mvc.perform(put("/api/v1/households/" + id + "/annual-records/2020").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(record("60000", "1", true))))
                .andExpect(status().isOk());
        String tomorrow = java.time.LocalDate.now(cn.fupin.contracts.rules.WorkYear.ZONE).plusDays(1).toString();
        mvc.perform(post("/api/v1/households/" + id + "/exit-requests").with(clerk())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2020,\"appliedOn\":\"" + tomorrow + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("appliedOn"));
        mvc.perform(post("/api/v1/households/" + id + "/exit-requests").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2020,\"appliedOn\":\"2020-11-02\"}"))
                .andExpect(status().isAccepted());
        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            String event = probe.awaitEvent(id, "HouseholdExitRequested");
            assertThat(new EventSchemas().violations(event)).isEmpty();
            assertThat(json.readTree(event).at("/data/appliedOn").asString()).isEqualTo("2020-11-02");
        }
    }

    @Test
    void anExitedHouseholdReturnsToReviewWithItsCauses() throws Exception {
        String id = poorHousehold().get("id").asString();
        jdbc.update("update household set status = 'EXITED' where id = ?", UUID.fromString(id));

        mvc.perform(post("/api/v1/households/" + id + "/return-requests").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2020,\"causes\":[\"01\",\"01\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].indicator").value("A27"));
        mvc.perform(post("/api/v1/households/" + id + "/return-requests").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2020,\"causes\":[\"01\",\"04\"]}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.type").value("RETURN_TO_POVERTY"));

        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            String event = probe.awaitEvent(id, "HouseholdReturnRequested");
            assertThat(new EventSchemas().violations(event)).isEmpty();
        }
        String poor = poorHousehold().get("id").asString();
        mvc.perform(post("/api/v1/households/" + poor + "/return-requests").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2020,\"causes\":[\"01\"]}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("not-exited"));
    }

    @Test
    void aCandidateCannotExitAndAYearWithoutARecordIsNamed() throws Exception {
        String candidate = json.readTree(mvc.perform(post("/api/v1/households").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(synthetic.next(VILLAGE))))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        mvc.perform(post("/api/v1/households/" + candidate + "/exit-requests").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2020}"))
                .andExpect(status().isConflict());

        String poor = poorHousehold().get("id").asString();
        mvc.perform(post("/api/v1/households/" + poor + "/exit-requests").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2020}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("exit-criteria-not-met"))
                .andExpect(jsonPath("$.errors[0].field").value("year"));
    }

    /** 考核年度: an exit rests on the assessed year's record, never an older or a later one's. */
    @Test
    void anExitOnAnotherYearsRecordIsRefusedWithTheAssessedYear() throws Exception {
        String id = poorHousehold().get("id").asString();
        for (int year : new int[] { 2019, 2021 }) {
            mvc.perform(put("/api/v1/households/" + id + "/annual-records/" + year).with(clerk())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(record("60000", "1", true))))
                    .andExpect(status().isOk());
            mvc.perform(post("/api/v1/households/" + id + "/exit-requests").with(clerk())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"year\":" + year + "}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("not-the-assessed-year"))
                    .andExpect(jsonPath("$.errors[0].field").value("year"))
                    .andExpect(jsonPath("$.errors[0].message").value("考核年度为 2020 年，不能以 " + year
                            + " 年度的记录申请脱贫退出"));
        }
    }

    /** The line is the city office's figure for the year: raised above the household's income, the exit fails. */
    @Test
    void theYearsPublishedLineDecides() throws Exception {
        String id = poorHousehold().get("id").asString();
        mvc.perform(put("/api/v1/households/" + id + "/annual-records/2020").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(record("60000", "1", true))))
                .andExpect(status().isOk());
        yearlyPolicy(2020, "90000.00", "1.50", 7);
        try {
            mvc.perform(post("/api/v1/households/" + id + "/exit-requests").with(clerk())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2020}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("perCapitaIncome"))
                    .andExpect(jsonPath("$.errors[0].message",
                            org.hamcrest.Matchers.endsWith("当年贫困线 90000.00 元")));
        }
        finally {
            policyOf2020();
        }
    }
}
