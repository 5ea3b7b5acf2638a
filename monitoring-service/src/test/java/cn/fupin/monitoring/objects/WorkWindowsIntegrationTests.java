package cn.fupin.monitoring.objects;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

import cn.fupin.monitoring.HouseholdEvents;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import cn.fupin.contracts.rules.WorkYear;

/**
 * Monitoring follows the work plan like household-service: a township whose functions are not open cannot propose,
 * assist, assess or reopen (409 {@code functions-closed}), an open one can; reads always work. The plan is removed
 * afterwards, so the other tests of the shared context write freely.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class WorkWindowsIntegrationTests extends ServiceTestSupport {

    static final String OPEN_VILLAGE = "350481105201";
    static final String CLOSED_VILLAGE = "350481106201";
    final String plan = UUID.randomUUID().toString();

    void publish(String name, String data) {
        kafka.send("review.events", plan, """
                {"specversion":"1.0","id":"review:work-plan:%1$s:%2$s","source":"/fupin/review-service",
                 "type":"fupin.review.%3$s.v1","subject":"%1$s","time":"2026-10-01T00:00:00Z",
                 "datacontenttype":"application/json","areacode":"350481","actor":"city-1","correlationid":"c",
                 "aggregatetype":"work-plan","sequence":1,"data":%4$s}"""
                .formatted(plan, UUID.randomUUID(), name, data));
    }

    UUID marginalHousehold(String village) {
        HouseholdEvents household = new HouseholdEvents(kafka, UUID.randomUUID(), village);
        household.registered("MARGINAL", "MARGINAL", null, true);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from household_summary where household_id = ?", Long.class,
                household.household()) == 1);
        return household.household();
    }

    int propose(String village, UUID household) throws Exception {
        return mvc.perform(post("/api/v1/monitoring-objects").with(as("village-clerk", village))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"objectType":"MARGINAL","year":2020,"householdId":"%s","risks":["04"]}"""
                        .formatted(household))).andReturn().getResponse().getStatus();
    }

    @Test
    void onlyATownshipWhoseFunctionsAreOpenWritesMonitoringData() throws Exception {
        UUID open = marginalHousehold(OPEN_VILLAGE);
        UUID closed = marginalHousehold(CLOSED_VILLAGE);
        int year = java.time.Year.now(WorkYear.ZONE).getValue();
        OffsetDateTime yearEnd = OffsetDateTime.of(year, 12, 31, 16, 0, 0, 0, ZoneOffset.UTC);
        publish("WorkPlanPublished", """
                {"workPlanId":"%s","year":%d,"areaCode":"350481","revision":1,"timezone":"Asia/Shanghai",
                 "closeAt":"%s","phases":[]}""".formatted(plan, year, yearEnd));
        publish("FunctionsOpened", """
                {"workPlanId":"%s","year":%d,"areaCode":"350481105","opensAt":"%s","reason":"CITY_OPENED"}"""
                .formatted(plan, year, OffsetDateTime.now(ZoneOffset.UTC).minusDays(1)));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                select (select count(*) from work_plan) + (select count(*) from work_window)""", Long.class) == 2);

        mvc.perform(post("/api/v1/monitoring-objects").with(as("village-clerk", CLOSED_VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"objectType":"MARGINAL","year":2020,"householdId":"%s","risks":["04"]}"""
                        .formatted(closed))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("functions-closed"));
        assertThat(propose(OPEN_VILLAGE, open)).isEqualTo(201);
        mvc.perform(get("/api/v1/monitoring-objects").with(as("village-clerk", CLOSED_VILLAGE)))
                .andExpect(status().isOk());
    }

    @AfterEach
    void forgetThePlan() {
        jdbc.update("delete from work_window");
        jdbc.update("delete from work_plan");
    }
}
