package cn.fupin.household.windows;

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

import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;

/**
 * Writes follow the work plan: refused until the township's functions are opened, refused again once closed,
 * refused after the year's close unless the city reopened them; the most specific window decides; reads always
 * work. The plan is global: it is removed afterwards so the other tests of the shared context write freely.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class WorkWindowsIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481102201";
    static final String TOWNSHIP = "350481102";
    static final String COUNTY = "350481";
    /** A village of a township with no window of its own. */
    static final String NEIGHBOUR = "350481103201";
    /** A village of a third township. */
    static final String THIRD = "350481104201";
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
        return register(VILLAGE);
    }

    int register(String village) throws Exception {
        return mvc.perform(post("/api/v1/households").with(as("village-clerk", village))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(synthetic.next(village))))
                .andReturn().getResponse().getStatus();
    }

    void refused(String village, String code) throws Exception {
        mvc.perform(post("/api/v1/households").with(as("village-clerk", village))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(synthetic.next(village))))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value(code));
    }

    void plan(int planYear, int revision, OffsetDateTime closeAt) {
        publish("WorkPlanPublished", """
                {"workPlanId":"%s","year":%d,"areaCode":"350481","revision":%d,"timezone":"Asia/Shanghai",
                 "closeAt":%s,"phases":[]}""".formatted(plan, planYear, revision, at(closeAt)));
    }

    void open(int planYear, String area, OffsetDateTime opensAt, String reason) {
        publish("FunctionsOpened", """
                {"workPlanId":"%s","year":%d,"areaCode":"%s","opensAt":%s,"reason":"%s"}"""
                .formatted(plan, planYear, area, at(opensAt), reason));
    }

    void close(int planYear, String area, OffsetDateTime closedAt, String reason) {
        publish("FunctionsClosed", """
                {"workPlanId":"%s","year":%d,"areaCode":"%s","closedAt":%s,"reason":"%s"}"""
                .formatted(plan, planYear, area, at(closedAt), reason));
    }

    void awaitStatus(String village, int status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> register(village) == status);
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
        plan(year, 1, now.plusDays(30));
        awaitStatus(VILLAGE, 409);
        refused(VILLAGE, "functions-closed");

        open(year, TOWNSHIP, now.minusMinutes(1), "REQUEST_APPROVED");
        awaitStatus(VILLAGE, 201);

        close(year, TOWNSHIP, now.minusSeconds(1), "PHASE_ENDED");
        awaitStatus(VILLAGE, 409);
        mvc.perform(get("/api/v1/households?areaCode=" + VILLAGE).with(as("village-clerk", VILLAGE)))
                .andExpect(status().isOk());

        open(year, TOWNSHIP, now.minusMinutes(1), "CITY_OPENED");
        awaitStatus(VILLAGE, 201);

        plan(year, 2, now.minusSeconds(1));
        awaitStatus(VILLAGE, 409);
        refused(VILLAGE, "year-closed");
    }

    /** The work plan opens functions per township or for the whole county; the township's own window wins. */
    @Test
    void theTownshipsOwnWindowOverridesTheCountysInBothDirections() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        plan(year, 1, now.plusDays(30));
        open(year, COUNTY, now.minusMinutes(1), "CITY_OPENED");
        awaitStatus(VILLAGE, 201);

        close(year, TOWNSHIP, now.minusSeconds(1), "REVOKED");
        awaitStatus(VILLAGE, 409);
        refused(VILLAGE, "functions-closed");
        assertThat(register(NEIGHBOUR)).isEqualTo(201);

        close(year, COUNTY, now.minusSeconds(1), "PHASE_ENDED");
        awaitStatus(NEIGHBOUR, 409);
        open(year, TOWNSHIP, now.minusMinutes(1), "REQUEST_APPROVED");
        awaitStatus(VILLAGE, 201);
        refused(NEIGHBOUR, "functions-closed");
    }

    /**
     * After the year's close the year's windows have ended with it; the city reopens an area for corrections
     * (重新开通) and only then may it write. Events of the plan arrive in order, so once the neighbour's reopening
     * is seen, the township's ordinary opening before it was seen too.
     */
    @Test
    void afterTheYearsCloseOnlyAReopenedWindowLetsWritesThrough() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        plan(year, 1, now.minusSeconds(1));
        awaitStatus(VILLAGE, 409);
        refused(VILLAGE, "year-closed");

        open(year, TOWNSHIP, now.minusMinutes(1), "REQUEST_APPROVED");
        open(year, NEIGHBOUR.substring(0, 9), now.minusMinutes(1), "REOPENED");
        awaitStatus(NEIGHBOUR, 201);
        refused(VILLAGE, "year-closed");

        open(year, TOWNSHIP, now.minusMinutes(1), "REOPENED");
        awaitStatus(VILLAGE, 201);
        refused(THIRD, "year-closed");

        close(year, TOWNSHIP, now.minusSeconds(1), "REVOKED");
        awaitStatus(VILLAGE, 409);
        refused(VILLAGE, "year-closed");

        open(year, COUNTY, now.minusMinutes(1), "REOPENED");
        awaitStatus(THIRD, 201);
        refused(VILLAGE, "year-closed");
    }

    /** The close falls at the turn of the year: in the new year the closed year's plan rules until the next one. */
    @Test
    void theClosedYearsPlanRulesUntilTheNextYearsPlanIsPublished() throws Exception {
        OffsetDateTime newYear = OffsetDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));
        plan(year - 1, 1, newYear);
        awaitStatus(VILLAGE, 409);
        refused(VILLAGE, "year-closed");

        open(year - 1, TOWNSHIP, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), "REOPENED");
        awaitStatus(VILLAGE, 201);

        plan(year, 1, OffsetDateTime.now(ZoneOffset.UTC).plusDays(30));
        awaitStatus(VILLAGE, 409);
        refused(VILLAGE, "functions-closed");
    }
}
