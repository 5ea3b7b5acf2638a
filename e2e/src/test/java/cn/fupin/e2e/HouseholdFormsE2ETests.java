package cn.fupin.e2e;

import static cn.fupin.e2e.WorkPlanFixture.EXIT_REQUEST;
import static cn.fupin.e2e.WorkPlanFixture.YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.fupin.contracts.household.model.MemberIncrease;
import cn.fupin.contracts.household.model.MemberInput;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import cn.fupin.contracts.identifiers.ResidentId;

import tools.jackson.databind.JsonNode;

/**
 * Forms 1, 2 and 3 of the work plan through the gateway with a village clerk's real token: a household is
 * registered, a newborn joins, a member leaves, the year's income is entered; reporting follows the person
 * count.
 */
class HouseholdFormsE2ETests {

    static final String VILLAGE = "350481100202";

    @org.junit.jupiter.api.BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    @Test
    void aHouseholdGoesThroughFormsOneTwoAndThreeAndReportingFollows() {
        Api clerk = Api.as("xiyang.clerk2");
        Api city = Api.as("city.officer");
        RegisterHouseholdRequest form1 = WorkPlanFixture.SYNTHETIC.next(VILLAGE).causes(
                java.util.List.of("01", "07"));
        while (form1.getMembers().size() < 2) {
            form1 = WorkPlanFixture.SYNTHETIC.next(VILLAGE);
        }
        long personsBefore = persons(city);

        var registered = clerk.post("/api/v1/households", form1);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode household = Api.json(registered);
        String id = household.get("id").asString();
        int size = household.get("size").asInt();

        ResidentId babyId = ResidentId.of("350481", LocalDate.of(2020, 7, 7), (int) (System.nanoTime() % 400) * 2 + 1);
        var added = clerk.post("/api/v1/households/" + id + "/members", new MemberIncrease(
                new MemberInput("新生儿", "1", babyId.value(), "07").birthDate(babyId.birthDate()), "1",
                LocalDate.of(2020, 7, 7)), "If-Match", "\"0\"");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(Api.json(added).get("size").asInt()).isEqualTo(size + 1);

        String leaving = household.get("members").get(1).get("id").asString();
        var removed = clerk.post("/api/v1/households/" + id + "/members/" + leaving + "/removal",
                Map.of("reason", "2", "date", "2020-08-01"));
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(Api.json(removed).get("size").asInt()).isEqualTo(size);

        var annual = clerk.put("/api/v1/households/" + id + "/annual-records/" + YEAR, Map.of(
                "income", Map.of("wageIncome", 9000, "productionIncome", 1200.5, "productionExpenses", 200.5),
                "conditions", Map.of("dangerousHouseGrade", "1", "safeDrinkingWater", true)));
        assertThat(annual.statusCode()).as(annual.body()).isEqualTo(200);
        assertThat(Api.json(annual).get("netIncome").decimalValue()).isEqualByComparingTo("10000.00");

        var exit = clerk.post("/api/v1/households/" + id + "/exit-requests", EXIT_REQUEST);
        assertThat(exit.statusCode()).as("a candidate is not yet poor: it cannot exit").isEqualTo(409);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(persons(city)).isEqualTo(personsBefore + size));
    }

    @Test
    void badInputThroughTheGatewayIsAProblemNamingTheIndicator() {
        RegisterHouseholdRequest form1 = WorkPlanFixture.SYNTHETIC.next(VILLAGE);
        form1.getMembers().getFirst().idNumber("350481199001011231");

        var refused = Api.as("xiyang.clerk2").post("/api/v1/households", form1);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Api.json(refused);
        assertThat(problem.get("title").asString()).isEqualTo("请求数据校验未通过");
        assertThat(problem.get("errors").get(0).get("indicator").asString()).isEqualTo("A4");
    }

    private static long persons(Api city) {
        return Api.json(city.get("/api/v1/reports/overview?areaCode=" + VILLAGE)).get("persons").asLong();
    }
}
