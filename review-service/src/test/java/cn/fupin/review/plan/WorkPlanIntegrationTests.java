package cn.fupin.review.plan;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
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
 * The year's work plan and the townships' windows on a clock the test moves: the 2020 plan published and changed
 * only where nothing has begun; a township's request approved by the city opens it from data entry on; a
 * returned request resubmitted; the year's close announced once; reopening needs the city, a reason and an end.
 * Each test owns a year, so plans do not meet.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class WorkPlanIntegrationTests extends ServiceTestSupport {

    final JwtRequestPostProcessor city = as("city-" + UUID.randomUUID(), "city-officer", "350481");
    final JwtRequestPostProcessor xiyang = as("xiyang-" + UUID.randomUUID(), "township-officer", "350481100");

    @Autowired
    TestClock clock;

    @Autowired
    YearClose yearClose;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    String template(int year) throws Exception {
        JsonNode template = json.readTree(mvc.perform(get("/api/v1/work-plans/" + year + "/template").with(city))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode policy = template.get("policy");
        return "{\"phases\":" + template.get("phases").toString().replace(",\"writable\":true", "")
                .replace(",\"writable\":false", "") + ",\"policy\":{\"povertyLine\":" + policy.get("povertyLine")
                + ",\"monitoringLineFactor\":" + policy.get("monitoringLineFactor") + ",\"publicityDaysMin\":"
                + policy.get("publicityDaysMin") + "}}";
    }

    ResultActions publish(int year, String body, String ifMatch) throws Exception {
        var request = put("/api/v1/work-plans/" + year).with(city).contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request);
    }

    JsonNode awaitEvent(String key, String name) {
        try (TopicProbe probe = new TopicProbe(brokers, "review.events")) {
            String event = probe.awaitEvent(key, name);
            assertThat(new EventSchemas().violations(event)).isEmpty();
            return json.readTree(event);
        }
    }

    String planId(int year) {
        return jdbc.queryForObject("select id::text from work_plan where year = ?", String.class, year);
    }

    @Test
    void the2020PlanIsPublishedAndChangedOnlyWhereNothingHasBegun() throws Exception {
        at("2020-10-01T00:00:00Z");
        String plan = template(2020);
        mvc.perform(put("/api/v1/work-plans/2020").with(xiyang).contentType(MediaType.APPLICATION_JSON)
                .content(plan)).andExpect(status().isForbidden());
        publish(2020, plan, null).andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.closeAt").value("2021-01-01T00:00:00+08:00"))
                .andExpect(jsonPath("$.phases[2].startDate").value("2020-10-28"));
        JsonNode published = awaitEvent(planId(2020), "WorkPlanPublished");
        assertThat(published.at("/data/revision").asInt()).isEqualTo(1);
        assertThat(published.at("/data/policy/povertyLine").asString()).as("the seed's 2020 line").isEqualTo("4000.00");
        assertThat(published.at("/data/policy/monitoringLine").asString()).isEqualTo("6000.00");
        assertThat(published.at("/data/phases/2/code").asString()).isEqualTo("DATA_ENTRY");

        publish(2020, plan, null).andExpect(status().is(428));
        publish(2020, plan, "\"7\"").andExpect(status().isPreconditionFailed());

        at("2020-10-30T04:00:00Z");
        mvc.perform(get("/api/v1/work-plans/2020").with(xiyang)).andExpect(status().isOk())
                .andExpect(jsonPath("$.currentPhase").value("DATA_ENTRY"));
        publish(2020, plan.replace("2020-10-28", "2020-10-29"), "\"1\"").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("phase-started"));
        publish(2020, plan.replace("2020-10-25", "2020-10-24"), "\"1\"").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("phase-ended"));
        publish(2020, plan.replace("2020-12-10", "2020-12-09").replace("2020-12-11", "2020-12-10"), "\"1\"")
                .andExpect(status().isOk()).andExpect(jsonPath("$.revision").value(2));
        publish(2020, "{\"phases\":[{\"code\":\"DATA_ENTRY\",\"startDate\":\"2020-10-28\",\"endDate\":\"2021-01-03\"}]}",
                "\"2\"").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("phases[0]"));
        assertThat(jdbc.queryForObject("select count(*) from work_plan_revision r join work_plan p"
                + " on p.id = r.work_plan_id where p.year = 2020", Integer.class)).isEqualTo(2);
    }

    @Test
    void anApprovedTownshipRequestOpensItsFunctionsFromDataEntryOn() throws Exception {
        at("2021-10-20T00:00:00Z");
        mvc.perform(post("/api/v1/function-requests").with(xiyang).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2021,\"report\":{\"title\":\"完成情况报告\"}}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("no-work-plan"));
        publish(2021, template(2021), null).andExpect(status().isOk());

        at("2021-10-26T02:00:00Z");
        String created = mvc.perform(post("/api/v1/function-requests").with(xiyang)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"year":2021,"report":{"title":"西洋镇扶贫对象动态管理入户调整完成情况报告",
                         "content":"全镇 21 个村已完成入户调整和信息采集。","reference":"西政〔2021〕88号"}}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.townshipName").value("西洋镇"))
                .andExpect(jsonPath("$.late").value(false)).andReturn().getResponse().getContentAsString();
        String requestId = json.readTree(created).get("id").asString();
        mvc.perform(post("/api/v1/function-requests").with(xiyang).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2021,\"report\":{\"title\":\"再次申请\"}}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("request-pending"));

        mvc.perform(post("/api/v1/function-requests/" + requestId + "/decisions").with(xiyang)
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/function-requests/" + requestId + "/decisions").with(city)
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\",\"comment\":\"同意开通\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("APPROVED"))
                .andExpect(jsonPath("$.decisions[0].stage").value("CITY"));

        JsonNode opened = awaitEvent(planId(2021), "FunctionsOpened");
        assertThat(opened.at("/data/areaCode").asString()).isEqualTo("350481100");
        assertThat(opened.at("/data/reason").asString()).isEqualTo("REQUEST_APPROVED");
        assertThat(opened.at("/data/opensAt").asString()).isEqualTo("2021-10-28T00:00:00+08:00");
        assertThat(opened.at("/data/requestId").asString()).isEqualTo(requestId);
        mvc.perform(get("/api/v1/work-plans/2021/windows").with(xiyang)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].reason").value("REQUEST_APPROVED"));
        mvc.perform(post("/api/v1/function-requests").with(xiyang).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2021,\"report\":{\"title\":\"再次申请\"}}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("functions-already-opened"));
    }

    @Test
    void aReturnedRequestIsCorrectedAndResubmitted() throws Exception {
        at("2022-10-01T00:00:00Z");
        publish(2022, template(2022), null).andExpect(status().isOk());
        at("2022-10-29T02:00:00Z");
        var gongchuan = as("gongchuan-" + UUID.randomUUID(), "township-officer", "350481101");
        String requestId = json.readTree(mvc.perform(post("/api/v1/function-requests").with(gongchuan)
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2022,\"report\":{\"title\":\"报告\"}}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.late").value(true))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        mvc.perform(post("/api/v1/function-requests/" + requestId + "/decisions").with(city)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"RETURN\",\"reasons\":[{\"text\":\"报告未写明各村完成情况\"}]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("RETURNED"));
        mvc.perform(post("/api/v1/function-requests/" + requestId + "/resubmission").with(gongchuan)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"报告（修改稿）\",\"content\":\"各村完成情况见附表。\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("IN_REVIEW"))
                .andExpect(jsonPath("$.report.title").value("报告（修改稿）"));
        mvc.perform(post("/api/v1/function-requests/" + requestId + "/decisions").with(city)
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("APPROVED"))
                .andExpect(jsonPath("$.decisions.length()").value(2));
        JsonNode opened = awaitEvent(planId(2022), "FunctionsOpened");
        assertThat(opened.at("/data/areaCode").asString()).isEqualTo("350481101");
    }

    @Test
    void theYearClosesOnceForEveryoneAndOnlyTheCityReopensWithAReasonAndAnEnd() throws Exception {
        at("2023-10-01T00:00:00Z");
        publish(2023, template(2023), null).andExpect(status().isOk());
        String plan = planId(2023);

        at("2023-12-31T15:59:59Z");
        yearClose.announceDueCloses();
        assertThat(jdbc.queryForObject("select count(*) from function_window where year = 2023", Integer.class))
                .isZero();
        at("2023-12-31T16:00:00Z");
        yearClose.announceDueCloses();
        yearClose.announceDueCloses();
        JsonNode closed = awaitEvent(plan, "FunctionsClosed");
        assertThat(closed.at("/data/reason").asString()).isEqualTo("YEAR_CLOSED");
        assertThat(closed.at("/data/areaCode").asString()).isEqualTo("350481");
        assertThat(jdbc.queryForObject("select count(*) from function_window where year = 2023 and reason = "
                + "'YEAR_CLOSED'", Integer.class)).isEqualTo(1);

        mvc.perform(post("/api/v1/function-requests").with(xiyang).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2023,\"report\":{\"title\":\"报告\"}}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("year-closed"));
        String reopen = "{\"action\":\"OPEN\",\"areaCode\":\"350481100\",\"reason\":\"核查发现问题数据须更正\"%s}";
        mvc.perform(post("/api/v1/work-plans/2023/windows").with(xiyang).contentType(MediaType.APPLICATION_JSON)
                .content(reopen.formatted(""))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/work-plans/2023/windows").with(city).contentType(MediaType.APPLICATION_JSON)
                .content(reopen.formatted(""))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("closesAt"));
        mvc.perform(post("/api/v1/work-plans/2023/windows").with(city).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"OPEN\",\"areaCode\":\"350481100\"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/work-plans/2023/windows").with(city).contentType(MediaType.APPLICATION_JSON)
                .content(reopen.formatted(",\"closesAt\":\"2024-01-10T00:00:00+08:00\"")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.reason").value("REOPENED"))
                .andExpect(jsonPath("$.comment").value("核查发现问题数据须更正"));
        try (TopicProbe probe = new TopicProbe(brokers, "review.events")) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> probe.poll()
                    .stream().anyMatch(r -> r.key().equals(plan) && r.value().contains("\"REOPENED\"")));
        }
    }

    /**
     * 年度政策参数: a year is published with its own figures or not at all (2020's come from the seed plan); a change
     * keeps them unless it names new ones; every revision keeps what it set; the next year's template proposes them.
     */
    @Test
    void aYearsPolicyFiguresArePublishedWithItsPlanAndRevised() throws Exception {
        at("2024-09-01T00:00:00Z");
        String phases = "{\"phases\":[{\"code\":\"DATA_ENTRY\",\"startDate\":\"2024-10-28\",\"endDate\":\"2024-11-20\"}]";
        publish(2024, phases + "}", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("policy"));
        publish(2024, phases + ",\"policy\":{\"povertyLine\":0,\"monitoringLineFactor\":1.5,\"publicityDaysMin\":7}}",
                null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("policy.povertyLine"));
        assertThat(jdbc.queryForObject("select count(*) from work_plan where year = 2024", Integer.class)).isZero();

        publish(2024, phases + ",\"policy\":{\"povertyLine\":4600,\"monitoringLineFactor\":1.6,\"publicityDaysMin\":5}}",
                null).andExpect(status().isOk())
                .andExpect(jsonPath("$.policy.monitoringLine").value(7360.00))
                .andExpect(jsonPath("$.policy.publicityDaysMin").value(5));
        JsonNode first = awaitEvent(planId(2024), "WorkPlanPublished");
        assertThat(first.at("/data/policy/monitoringLine").asString()).isEqualTo("7360.00");
        assertThat(first.at("/data/policy/assessedYear").asInt()).as("its own year unless stated").isEqualTo(2024);

        publish(2024, phases + ",\"policy\":{\"assessedYear\":2025,\"povertyLine\":4600,\"monitoringLineFactor\":1.6,"
                + "\"publicityDaysMin\":5}}", "\"1\"").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("policy.assessedYear"));
        publish(2024, phases + "}", "\"1\"").andExpect(status().isOk())
                .andExpect(jsonPath("$.policy.povertyLine").value(4600.00))
                .andExpect(jsonPath("$.policy.assessedYear").value(2024));
        publish(2024, phases + ",\"policy\":{\"povertyLine\":4700,\"monitoringLineFactor\":1.5,\"publicityDaysMin\":7}}",
                "\"2\"").andExpect(status().isOk()).andExpect(jsonPath("$.policy.monitoringLine").value(7050.00));
        assertThat(jdbc.queryForList("select r.policy->>'povertyLine' from work_plan_revision r join work_plan p"
                + " on p.id = r.work_plan_id where p.year = 2024 order by r.revision", String.class))
                .containsExactly("4600.00", "4600.00", "4700.00");

        mvc.perform(get("/api/v1/work-plans/2025/template").with(city)).andExpect(status().isOk())
                .andExpect(jsonPath("$.policy.povertyLine").value(4700.00))
                .andExpect(jsonPath("$.published").value(false));
    }
}
