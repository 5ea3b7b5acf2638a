package cn.fupin.review.cases;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;

import cn.fupin.contracts.events.EventSchemas;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import cn.fupin.platform.testing.TopicProbe;
import cn.fupin.review.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * Cases from request events to outcome events, on real PostgreSQL and Kafka: one case per request however often it
 * arrives, the village's notice, the stage guards over HTTP, outcomes published once and valid against their
 * schemas, a return answered by a resubmission with a new frozen snapshot.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class ReviewCasesIntegrationTests extends ServiceTestSupport {

    static final String TOWNSHIP = "350481103";
    final String village = TOWNSHIP + "2" + String.format("%02d", (int) (Math.random() * 20) + 1);
    final JwtRequestPostProcessor clerk = as("clerk-" + UUID.randomUUID(), "village-clerk", village);
    final JwtRequestPostProcessor officer = as("officer-" + UUID.randomUUID(), "township-officer", TOWNSHIP);
    final JwtRequestPostProcessor city = as("city-" + UUID.randomUUID(), "city-officer", "350481");
    final LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    /** The day the households of these cases applied: a month ago, so notices in the last days may follow it. */
    final LocalDate applied = today.minusDays(30);

    @Autowired
    TestClock clock;

    /**
     * The cases are of 2019, whose plan — published then, through the API — sets the shortest notice: 7 days. A
     * year of its own, so the work plan's tests publish theirs first.
     */
    @BeforeEach
    void the2019PlanIsPublished() throws Exception {
        if (mvc.perform(get("/api/v1/work-plans/2019").with(city)).andReturn().getResponse().getStatus() != 404) {
            return;
        }
        clock.set(Instant.parse("2019-10-01T00:00:00Z"));
        try {
            mvc.perform(put("/api/v1/work-plans/2019").with(city).contentType(MediaType.APPLICATION_JSON).content("""
                    {"phases":[{"code":"DATA_ENTRY","startDate":"2019-10-28","endDate":"2019-11-20"}],
                     "policy":{"povertyLine":3750,"monitoringLineFactor":1.5,"publicityDaysMin":7}}"""))
                    .andExpect(status().isOk());
        }
        finally {
            clock.reset();
        }
    }

    /** Sends a household request event as household-service would; returns its CloudEvent id. */
    String sendRequest(String eventName, String caseType, UUID householdId, UUID requestId, String headName,
            String eventId) {
        kafka.send("household.events", householdId.toString(), """
                {"specversion":"1.0","id":"%1$s","source":"/fupin/household-service",
                 "type":"fupin.household.%2$s.v1","subject":"%3$s","time":"2020-11-01T00:00:00Z",
                 "datacontenttype":"application/json","areacode":"%4$s","actor":"clerk-a","correlationid":"c1",
                 "aggregatetype":"household","sequence":3,
                 "data":{"requestId":"%5$s","caseType":"%6$s","householdId":"%3$s","divisionCode":"%4$s",
                  "category":"REGISTERED","status":"POOR","size":3,"year":2019,"headName":"%7$s",
                  "perCapitaIncome":"6200.00","povertyLine":"4000.00","appliedOn":"%8$s",
                  "checks":{"incomeAboveLine":true,"noCompulsoryEducationDropout":true,"basicMedicalInsurance":true,
                   "safeHousing":true,"safeDrinkingWater":true}}}"""
                .formatted(eventId, eventName, householdId, village, requestId, caseType, headName, applied));
        return eventId;
    }

    UUID awaitCase(UUID requestId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from review_case where request_id = ?", Integer.class, requestId) == 1);
        return jdbc.queryForObject("select id from review_case where request_id = ?", UUID.class, requestId);
    }

    ResultActions decide(UUID caseId, JwtRequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post("/api/v1/reviews/" + caseId + "/decisions").with(who)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    ResultActions publicity(UUID caseId, LocalDate start, LocalDate end, String objections) throws Exception {
        return mvc.perform(post("/api/v1/reviews/" + caseId + "/publicity").with(clerk)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"appraisal":{"date":"%s","participants":42,"result":"AGREED","note":"村民代表会议"},
                         "notice":{"startDate":"%s","endDate":"%s","place":"村务公开栏"},"objections":%s}"""
                        .formatted(start.minusDays(1), start, end, objections)));
    }

    /** A case whose village notice ran its 7 days and ended yesterday. */
    UUID caseWithNotice(UUID householdId, UUID requestId) throws Exception {
        sendRequest("HouseholdExitRequested", "POVERTY_EXIT", householdId, requestId, "王五", UUID.randomUUID().toString());
        UUID caseId = awaitCase(requestId);
        publicity(caseId, today.minusDays(8), today.minusDays(2), "[]").andExpect(status().isOk());
        return caseId;
    }

    List<JsonNode> events(TopicProbe probe, String key, String name) {
        return probe.poll().stream().filter(r -> r.key().equals(key) && r.value().contains("." + name + "."))
                .map(ConsumerRecord::value).peek(v -> assertThat(new EventSchemas().violations(v)).isEmpty())
                .map(json::readTree).toList();
    }

    @Test
    void aRequestDeliveredAgainOrRepeatedOpensOneCase() throws Exception {
        UUID household = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        String eventId = sendRequest("HouseholdExitRequested", "POVERTY_EXIT", household, request, "李四",
                UUID.randomUUID().toString());
        UUID caseId = awaitCase(request);
        sendRequest("HouseholdExitRequested", "POVERTY_EXIT", household, request, "李四", eventId);
        sendRequest("HouseholdExitRequested", "POVERTY_EXIT", household, request, "李四", UUID.randomUUID().toString());
        try (TopicProbe probe = new TopicProbe(brokers, "review.events")) {
            probe.awaitEvent(caseId.toString(), "ReviewOpened");
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
            assertThat(events(probe, caseId.toString(), "ReviewOpened")).singleElement().satisfies(opened -> {
                assertThat(opened.at("/data/caseType").asString()).isEqualTo("POVERTY_EXIT");
                assertThat(opened.at("/data/currentStage").asString()).isEqualTo("VILLAGE");
                assertThat(opened.at("/data/stages").toString()).isEqualTo("[\"VILLAGE\",\"TOWNSHIP\",\"CITY\"]");
            });
        }
        assertThat(jdbc.queryForObject("select count(*) from review_case where subject_id = ?", Integer.class,
                household.toString())).isEqualTo(1);
        mvc.perform(get("/api/v1/reviews/" + caseId).with(officer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.snapshot.headName").value("李四"))
                .andExpect(jsonPath("$.snapshot.perCapitaIncome").value("6200.00"))
                .andExpect(jsonPath("$.submissions.length()").value(1))
                .andExpect(jsonPath("$.state").value("IN_REVIEW"));
    }

    @Test
    void aCaseGoesVillageTownshipCityAndItsApprovalIsPublishedOnce() throws Exception {
        UUID household = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        UUID caseId = caseWithNotice(household, request);

        mvc.perform(get("/api/v1/reviews").with(clerk)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '" + caseId + "')].currentStage").value("VILLAGE"));
        mvc.perform(get("/api/v1/reviews").with(officer))
                .andExpect(jsonPath("$.items[?(@.id == '" + caseId + "')]").isEmpty());

        decide(caseId, city, "{\"decision\":\"APPROVE\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stage-not-reached"));
        decide(caseId, as("officer-x", "township-officer", "350481104"), "{\"decision\":\"APPROVE\"}")
                .andExpect(status().isNotFound());
        decide(caseId, clerk, "{\"decision\":\"APPROVE\",\"comment\":\"评议通过，公示无异议\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.currentStage").value("TOWNSHIP"))
                .andExpect(header().string("ETag", "\"2\""));

        mvc.perform(get("/api/v1/reviews").with(officer))
                .andExpect(jsonPath("$.items[?(@.id == '" + caseId + "')].overdue").value(false));
        decide(caseId, officer, "{\"decision\":\"APPROVE\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.currentStage").value("CITY"));
        mvc.perform(get("/api/v1/reviews/summary").with(city)).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.townshipCode == '" + TOWNSHIP + "' && @.stage == 'CITY')].townshipName")
                        .value("小陶镇"));
        decide(caseId, city, "{\"decision\":\"APPROVE\",\"comment\":\"复核备案\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("APPROVED"))
                .andExpect(jsonPath("$.decisions.length()").value(3));
        decide(caseId, city, "{\"decision\":\"APPROVE\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("case-closed"));

        try (TopicProbe probe = new TopicProbe(brokers, "review.events")) {
            JsonNode approved = json.readTree(probe.awaitEvent(caseId.toString(), "ReviewApproved"));
            assertThat(approved.at("/data/requestId").asString()).isEqualTo(request.toString());
            assertThat(approved.at("/data/subjectId").asString()).isEqualTo(household.toString());
            assertThat(approved.at("/data/decisions").size()).isEqualTo(3);
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
            assertThat(events(probe, caseId.toString(), "ReviewApproved")).hasSize(1);
            assertThat(events(probe, caseId.toString(), "ReviewStageDecided")).hasSize(3)
                    .first().satisfies(village -> {
                        assertThat(village.at("/data/publicity/objectionCount").asInt()).isZero();
                        assertThat(village.at("/data/nextStage").asString()).isEqualTo("TOWNSHIP");
                    });
        }
    }

    @Test
    void theSameUserMayNotDecideTwoStages() throws Exception {
        UUID caseId = caseWithNotice(UUID.randomUUID(), UUID.randomUUID());
        decide(caseId, as("both-hats", "village-clerk", village), "{\"decision\":\"APPROVE\"}")
                .andExpect(status().isOk());
        decide(caseId, as("both-hats", "township-officer", TOWNSHIP), "{\"decision\":\"APPROVE\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("same-reviewer"));
    }

    @Test
    void aNoticeTooShortIsRefusedAndAVillageApprovalWaitsForTheNoticeToEnd() throws Exception {
        UUID request = UUID.randomUUID();
        sendRequest("HouseholdExitRequested", "POVERTY_EXIT", UUID.randomUUID(), request, "赵六",
                UUID.randomUUID().toString());
        UUID caseId = awaitCase(request);
        publicity(caseId, today.minusDays(3), today.plusDays(2), "[]").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("notice.endDate"));
        assertThat(jdbc.queryForObject("select count(*) from review_publicity where case_id = ?", Integer.class,
                caseId)).isZero();
        publicity(caseId, today.minusDays(3), today.plusDays(3), """
                [{"receivedOn":"%s","content":"该户有子女在外务工收入较高"}]""".formatted(today.minusDays(1)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.publicity.noticeDays").value(7))
                .andExpect(jsonPath("$.publicity.noticeEnded").value(false));
        decide(caseId, clerk, "{\"decision\":\"APPROVE\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("publicity-incomplete"));
        publicity(caseId, today.minusDays(3), today.plusDays(3), "[]").andExpect(status().isOk());
        decide(caseId, clerk, "{\"decision\":\"APPROVE\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("公示期满")));
        mvc.perform(post("/api/v1/reviews/" + caseId + "/publicity").with(officer)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().is4xxClientError());
    }

    /**
     * 公示 that really happened: the appraisal and the notice may be entered after the fact, but not dated before
     * the household applied (the request's 申请日期), so a village stage cannot pass the day a case appears.
     */
    @Test
    void aNoticeCannotPrecedeTheHouseholdsApplication() throws Exception {
        UUID request = UUID.randomUUID();
        sendRequest("HouseholdExitRequested", "POVERTY_EXIT", UUID.randomUUID(), request, "钱七",
                UUID.randomUUID().toString());
        UUID caseId = awaitCase(request);
        publicity(caseId, applied.minusDays(2), applied.plusDays(6), "[]").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "appraisal.date", "notice.startDate")))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(
                        applied.toString())));
        assertThat(jdbc.queryForObject("select count(*) from review_publicity where case_id = ?", Integer.class,
                caseId)).isZero();
        publicity(caseId, applied.plusDays(1), applied.plusDays(7), "[]").andExpect(status().isOk());
        decide(caseId, clerk, "{\"decision\":\"APPROVE\"}").andExpect(status().isOk());
    }

    /** 公示照片: the clerk attaches the notice's photos or scans; they are what they claim, kept and readable. */
    @Test
    void aNoticesPhotoIsKeptWithTheCaseAsEvidence() throws Exception {
        UUID request = UUID.randomUUID();
        sendRequest("HouseholdExitRequested", "POVERTY_EXIT", UUID.randomUUID(), request, "孙八",
                UUID.randomUUID().toString());
        UUID caseId = awaitCase(request);
        byte[] png = new byte[64];
        System.arraycopy(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, 0, png, 0, 8);
        String evidence = "/api/v1/reviews/" + caseId + "/publicity/evidence";

        mvc.perform(post(evidence).with(clerk).contentType("image/jpeg").content(png))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("unsupported-media-type"));
        mvc.perform(post(evidence).with(clerk).contentType("application/pdf").content("不是文件".getBytes()))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post(evidence).with(clerk).contentType("image/png").content(new byte[6 * 1024 * 1024]))
                .andExpect(status().isPayloadTooLarge());
        mvc.perform(post(evidence).with(officer).contentType("image/png").content(png))
                .andExpect(status().isForbidden());
        String kept = mvc.perform(post(evidence).with(clerk).param("fileName", "公示栏.png").contentType("image/png")
                .content(png)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/png"))
                .andExpect(jsonPath("$.size").value(64))
                .andExpect(jsonPath("$.sha256").value(java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(png))))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(kept).get("id").asString();

        mvc.perform(get("/api/v1/reviews/" + caseId).with(officer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.evidence[0].id").value(id))
                .andExpect(jsonPath("$.evidence[0].fileName").value("公示栏.png"));
        org.assertj.core.api.Assertions.assertThat(mvc.perform(get(evidence + "/" + id).with(officer))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(png);
        mvc.perform(get(evidence + "/" + id).with(as("township-officer", "350481101")))
                .andExpect(status().isNotFound());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "update review_evidence set file_name = 'x' where id = ?", UUID.fromString(id)))
                .hasMessageContaining("append-only");
    }

    @Test
    void aRejectionCarriesItsReasons() throws Exception {
        UUID caseId = caseWithNotice(UUID.randomUUID(), UUID.randomUUID());
        decide(caseId, clerk, "{\"decision\":\"APPROVE\"}").andExpect(status().isOk());
        decide(caseId, officer, "{\"decision\":\"REJECT\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reasons"));
        decide(caseId, officer, """
                {"decision":"REJECT","reasons":[{"code":"income-unstable","text":"务工收入不稳定，脱贫不稳固"}]}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("REJECTED"));
        try (TopicProbe probe = new TopicProbe(brokers, "review.events")) {
            JsonNode rejected = json.readTree(probe.awaitEvent(caseId.toString(), "ReviewRejected"));
            assertThat(rejected.at("/data/rejectedStage").asString()).isEqualTo("TOWNSHIP");
            assertThat(rejected.at("/data/reasons/0/code").asString()).isEqualTo("income-unstable");
            assertThat(new EventSchemas().violations(rejected.toString())).isEmpty();
        }
    }

    @Test
    void aReturnedCaseIsResubmittedByTheSameRequestWithANewSnapshotAndTheOldOneKept() throws Exception {
        UUID household = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        UUID caseId = caseWithNotice(household, request);
        decide(caseId, clerk, "{\"decision\":\"APPROVE\"}").andExpect(status().isOk());
        decide(caseId, officer, "{\"decision\":\"RETURN\",\"comment\":\"户主姓名与户籍不符，请更正\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("RETURNED"));
        mvc.perform(get("/api/v1/reviews").with(clerk))
                .andExpect(jsonPath("$.items[?(@.id == '" + caseId + "')].state").value("RETURNED"));

        sendRequest("HouseholdExitRequested", "POVERTY_EXIT", household, request, "王五一",
                UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select round from review_case where id = ?", Integer.class, caseId) == 2);
        mvc.perform(get("/api/v1/reviews/" + caseId).with(officer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("IN_REVIEW"))
                .andExpect(jsonPath("$.currentStage").value("VILLAGE"))
                .andExpect(jsonPath("$.snapshot.headName").value("王五一"))
                .andExpect(jsonPath("$.submissions[0].snapshot.headName").value("王五"))
                .andExpect(jsonPath("$.publicity").doesNotExist())
                .andExpect(jsonPath("$.decisions.length()").value(2));
        try (TopicProbe probe = new TopicProbe(brokers, "review.events")) {
            JsonNode resubmitted = json.readTree(probe.awaitEvent(caseId.toString(), "ReviewResubmitted"));
            assertThat(resubmitted.at("/data/round").asInt()).isEqualTo(2);
            assertThat(new EventSchemas().violations(resubmitted.toString())).isEmpty();
            assertThat(events(probe, caseId.toString(), "ReviewStageDecided")).last()
                    .satisfies(returned -> assertThat(returned.at("/data/decision").asString()).isEqualTo("RETURN"));
        }
    }

    @Test
    void decisionsAndNoticesCannotBeRewrittenEvenInTheDatabase() throws Exception {
        UUID caseId = caseWithNotice(UUID.randomUUID(), UUID.randomUUID());
        decide(caseId, clerk, "{\"decision\":\"APPROVE\"}").andExpect(status().isOk());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "update review_decision set decision = 'REJECT' where case_id = ?", caseId))
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "delete from review_submission where case_id = ?", caseId)).hasMessageContaining("append-only");
    }

    @Test
    void monitoringRequestsOpenCasesAboutTheMonitoringObject() throws Exception {
        UUID object = UUID.randomUUID();
        UUID inclusion = UUID.randomUUID();
        UUID elimination = UUID.randomUUID();
        String common = """
                "monitoringObjectId":"%s","objectType":"MARGINAL","householdId":"%s","divisionCode":"%s",
                "year":2019""".formatted(object, UUID.randomUUID(), village);
        sendMonitoring("MonitoringObjectProposed", object, """
                {%s,"status":"PROPOSED","requestId":"%s","caseType":"MONITORING_INCLUSION","risks":["01"],"size":4}"""
                .formatted(common, inclusion));
        sendMonitoring("RiskEliminationRequested", object, """
                {%s,"status":"ELIMINATION_REQUESTED","requestId":"%s","caseType":"RISK_ELIMINATION",
                 "assessmentId":"%s"}""".formatted(common, elimination, UUID.randomUUID()));
        UUID included = awaitCase(inclusion);
        UUID eliminated = awaitCase(elimination);
        mvc.perform(get("/api/v1/reviews/" + included).with(city)).andExpect(status().isOk())
                .andExpect(jsonPath("$.caseType").value("MONITORING_INCLUSION"))
                .andExpect(jsonPath("$.subjectType").value("MONITORING_OBJECT"))
                .andExpect(jsonPath("$.subjectId").value(object.toString()))
                .andExpect(jsonPath("$.snapshot.risks[0]").value("01"));
        mvc.perform(get("/api/v1/reviews/" + eliminated).with(city))
                .andExpect(jsonPath("$.caseType").value("RISK_ELIMINATION"))
                .andExpect(jsonPath("$.stages.length()").value(3));

        mvc.perform(get("/api/v1/reviews").param("view", "all").param("subjectId", object.toString()).with(city))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].subjectId", everyItem(is(object.toString()))));
        mvc.perform(get("/api/v1/reviews").param("view", "all").param("requestId", elimination.toString())
                .with(city)).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(eliminated.toString()));
        mvc.perform(get("/api/v1/reviews").param("view", "all").param("subjectId", object.toString())
                .with(as("township-officer", "350481101"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    /** The bad record is dead-lettered; the request behind it on the same partition still opens its case. */
    @Test
    void aRequestEventReviewCannotReadIsDeadLetteredAndOpensNothing() throws Exception {
        UUID household = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        kafka.send("household.events", household.toString(), """
                {"specversion":"1.0","id":"%1$s","source":"/fupin/household-service",
                 "type":"fupin.household.HouseholdExitRequested.v1","subject":"%1$s","time":"2020-11-01T00:00:00Z",
                 "datacontenttype":"application/json","areacode":"%2$s","actor":"clerk-a","correlationid":"c1",
                 "aggregatetype":"household","sequence":1,"data":{"caseType":"NOT_A_CASE","householdId":"%1$s"}}"""
                .formatted(household, village));
        sendRequest("HouseholdExitRequested", "POVERTY_EXIT", household, next, "周九", UUID.randomUUID().toString());
        try (TopicProbe probe = new TopicProbe(brokers, "household.events.review-service.dlt")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.poll().stream()
                    .anyMatch(r -> r.value().contains("NOT_A_CASE") && r.value().contains(household.toString())));
        }
        awaitCase(next);
        assertThat(jdbc.queryForObject("select count(*) from review_case where subject_id = ?", Integer.class,
                household.toString())).isOne();
    }

    void sendMonitoring(String eventName, UUID object, String data) {
        kafka.send("monitoring.events", object.toString(), """
                {"specversion":"1.0","id":"%s","source":"/fupin/monitoring-service",
                 "type":"fupin.monitoring.%s.v1","subject":"%s","time":"2020-11-01T00:00:00Z",
                 "datacontenttype":"application/json","areacode":"%s","actor":"clerk-a","correlationid":"c1",
                 "aggregatetype":"monitoring-object","sequence":1,"data":%s}"""
                .formatted(UUID.randomUUID(), eventName, object, village, data));
    }
}
