package cn.fupin.reporting.overview;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import cn.fupin.platform.testing.TopicProbe;

@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class OverviewIntegrationTests extends ServiceTestSupport {

    static String registered(UUID id, long sequence, String village, String category, String status, int size) {
        return """
                {"specversion":"1.0","id":"household:household:%1$s:%2$d","source":"/fupin/household-service",
                 "type":"fupin.household.HouseholdRegistered.v1","subject":"%1$s","time":"2026-11-28T10:00:00Z",
                 "datacontenttype":"application/json","areacode":"%3$s","actor":"u1","correlationid":"c1",
                 "aggregatetype":"household","sequence":%2$d,
                 "data":{"householdId":"%1$s","category":"%4$s","status":"%5$s","divisionCode":"%3$s",
                         "size":%6$d,"members":[]}}""".formatted(id, sequence, village, category, status, size);
    }

    @Test
    void scriptedEventsGiveExactCountsAndRedeliveryChangesNothing() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        String first = registered(a, 1, "350481100201", "REGISTERED", "CANDIDATE", 4);
        kafka.send("household.events", a.toString(), first);
        kafka.send("household.events", b.toString(), registered(b, 1, "350481100202", "MARGINAL", "MARGINAL", 2));
        kafka.send("household.events", c.toString(), registered(c, 1, "350481101201", "REGISTERED", "CANDIDATE", 3));
        kafka.send("household.events", a.toString(), first);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from inbox_event where consumer = 'reporting.households'", Long.class) >= 3);

        mvc.perform(get("/api/v1/reports/overview").with(as("city-officer", "350481")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.areaName").value("永安市"))
                .andExpect(jsonPath("$.households").value(3))
                .andExpect(jsonPath("$.persons").value(9))
                .andExpect(jsonPath("$.byCategory[?(@.code == 'MARGINAL')].households").value(1))
                .andExpect(jsonPath("$.byStatus[?(@.code == 'CANDIDATE')].persons").value(7))
                .andExpect(jsonPath("$.children[?(@.areaCode == '350481100')].households").value(2))
                .andExpect(jsonPath("$.children[?(@.areaCode == '350481100')].areaName").value("西洋镇"));

        mvc.perform(get("/api/v1/reports/overview").with(as("township-officer", "350481100")))
                .andExpect(jsonPath("$.households").value(2))
                .andExpect(jsonPath("$.children[?(@.areaCode == '350481100202')].persons").value(2));
        mvc.perform(get("/api/v1/reports/overview?areaCode=350481101").with(as("township-officer", "350481100")))
                .andExpect(status().isNotFound());
    }

    static String imported(UUID id, String village, String status, int size) {
        return imported(id, village, status, size, "null");
    }

    /** With the year's record the export states (JSON, or {@code null}). */
    static String imported(UUID id, String village, String status, int size, String annualRecord) {
        return """
                {"specversion":"1.0","id":"household:household:%1$s:1","source":"/fupin/household-service",
                 "type":"fupin.household.HouseholdImported.v1","subject":"%1$s","time":"2026-11-28T10:00:00Z",
                 "datacontenttype":"application/json","areacode":"%2$s","actor":"u1","correlationid":"c1",
                 "aggregatetype":"household","sequence":1,
                 "data":{"householdId":"%1$s","registryNumber":"R%1$s","category":"REGISTERED","status":"%3$s",
                         "divisionCode":"%2$s","size":%4$d,"members":[],"causes":["01"],
                         "history":{"identifiedYear":2014,"exitedYear":2018,"returnedYear":null},
                         "origin":{"source":"NATIONAL_REGISTRY","importId":"%5$s",
                                   "importedAt":"2026-11-28T10:00:00Z"},"annualRecord":%6$s}}"""
                .formatted(id, village, status, size, UUID.randomUUID(), annualRecord);
    }

    /**
     * A county's households loaded from the national registry count in the state they have there, and the year's
     * income an imported household carries counts as its income of that year.
     */
    @Test
    void importedHouseholdsCountInTheirState() throws Exception {
        String village = "350481104201";
        UUID exited = UUID.randomUUID();
        UUID poor = UUID.randomUUID();
        kafka.send("household.events", exited.toString(), imported(exited, village, "EXITED", 3, """
                {"year":2020,"size":3,"wageIncome":"21000.00","transferIncome":"1500.00","productionIncome":null,
                 "propertyIncome":null,"productionExpenses":null,"netIncome":"22500.00","perCapitaIncome":"7500.00",
                 "conditions":{"noCompulsoryEducationDropout":true,"basicMedicalInsurance":true,"safeHousing":true,
                  "safeDrinkingWater":true,"dangerousHouseGrade":"1"}}"""));
        kafka.send("household.events", poor.toString(), imported(poor, village, "POOR", 2));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from household_fact where household_id in (?, ?)", Long.class, exited, poor) == 2);
        mvc.perform(get("/api/v1/reports/overview?areaCode=" + village).with(as("city-officer", "350481")))
                .andExpect(jsonPath("$.households").value(2))
                .andExpect(jsonPath("$.byStatus[?(@.code == 'EXITED')].persons").value(3))
                .andExpect(jsonPath("$.byStatus[?(@.code == 'POOR')].households").value(1));
        // what the income report (with the year's published lines) and the reconciliation count
        assertThat(jdbc.queryForList("select household_id || ' ' || year || ' ' || size || ' ' || per_capita_income"
                + " from annual_income where household_id in (?, ?)", String.class, exited, poor))
                .containsExactly(exited + " 2020 3 7500.00");
    }

    static String memberChange(String type, UUID id, long sequence, String village, int size) {
        String reason = type.equals("MemberAdded") ? "1" : "2";
        return """
                {"specversion":"1.0","id":"household:household:%1$s:%2$d","source":"/fupin/household-service",
                 "type":"fupin.household.%5$s.v1","subject":"%1$s","time":"2026-11-28T10:00:00Z",
                 "datacontenttype":"application/json","areacode":"%3$s","actor":"u1","correlationid":"c1",
                 "aggregatetype":"household","sequence":%2$d,
                 "data":{"householdId":"%1$s","divisionCode":"%3$s","category":"REGISTERED","status":"CANDIDATE",
                         "memberId":"%6$s","relation":"03","gender":"1","reason":"%7$s",
                         "effectiveDate":"2020-10-01","size":%4$d}}"""
                .formatted(id, sequence, village, size, type, UUID.randomUUID(), reason);
    }

    @Test
    void memberChangesMoveThePersonCountAndALateOlderEventDoesNotUndoThem() throws Exception {
        UUID id = UUID.randomUUID();
        String village = "350481103201";
        kafka.send("household.events", id.toString(), registered(id, 1, village, "REGISTERED", "CANDIDATE", 2));
        kafka.send("household.events", id.toString(), memberChange("MemberAdded", id, 2, village, 3));
        kafka.send("household.events", id.toString(), memberChange("MemberAdded", id, 3, village, 4));
        kafka.send("household.events", id.toString(), memberChange("MemberRemoved", id, 4, village, 3));
        // the state as of sequence 2 arrives again, late, under a new delivery id: it must not win
        kafka.send("household.events", id.toString(),
                memberChange("MemberAdded", id, 2, village, 3).replace(":" + 2 + "\",\"source", ":2b\",\"source"));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from inbox_event where event_id like ?", Long.class, "%" + id + "%") >= 5);
        mvc.perform(get("/api/v1/reports/overview?areaCode=" + village).with(as("city-officer", "350481")))
                .andExpect(jsonPath("$.households").value(1))
                .andExpect(jsonPath("$.persons").value(3));

        // the villages' counts the overview reads are the facts grouped, whatever came in between
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList("""
                select division_code, category, status, households, persons from household_count
                where households > 0 order by 1, 2, 3""")).isEqualTo(jdbc.queryForList("""
                select division_code, category, status, count(*) as households, sum(size) as persons
                from household_fact group by 1, 2, 3 order by 1, 2, 3""")));
    }

    /** MemberAdded v2: the member as one object (docs/operations.md, upgrading an event's version). */
    static String memberAddedV2(UUID id, long sequence, String village, int size) {
        return """
                {"specversion":"1.0","id":"household:household:%1$s:%2$d","source":"/fupin/household-service",
                 "type":"fupin.household.MemberAdded.v2","subject":"%1$s","time":"2026-11-28T10:00:00Z",
                 "datacontenttype":"application/json","areacode":"%3$s","actor":"u1","correlationid":"c1",
                 "aggregatetype":"household","sequence":%2$d,
                 "data":{"householdId":"%1$s","divisionCode":"%3$s","category":"REGISTERED","status":"CANDIDATE",
                         "member":{"memberId":"%5$s","relation":"03","gender":"1","active":true},"reason":"1",
                         "effectiveDate":"2020-10-01","size":%4$d}}"""
                .formatted(id, sequence, village, size, UUID.randomUUID());
    }

    @Test
    void memberAddedIsCountedInEitherVersionWhileItsPublisherSwitches() throws Exception {
        UUID id = UUID.randomUUID();
        String village = "350481103202";
        kafka.send("household.events", id.toString(), registered(id, 1, village, "REGISTERED", "CANDIDATE", 2));
        kafka.send("household.events", id.toString(), memberChange("MemberAdded", id, 2, village, 3));
        kafka.send("household.events", id.toString(), memberAddedV2(id, 3, village, 4));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from inbox_event where event_id like ?", Long.class, "%" + id + "%") >= 3);
        mvc.perform(get("/api/v1/reports/overview?areaCode=" + village).with(as("city-officer", "350481")))
                .andExpect(jsonPath("$.persons").value(4));
        assertThat(jdbc.queryForObject("select count(*) from household_change where household_id = ?"
                + " and kind = 'MEMBER_ADDED'", Long.class, id)).as("both additions in the year's changes").isEqualTo(2);
    }

    @Test
    void consumerLagIsAMetric() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("kafka_consumer_fetch_manager_records_lag_max"))));
    }

    @Test
    void anUnknownVersionIsDeadLetteredAndTheConsumerKeepsGoing() {
        UUID id = UUID.randomUUID();
        String v2 = registered(id, 1, "350481102201", "REGISTERED", "CANDIDATE", 1)
                .replace("HouseholdRegistered.v1", "HouseholdRegistered.v2");
        kafka.send("household.events", id.toString(), v2);
        UUID next = UUID.randomUUID();
        kafka.send("household.events", next.toString(), registered(next, 1, "350481102201", "MARGINAL", "MARGINAL", 1));

        try (TopicProbe dead = new TopicProbe(brokers, "household.events.reporting-service.dlt")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !dead.poll().isEmpty());
            assertThat(dead.poll().getFirst().key()).isEqualTo(id.toString());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from household_fact where household_id = ?", Long.class, next) == 1);
    }
}
