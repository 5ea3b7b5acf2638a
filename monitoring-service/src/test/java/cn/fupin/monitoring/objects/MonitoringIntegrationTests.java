package cn.fupin.monitoring.objects;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;

import cn.fupin.contracts.events.EventSchemas;
import cn.fupin.monitoring.HouseholdEvents;
import cn.fupin.platform.pii.IdNumberHash;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import cn.fupin.platform.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * Monitoring objects on real PostgreSQL and Kafka, fed by household.events and review.events as the owning
 * services write them: form 5 by the head's ID, form 4 by household, the review saga both ways, assistance,
 * elimination refused with reasons then approved, reopening; events valid against their schemas.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class MonitoringIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481104201";
    final JwtRequestPostProcessor clerk = as("clerk-m", "village-clerk", VILLAGE);

    @Autowired
    IdNumberHash idHash;

    void awaitProjected(UUID household, long sequence) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select last_sequence from household_summary where household_id = ?", Long.class, household)
                .stream().anyMatch(s -> s >= sequence));
    }

    ResultActions propose(String body) throws Exception {
        return mvc.perform(post("/api/v1/monitoring-objects").with(clerk).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    JsonNode event(UUID object, String name) {
        try (TopicProbe probe = new TopicProbe(brokers, "monitoring.events")) {
            String event = probe.awaitEvent(object.toString(), name);
            assertThat(new EventSchemas().violations(event)).isEmpty();
            return json.readTree(event);
        }
    }

    UUID objectId(ResultActions created) throws Exception {
        return UUID.fromString(json.readTree(created.andReturn().getResponse().getContentAsString()).get("id")
                .asString());
    }

    void awaitStatus(UUID object, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(jdbc.queryForObject(
                "select status from monitoring_object where id = ?", String.class, object)));
    }

    @BeforeEach
    void theAssessedYearIs2020() {
        policyOf2020();
    }

    @Test
    void anUnstableExitedHouseholdIsFoundByItsHeadsIdFollowedClearedAndReopened() throws Exception {
        String id = HouseholdEvents.headId();
        HouseholdEvents household = new HouseholdEvents(kafka, UUID.randomUUID(), VILLAGE);
        household.registered("REGISTERED", "POOR", idHash.of(id), true);
        household.status("HouseholdExited", "EXITED");
        awaitProjected(household.household(), 2);

        propose("""
                {"objectType":"UNSTABLE_EXITED","year":2020,"risks":["01","07"]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("headIdNumber"));
        propose("""
                {"objectType":"UNSTABLE_EXITED","year":2020,"headIdNumber":"%s","risks":["01","42"]}""".formatted(id))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("risks[1]"))
                .andExpect(jsonPath("$.errors[0].indicator").value("A52"));
        mvc.perform(post("/api/v1/monitoring-objects").with(as("clerk-x", "village-clerk", "350481104202"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"objectType":"UNSTABLE_EXITED","year":2020,"headIdNumber":"%s","risks":["01"]}"""
                        .formatted(id))).andExpect(status().isNotFound());
        UUID object = objectId(propose("""
                {"objectType":"UNSTABLE_EXITED","year":2020,"headIdNumber":"%s","risks":["01","07"]}"""
                .formatted(id.toLowerCase())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PROPOSED"))
                .andExpect(jsonPath("$.riskNames[0]").value("因大病"))
                .andExpect(jsonPath("$.headName").value("陈大山")));
        propose("""
                {"objectType":"UNSTABLE_EXITED","year":2020,"headIdNumber":"%s","risks":["03"]}""".formatted(id))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("already-monitored"));
        JsonNode proposed = event(object, "MonitoringObjectProposed");
        UUID inclusion = UUID.fromString(proposed.at("/data/requestId").asString());
        assertThat(proposed.toString()).doesNotContain(id);

        mvc.perform(post("/api/v1/monitoring-objects/" + object + "/assistance").with(clerk)
                .contentType(MediaType.APPLICATION_JSON).content("{\"measure\":\"02\",\"date\":\"2020-11-26\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("not-monitored"));
        HouseholdEvents.review(kafka, "ReviewApproved", object, inclusion, "MONITORING_INCLUSION", VILLAGE, """
                ,"approvedAt":"2020-11-25T00:00:00Z","decisions":[{"stage":"CITY","decision":"APPROVE",
                 "decidedBy":"city-1","decidedAt":"2020-11-25T00:00:00Z"}]""");
        awaitStatus(object, "MONITORED");
        assertThat(event(object, "MonitoringObjectIdentified").at("/data/risks/1").asString()).isEqualTo("07");

        mvc.perform(post("/api/v1/monitoring-objects/" + object + "/assistance").with(clerk)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"measure":"02","content":"推荐到园区企业务工","amount":1500.50,"date":"2020-11-26",
                         "responsiblePerson":"林帮扶"}""")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.assistance[0].measureName").value("就业帮扶"));
        assertThat(event(object, "AssistanceRecorded").at("/data/amount").asString()).isEqualTo("1500.50");

        String eliminate = """
                {"assessedOn":"2020-12-01","risks":[],"riskEliminated":true,"note":"务工收入稳定"}""";
        mvc.perform(post("/api/v1/monitoring-objects/" + object + "/assessments").with(clerk)
                .contentType(MediaType.APPLICATION_JSON).content(eliminate))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("elimination-criteria-not-met"))
                .andExpect(jsonPath("$.errors[0].field").value("perCapitaIncome"));
        household.annualRecord("REGISTERED", "EXITED", "5800.00", false);
        awaitProjected(household.household(), 3);
        mvc.perform(post("/api/v1/monitoring-objects/" + object + "/assessments").with(clerk)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"assessedOn":"2020-12-01","risks":["07"],"riskEliminated":true}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "perCapitaIncome", "basicNeeds.safeHousing", "risks")));
        assertThat(jdbc.queryForObject("select count(*) from monitoring_assessment where object_id = ?",
                Integer.class, object)).isZero();

        household.annualRecord("REGISTERED", "EXITED", "7200.00", true);
        awaitProjected(household.household(), 4);
        mvc.perform(get("/api/v1/monitoring-objects/" + object).with(clerk)).andExpect(status().isOk())
                .andExpect(jsonPath("$.latestIncome.year").value(2020))
                .andExpect(jsonPath("$.latestIncome.perCapitaIncome").value("7200.00"))
                .andExpect(jsonPath("$.incomeAtProposal").doesNotExist());
        mvc.perform(post("/api/v1/monitoring-objects/" + object + "/assessments").with(clerk)
                .contentType(MediaType.APPLICATION_JSON).content(eliminate)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ELIMINATION_REQUESTED"));
        JsonNode requested = event(object, "RiskEliminationRequested");
        UUID elimination = UUID.fromString(requested.at("/data/requestId").asString());
        assertThat(requested.at("/data/perCapitaIncome").asString()).isEqualTo("7200.00");

        HouseholdEvents.review(kafka, "ReviewApproved", object, elimination, "RISK_ELIMINATION", VILLAGE, """
                ,"approvedAt":"2020-12-10T00:00:00Z","decisions":[{"stage":"CITY","decision":"APPROVE",
                 "decidedBy":"city-1","decidedAt":"2020-12-10T00:00:00Z"}]""");
        awaitStatus(object, "RISK_CLEARED");
        assertThat(event(object, "RiskCleared").at("/data/effectiveDate").asString()).isEqualTo("2020-12-10");

        mvc.perform(post("/api/v1/monitoring-objects/" + object + "/reopening").with(clerk)
                .contentType(MediaType.APPLICATION_JSON).content("{\"risks\":[\"03\"],\"reason\":\"台风致房屋受损\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("MONITORED"))
                .andExpect(jsonPath("$.history.length()").value(5));
        assertThat(event(object, "RiskReopened").at("/data/reason").asString()).isEqualTo("台风致房屋受损");
        mvc.perform(get("/api/v1/monitoring-objects?areaCode=" + VILLAGE + "&status=MONITORED").with(clerk))
                .andExpect(jsonPath("$.items[?(@.id == '" + object + "')]").isNotEmpty());
    }

    /** A county loaded from the national registry: its exited households can be proposed at once. */
    @Test
    void anExitedHouseholdImportedFromTheNationalRegistryCanBeProposedAsUnstable() throws Exception {
        String id = HouseholdEvents.headId();
        HouseholdEvents household = new HouseholdEvents(kafka, UUID.randomUUID(), VILLAGE);
        household.importedExited(idHash.of(id));
        awaitProjected(household.household(), 1);
        assertThat(jdbc.queryForObject("select status from household_summary where household_id = ?", String.class,
                household.household())).isEqualTo("EXITED");

        propose("""
                {"objectType":"UNSTABLE_EXITED","year":2020,"headIdNumber":"%s","risks":["01"]}""".formatted(id))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.headName").value("邱大水"));
    }

    /**
     * The registry's monitoring objects come with its households: monitored or cleared as there, no case opened, an
     * event that names its origin, the year's income the household came with its latest; the same event delivered
     * twice and a later event of the household take nothing over twice, and the monitored one cannot be proposed
     * again but receives assistance at once.
     */
    @Test
    void aMonitoringObjectOfTheNationalRegistryIsTakenOverWithoutReview() throws Exception {
        String id = HouseholdEvents.headId();
        HouseholdEvents monitored = new HouseholdEvents(kafka, UUID.randomUUID(), VILLAGE);
        monitored.importedExited(idHash.of(id), """
                {"objectType":"UNSTABLE_EXITED","year":2021,"risks":["01","07"],"riskCleared":false,
                 "clearedYear":null}""", """
                {"year":2021,"size":1,"wageIncome":"6800.00","transferIncome":null,"productionIncome":null,
                 "propertyIncome":null,"productionExpenses":null,"netIncome":"6800.00","perCapitaIncome":"6800.00",
                 "conditions":{"noCompulsoryEducationDropout":true,"basicMedicalInsurance":true,"safeHousing":true,
                  "safeDrinkingWater":true,"dangerousHouseGrade":null}}""");
        monitored.redeliver();
        HouseholdEvents cleared = new HouseholdEvents(kafka, UUID.randomUUID(), VILLAGE);
        cleared.importedExited(idHash.of(HouseholdEvents.headId()), """
                {"objectType":"UNSTABLE_EXITED","year":2021,"risks":["03"],"riskCleared":true,"clearedYear":2022}""");
        awaitProjected(monitored.household(), 1);
        awaitProjected(cleared.household(), 1);

        Map<String, Object> object = jdbc.queryForMap("""
                select id, status, year, risks, request_id, created_by from monitoring_object where household_id = ?""",
                monitored.household());
        assertThat(object).containsEntry("status", "MONITORED").containsEntry("year", 2021)
                .containsEntry("risks", "01,07").containsEntry("created_by", "national-registry");
        assertThat(object.get("request_id")).as("no review case").isNull();
        JsonNode imported = event((UUID) object.get("id"), "MonitoringObjectImported");
        assertThat(imported.at("/data/status").asString()).isEqualTo("MONITORED");
        assertThat(imported.at("/data/origin/source").asString()).isEqualTo("NATIONAL_REGISTRY");
        assertThat(imported.at("/data/origin/householdEventId").asString())
                .isEqualTo("household:household:" + monitored.household() + ":1");
        assertThat(jdbc.queryForObject("select status from monitoring_object where household_id = ?", String.class,
                cleared.household())).isEqualTo("RISK_CLEARED");
        mvc.perform(get("/api/v1/monitoring-objects/" + object.get("id")).with(clerk))
                .andExpect(jsonPath("$.latestIncome.year").value(2021))
                .andExpect(jsonPath("$.latestIncome.perCapitaIncome").value("6800.00"));

        monitored.send("HouseholdUpdated", """
                {"householdId":"%s","divisionCode":"%s","category":"REGISTERED","status":"EXITED","size":1,
                 "changedFields":["phone"]}""".formatted(monitored.household(), VILLAGE));
        awaitProjected(monitored.household(), 2);
        assertThat(jdbc.queryForObject("select count(*) from monitoring_object where household_id = ?", Integer.class,
                monitored.household())).isEqualTo(1);
        propose("""
                {"objectType":"UNSTABLE_EXITED","year":2021,"headIdNumber":"%s","risks":["01"]}""".formatted(id))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/monitoring-objects/" + object.get("id") + "/assistance").with(clerk)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"measure":"05","content":"大病二次报销","amount":1200,"date":"2021-06-01"}"""))
                .andExpect(status().isCreated());
    }

    /**
     * 表 4 with its risks: the household registered in household-service is proposed for monitoring here, by whoever
     * registered it, for review like any inclusion; once only, also when the event comes again. Without risks, or not
     * marginal, nothing is proposed.
     */
    @Test
    void aMarginalHouseholdRegisteredWithItsRisksIsProposedForMonitoring() throws Exception {
        HouseholdEvents declared = new HouseholdEvents(kafka, UUID.randomUUID(), VILLAGE);
        declared.registeredMarginalWithRisks("[\"02\",\"07\"]");
        declared.redeliver();
        HouseholdEvents withoutRisks = new HouseholdEvents(kafka, UUID.randomUUID(), VILLAGE);
        withoutRisks.registeredMarginalWithRisks("null");
        awaitProjected(declared.household(), 1);
        awaitProjected(withoutRisks.household(), 1);

        Map<String, Object> object = jdbc.queryForMap("""
                select id, object_type, status, risks, request_type, request_state, created_by
                from monitoring_object where household_id = ?""", declared.household());
        assertThat(object).containsEntry("object_type", "MARGINAL").containsEntry("status", "PROPOSED")
                .containsEntry("risks", "02,07").containsEntry("request_type", "MONITORING_INCLUSION")
                .containsEntry("request_state", "PENDING").containsEntry("created_by", "clerk-a");
        JsonNode proposed = event((UUID) object.get("id"), "MonitoringObjectProposed");
        assertThat(proposed.at("/data/householdId").asString()).isEqualTo(declared.household().toString());
        assertThat(proposed.at("/data/risks").toString()).isEqualTo("[\"02\",\"07\"]");
        assertThat(proposed.at("/data/headName").asString()).isEqualTo("林秀");
        assertThat(proposed.at("/data/appliedOn").asString()).as("review's appraisal not before it")
                .isEqualTo("2020-10-20");
        assertThat(jdbc.queryForObject("select count(*) from monitoring_object where household_id in (?, ?)",
                Integer.class, declared.household(), withoutRisks.household())).as("once, and none without risks")
                .isEqualTo(1);
    }

    @Test
    void aMarginalHouseholdWithoutLabourStaysMonitoredUnlessAReasonOverrides() throws Exception {
        HouseholdEvents household = new HouseholdEvents(kafka, UUID.randomUUID(), VILLAGE);
        household.registered("MARGINAL", "MARGINAL", null, false);
        household.annualRecord("MARGINAL", "MARGINAL", "9000.00", true);
        awaitProjected(household.household(), 2);
        UUID object = objectId(propose("""
                {"objectType":"MARGINAL","year":2020,"householdId":"%s","risks":["04","99"]}"""
                .formatted(household.household())).andExpect(status().isCreated()));
        UUID inclusion = UUID.fromString(event(object, "MonitoringObjectProposed").at("/data/requestId").asString());
        HouseholdEvents.review(kafka, "ReviewApproved", object, inclusion, "MONITORING_INCLUSION", VILLAGE, """
                ,"approvedAt":"2020-11-25T00:00:00Z","decisions":[{"stage":"CITY","decision":"APPROVE",
                 "decidedBy":"city-1","decidedAt":"2020-11-25T00:00:00Z"}]""");
        awaitStatus(object, "MONITORED");
        mvc.perform(post("/api/v1/monitoring-objects/" + object + "/assessments").with(clerk)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"assessedOn":"2020-12-01","risks":[],"riskEliminated":true}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("overrideReason"));
        mvc.perform(post("/api/v1/monitoring-objects/" + object + "/assessments").with(clerk)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"assessedOn":"2020-12-01","risks":[],"riskEliminated":true,
                         "overrideReason":"已纳入特困供养，兜底保障稳定"}""")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.assessments[0].overrideReason").value("已纳入特困供养，兜底保障稳定"));
        UUID elimination = UUID.fromString(event(object, "RiskEliminationRequested").at("/data/requestId")
                .asString());

        HouseholdEvents.review(kafka, "ReviewStageDecided", object, elimination, "RISK_ELIMINATION", VILLAGE, """
                ,"stage":"TOWNSHIP","decision":"RETURN","decidedBy":"officer-1","decidedAt":"2020-12-05T00:00:00Z",
                 "comment":"请补充特困供养审批文号\"""");
        await().atMost(Duration.ofSeconds(30)).until(() -> "RETURNED".equals(jdbc.queryForObject(
                "select request_state from monitoring_object where id = ?", String.class, object)));
        mvc.perform(post("/api/v1/monitoring-objects/" + object + "/resubmission").with(clerk)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.requestState").value("PENDING"))
                .andExpect(jsonPath("$.requestId").value(elimination.toString()));
        HouseholdEvents.review(kafka, "ReviewRejected", object, elimination, "RISK_ELIMINATION", VILLAGE, """
                ,"rejectedAt":"2020-12-08T00:00:00Z","rejectedStage":"CITY",
                 "reasons":[{"text":"兜底保障对象仍须监测"}],"decisions":[{"stage":"CITY","decision":"REJECT",
                 "decidedBy":"city-1","decidedAt":"2020-12-08T00:00:00Z"}]""");
        awaitStatus(object, "MONITORED");
        mvc.perform(get("/api/v1/monitoring-objects/" + object).with(clerk))
                .andExpect(jsonPath("$.requestState").value("REJECTED"))
                .andExpect(jsonPath("$.reviewReasons").value(org.hamcrest.Matchers.containsString("兜底保障对象仍须监测")));
    }

    @Test
    void anExitedHouseholdIsNoMarginalOneAndAPoorOneIsNoUnstableExitedOne() throws Exception {
        String id = HouseholdEvents.headId();
        HouseholdEvents household = new HouseholdEvents(kafka, UUID.randomUUID(), VILLAGE);
        household.registered("REGISTERED", "POOR", idHash.of(id), true);
        awaitProjected(household.household(), 1);
        propose("""
                {"objectType":"UNSTABLE_EXITED","year":2020,"headIdNumber":"%s","risks":["01"]}""".formatted(id))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("not-exited"));
        propose("""
                {"objectType":"MARGINAL","year":2020,"householdId":"%s","risks":["01"]}"""
                .formatted(household.household())).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("not-marginal"));
        assertThat(jdbc.queryForObject("select count(*) from monitoring_object where household_id = ?",
                Integer.class, household.household())).isZero();
    }
}
