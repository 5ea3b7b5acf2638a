package cn.fupin.household.windows;

import static cn.fupin.platform.testing.Tokens.as;
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

import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.household.WorkYear;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;

/**
 * Writes follow the work plan: refused until the township's functions are opened, refused again once closed,
 * refused for everyone after the year's close; reads always work. The plan is global: it is removed afterwards so
 * the other tests of the shared context write freely.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class WorkWindowsIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481102201";
    static final String TOWNSHIP = "350481102";
    static final SyntheticHouseholds synthetic = new SyntheticHouseholds(71);
    final int year = java.time.Year.now(WorkYear.ZONE).getValue();
    final String plan = UUID.randomUUID().toString();

    void publish(String name, String data) {
        kafka.send("review.events", plan, """
                {"specversion":"1.0","id":"review:work-plan:%1$s:%2$s","source":"/fupin/review-service",
                 "type":"fupin.review.%3$s.v1","subject":"%1$s","time":"2026-10-01T00:00:00Z",
                 "datacontenttype":"application/json","areacode":"350481","actor":"city-1","correlationid":"c",
                 "aggregatetype":"work-plan","sequence":1,"data":%4$s}"""
                .formatted(plan, UUID.randomUUID(), name, data));
    }

    int register() throws Exception {
        return mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(synthetic.next(VILLAGE))))
                .andReturn().getResponse().getStatus();
    }

    String at(OffsetDateTime time) {
        return "\"" + time.withOffsetSameInstant(ZoneOffset.UTC) + "\"";
    }

    @AfterEach
    void forgetThePlan() {
        jdbc.update("delete from work_window");
        jdbc.update("delete from work_plan");
    }

    @Test
    void writesFollowTheTownshipsWindowAndTheYearsClose() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        publish("WorkPlanPublished", """
                {"workPlanId":"%s","year":%d,"areaCode":"350481","revision":1,"timezone":"Asia/Shanghai",
                 "closeAt":%s,"phases":[]}""".formatted(plan, year, at(now.plusDays(30))));
        await().atMost(Duration.ofSeconds(30)).until(() -> register() == 409);
        mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(synthetic.next(VILLAGE))))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("functions-closed"));

        publish("FunctionsOpened", """
                {"workPlanId":"%s","year":%d,"areaCode":"%s","opensAt":%s,"reason":"REQUEST_APPROVED"}"""
                .formatted(plan, year, TOWNSHIP, at(now.minusMinutes(1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> register() == 201);

        publish("FunctionsClosed", """
                {"workPlanId":"%s","year":%d,"areaCode":"%s","closedAt":%s,"reason":"PHASE_ENDED"}"""
                .formatted(plan, year, TOWNSHIP, at(now.minusSeconds(1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> register() == 409);
        mvc.perform(get("/api/v1/households?areaCode=" + VILLAGE).with(as("village-clerk", VILLAGE)))
                .andExpect(status().isOk());

        publish("FunctionsOpened", """
                {"workPlanId":"%s","year":%d,"areaCode":"%s","opensAt":%s,"reason":"REOPENED"}"""
                .formatted(plan, year, TOWNSHIP, at(now.minusMinutes(1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> register() == 201);

        publish("WorkPlanPublished", """
                {"workPlanId":"%s","year":%d,"areaCode":"350481","revision":2,"timezone":"Asia/Shanghai",
                 "closeAt":%s,"phases":[]}""".formatted(plan, year, at(now.minusSeconds(1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> register() == 409);
        mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(synthetic.next(VILLAGE))))
                .andExpect(jsonPath("$.code").value("year-closed"));
    }
}
