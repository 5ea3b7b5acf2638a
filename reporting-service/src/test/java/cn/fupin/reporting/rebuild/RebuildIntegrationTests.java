package cn.fupin.reporting.rebuild;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;

/**
 * A rebuild replays every topic into a fresh schema and switches to it: the reports read the same numbers before
 * and after, reads keep working throughout, and events arriving after the switch land in the new read models.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class RebuildIntegrationTests extends ServiceTestSupport {

    static final String TOWNSHIP = "350481110";
    static final String VILLAGE = TOWNSHIP + "201";
    final JwtRequestPostProcessorHolder city = new JwtRequestPostProcessorHolder();

    static final class JwtRequestPostProcessorHolder {
        final org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor token =
                as("city-officer", "350481");
    }

    void registered(UUID id, String category, String status, int size) {
        kafka.send("household.events", id.toString(), """
                {"specversion":"1.0","id":"household:household:%1$s:1","source":"/fupin/household-service",
                 "type":"fupin.household.HouseholdRegistered.v1","subject":"%1$s","time":"2026-11-28T10:00:00Z",
                 "datacontenttype":"application/json","areacode":"%2$s","actor":"u1","correlationid":"c1",
                 "aggregatetype":"household","sequence":1,
                 "data":{"householdId":"%1$s","category":"%3$s","status":"%4$s","divisionCode":"%2$s",
                         "size":%5$d,"members":[]}}""".formatted(id, VILLAGE, category, status, size));
    }

    /** The city's 2020 plan with its policy figures, which the income report measures against. */
    void planOf2020() {
        UUID plan = UUID.randomUUID();
        kafka.send("review.events", plan.toString(), """
                {"specversion":"1.0","id":"review:work-plan:%1$s:1","source":"/fupin/review-service",
                 "type":"fupin.review.WorkPlanPublished.v1","subject":"%1$s","time":"2026-11-28T10:00:00Z",
                 "datacontenttype":"application/json","areacode":"350481","actor":"u1","correlationid":"c1",
                 "aggregatetype":"work-plan","sequence":1,
                 "data":{"workPlanId":"%1$s","year":2020,"areaCode":"350481","revision":1,"timezone":"Asia/Shanghai",
                         "closeAt":"2021-01-01T00:00:00+08:00","phases":[{"code":"DATA_ENTRY","name":"数据录入",
                         "startDate":"2020-10-28","endDate":"2020-11-20"}],"policy":{"povertyLine":"4000.00",
                         "monitoringLineFactor":"1.50","monitoringLine":"6000.00","publicityDaysMin":7}}}"""
                .formatted(plan));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from work_plan_fact where year = 2020 and policy is not null", Long.class) > 0);
    }

    List<String> reports() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (String path : List.of("overview?areaCode=" + TOWNSHIP, "monitoring?areaCode=" + TOWNSHIP,
                "dynamic-adjustment?areaCode=" + TOWNSHIP, "data-quality?areaCode=" + TOWNSHIP,
                "income?year=2020&areaCode=" + TOWNSHIP)) {
            bodies.add(mvc.perform(get("/api/v1/reports/" + path).with(city.token)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
        }
        return bodies;
    }

    long households() {
        return jdbc.queryForObject("select count(*) from household_fact where division_code like '" + TOWNSHIP + "%'",
                Long.class);
    }

    @Test
    void aRebuildYieldsTheSameNumbersAndTheLiveEventsFollowTheSwitch() throws Exception {
        planOf2020();
        registered(UUID.randomUUID(), "REGISTERED", "POOR", 4);
        registered(UUID.randomUUID(), "MARGINAL", "MARGINAL", 2);
        // poison on the topic: dead-lettered by the live consumer, and no reason for a rebuild to fail
        kafka.send("household.events", UUID.randomUUID().toString(), "{not json");
        await().atMost(Duration.ofSeconds(30)).until(() -> households() == 2);
        List<String> before = reports();
        String previous = jdbc.queryForObject("select active from reporting.read_model_generation", String.class);

        String started = mvc.perform(post("/api/v1/reports/rebuilds").with(city.token))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(started).get("id").asString();
        mvc.perform(post("/api/v1/reports/rebuilds").with(as("township-officer", TOWNSHIP)))
                .andExpect(status().isForbidden());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(reports()).as("reads keep working during the rebuild").hasSize(5);
            String state = json.readTree(mvc.perform(get("/api/v1/reports/rebuilds/" + id).with(city.token))
                    .andReturn().getResponse().getContentAsString()).get("state").asString();
            assertThat(state).isNotEqualTo("FAILED");
            return state.equals("DONE");
        });

        String target = json.readTree(started).get("targetSchema").asString();
        assertThat(jdbc.queryForObject("select active from reporting.read_model_generation", String.class))
                .isEqualTo(target).isNotEqualTo(previous);
        assertThat(json.readTree(mvc.perform(get("/api/v1/reports/rebuilds/" + id).with(city.token))
                .andReturn().getResponse().getContentAsString()).get("events").asLong()).isPositive();
        assertThat(reports()).isEqualTo(before);
        // the service, its application role, owns none of the new schema's tables: the owner made them for it
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("fupin_app");
        assertThat(jdbc.queryForList("select distinct tableowner from pg_tables where schemaname = ?", String.class,
                target)).containsExactly("postgres");

        registered(UUID.randomUUID(), "REGISTERED", "CANDIDATE", 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> households() == 3);
        assertThat(jdbc.queryForObject("select count(*) from " + target + ".household_fact where division_code like '"
                + TOWNSHIP + "%'", Long.class)).isEqualTo(3);
    }
}
