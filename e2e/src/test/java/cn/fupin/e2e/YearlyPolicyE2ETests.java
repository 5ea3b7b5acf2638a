package cn.fupin.e2e;

import static cn.fupin.e2e.WorkPlanFixture.EXIT_REQUEST;
import static cn.fupin.e2e.WorkPlanFixture.YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.fupin.contracts.household.model.HouseholdCategory;
import tools.jackson.databind.JsonNode;

/**
 * 年度政策参数 through the gateway: the city office raises this year's poverty line by revising the plan, and all
 * three services answer by the new figures — household refuses an exit the old line let through, monitoring warns
 * of an income the old monitoring line did not catch, the income report measures against the new lines. The line
 * is set back afterwards, and the same exit then goes to review.
 */
class YearlyPolicyE2ETests {

    static final String VILLAGE = "350481100201";

    final Reviewers reviewers = new Reviewers();
    final Households households = new Households(reviewers, VILLAGE);
    final Api city = Api.as("city.officer");

    @BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    @Test
    void aChangedLineReachesHouseholdMonitoringAndReporting() {
        String poor = households.identified();
        households.annualRecord(poor, wageFor(poor), "1");
        String marginal = households.register(households.form(HouseholdCategory.MARGINAL));
        JsonNode published = Api.json(city.get("/api/v1/work-plans/" + YEAR)).get("policy");
        try {
            revise(Map.of("povertyLine", 20000, "monitoringLineFactor", 1.5, "publicityDaysMin", 7));

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> Api.json(
                    reviewers.clerk.get("/api/v1/reports/income?year=" + YEAR + "&areaCode=" + VILLAGE))
                    .path("monitoringLine").asString("").equals("30000.00"));

            var refused = reviewers.clerk.post("/api/v1/households/" + poor + "/exit-requests", EXIT_REQUEST);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertThat(Api.json(refused).get("errors").get(0).get("field").asString()).isEqualTo("perCapitaIncome");
            assertThat(Api.json(refused).get("errors").get(0).get("message").asString()).endsWith("20000.00 元");

            var year = reviewers.clerk.put("/api/v1/households/" + marginal + "/annual-records/" + YEAR, Map.of(
                    "income", Map.of("wageIncome", wageFor(marginal), "productionIncome", 3000,
                            "productionExpenses", 500),
                    "conditions", Map.of("dangerousHouseGrade", "1", "safeDrinkingWater", true)));
            assertThat(year.statusCode()).as(year.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .until(() -> warning(marginal) != null);
            assertThat(warning(marginal).at("/warnings/0/trigger").asString())
                    .isEqualTo("INCOME_BELOW_MONITORING_LINE");
        }
        finally {
            revise(Map.of("povertyLine", published.get("povertyLine").decimalValue(),
                    "monitoringLineFactor", published.get("monitoringLineFactor").decimalValue(),
                    "publicityDaysMin", published.get("publicityDaysMin").intValue()));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> reviewers.clerk
                .post("/api/v1/households/" + poor + "/exit-requests", EXIT_REQUEST).statusCode() == 202);
    }

    /**
     * 考核年度 through the gateway: while this year's plan says it assesses 2020 with the seed plan's figures, an exit
     * on the 2020 record is refused for each failing criterion with its reason and goes to review when all hold,
     * and one on this year's record is refused for its year.
     */
    @Test
    void anExitIsJudgedOnTheYearThePlanAssesses2020ToWithItsFigures() {
        String poor = households.identified();
        JsonNode published = Api.json(city.get("/api/v1/work-plans/" + YEAR)).get("policy");
        JsonNode seed = Api.json(city.get("/api/v1/work-plans/2020/template")).get("policy");
        try {
            revise(Map.of("assessedYear", 2020, "povertyLine", seed.get("povertyLine").decimalValue(),
                    "monitoringLineFactor", seed.get("monitoringLineFactor").decimalValue(),
                    "publicityDaysMin", seed.get("publicityDaysMin").intValue()));
            record2020(poor, 0, "4", false);
            AtomicReference<JsonNode> refused = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
                refused.set(Api.json(reviewers.clerk.post("/api/v1/households/" + poor + "/exit-requests",
                        Map.of("year", 2020))));
                return refused.get().path("code").asString("").equals("exit-criteria-not-met");
            });
            assertThat(refused.get().get("errors").findValuesAsString("field")).contains("perCapitaIncome",
                    "basicNeeds.safeHousing", "basicNeeds.safeDrinkingWater");
            assertThat(refused.get().get("errors").get(0).get("message").asString())
                    .contains("2020 年度", seed.get("povertyLine").decimalValue().setScale(2).toPlainString());

            var thisYear = reviewers.clerk.post("/api/v1/households/" + poor + "/exit-requests", EXIT_REQUEST);
            assertThat(thisYear.statusCode()).as(thisYear.body()).isEqualTo(422);
            assertThat(Api.json(thisYear).get("code").asString()).isEqualTo("not-the-assessed-year");

            record2020(poor, 60000, "1", true);
            var requested = reviewers.clerk.post("/api/v1/households/" + poor + "/exit-requests",
                    Map.of("year", 2020));
            assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        }
        finally {
            revise(Map.of("assessedYear", YEAR, "povertyLine", published.get("povertyLine").decimalValue(),
                    "monitoringLineFactor", published.get("monitoringLineFactor").decimalValue(),
                    "publicityDaysMin", published.get("publicityDaysMin").intValue()));
        }
    }

    void record2020(String household, int wage, String houseGrade, boolean water) {
        var put = reviewers.clerk.put("/api/v1/households/" + household + "/annual-records/2020", Map.of(
                "income", Map.of("wageIncome", wage, "productionIncome", 3000, "productionExpenses", 500),
                "conditions", Map.of("dangerousHouseGrade", houseGrade, "safeDrinkingWater", water)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    /** The wage that, with 3,000 of production income and 500 of expenses, makes 10,000 yuan a head. */
    int wageFor(String household) {
        return 10000 * Api.json(reviewers.clerk.get("/api/v1/households/" + household)).get("size").asInt() - 2500;
    }

    /** The city office revises this year's plan with new figures, the phases as they are. */
    void revise(Map<String, Object> policy) {
        var current = city.get("/api/v1/work-plans/" + YEAR);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("phases", Api.json(current).get("phases"));
        plan.put("policy", policy);
        var revised = city.put("/api/v1/work-plans/" + YEAR, plan, "If-Match",
                current.headers().firstValue("ETag").orElseThrow());
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
    }

    JsonNode warning(String household) {
        for (JsonNode item : Api.json(reviewers.clerk.get("/api/v1/early-warnings?size=200")).get("items")) {
            if (item.get("householdId").asString().equals(household)) {
                return item;
            }
        }
        return null;
    }
}
