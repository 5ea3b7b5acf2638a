package cn.fupin.e2e;

import static cn.fupin.e2e.WorkPlanFixture.APPLIED;
import static cn.fupin.e2e.WorkPlanFixture.YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.fupin.contracts.household.model.HouseholdCategory;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import tools.jackson.databind.JsonNode;

/**
 * Monitoring end to end through the gateway with real tokens: an exited household found by its head's ID number
 * (form 5) and printed on the village's 表 5, a marginal household with risks (form 4), assistance, elimination
 * refused with its reasons and then approved through review and seen by reporting, reopening; early warning that
 * lists a household whose year fell under the monitoring line until it is proposed.
 */
class MonitoringE2ETests {

    static final String VILLAGE = "350481100201";

    final Reviewers reviewers = new Reviewers();
    final Households households = new Households(reviewers, VILLAGE);
    final Api clerk = reviewers.clerk;

    @BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    JsonNode monitoringObject(String id) {
        return Api.json(clerk.get("/api/v1/monitoring-objects/" + id));
    }

    void awaitObjectStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> monitoringObject(id).get("status").asString().equals(status));
    }

    long eliminated() {
        return Api.json(reviewers.city.get("/api/v1/reports/monitoring?areaCode=" + VILLAGE)).get("eliminated")
                .asLong();
    }

    /**
     * 表 4 with its risks, through the gateway: the marginal household is registered with the risks it declares, and
     * monitoring-service proposes it for monitoring with them, for the same review as any inclusion.
     */
    @Test
    void aMarginalHouseholdRegisteredWithItsRisksIsProposedReviewedAndMonitored() {
        RegisterHouseholdRequest form = households.form(HouseholdCategory.MARGINAL)
                .risks(new java.util.LinkedHashSet<>(List.of("03", "07")));
        String household = households.register(form);

        AtomicReference<String> object = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode page = Api.json(clerk.get("/api/v1/monitoring-objects?areaCode=" + VILLAGE
                    + "&objectType=MARGINAL&status=PROPOSED&size=200"));
            page.get("items").forEach(item -> {
                if (item.get("householdId").asString().equals(household)) {
                    object.set(item.get("id").asString());
                }
            });
            return object.get() != null;
        });
        JsonNode proposed = monitoringObject(object.get());
        assertThat(proposed.get("risks").toString()).isEqualTo("[\"03\",\"07\"]");
        reviewers.approveAtEveryLevel(reviewers.caseOf(object.get(), "MONITORING_INCLUSION", 1));
        awaitObjectStatus(object.get(), "MONITORED");
    }

    @Test
    void anExitedHouseholdFoundByItsHeadsIdIsMonitoredAssistedClearedAndReopened() {
        RegisterHouseholdRequest form = households.form(HouseholdCategory.REGISTERED);
        String headId = form.getMembers().stream().filter(m -> "01".equals(m.getRelation())).findFirst()
                .orElseThrow().getIdNumber();
        String household = households.exit(households.identify(households.register(form)));
        long eliminatedBefore = eliminated();

        String object = households.proposeForMonitoring(Map.of("objectType", "UNSTABLE_EXITED", "year", YEAR,
                "headIdNumber", headId, "risks", List.of("01", "07")));
        assertThat(monitoringObject(object).get("householdId").asString()).isEqualTo(household);
        reviewers.approveAtEveryLevel(reviewers.caseOf(object, "MONITORING_INCLUSION", 1));
        awaitObjectStatus(object, "MONITORED");

        // the village's 表 5 for signature: monitoring-service asks household-service for the heads' ID numbers with
        // the clerk's own token
        var form5 = clerk.download("/api/v1/monitoring-objects/form5.pdf?village=" + VILLAGE + "&year=" + YEAR);
        assertThat(form5.statusCode()).isEqualTo(200);
        assertThat(form5.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(form5.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(Api.as("gongchuan.officer").download("/api/v1/monitoring-objects/form5.pdf?village=" + VILLAGE
                + "&year=" + YEAR).statusCode()).isEqualTo(404);

        var assisted = clerk.post("/api/v1/monitoring-objects/" + object + "/assistance", Map.of("measure", "02",
                "content", "推荐到工业园区务工", "amount", 1200, "date", LocalDate.now().toString(),
                "responsiblePerson", "林帮扶"));
        assertThat(assisted.statusCode()).as(assisted.body()).isEqualTo(201);

        var refused = clerk.post("/api/v1/monitoring-objects/" + object + "/assessments", Map.of(
                "assessedOn", LocalDate.now().toString(), "risks", List.of("07"), "riskEliminated", true));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(Api.json(refused).get("errors").findValuesAsString("field")).contains("risks");

        var eliminate = clerk.post("/api/v1/monitoring-objects/" + object + "/assessments", Map.of(
                "assessedOn", APPLIED, "risks", List.of(), "riskEliminated", true,
                "note", "务工收入稳定，风险已化解"));
        assertThat(eliminate.statusCode()).as(eliminate.body()).isEqualTo(201);
        reviewers.approveAtEveryLevel(reviewers.caseOf(object, "RISK_ELIMINATION", 1));
        awaitObjectStatus(object, "RISK_CLEARED");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> eliminated() == eliminatedBefore + 1);

        var reopened = clerk.post("/api/v1/monitoring-objects/" + object + "/reopening",
                Map.of("risks", List.of("03"), "reason", "台风致房屋受损"));
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        assertThat(Api.json(reopened).get("status").asString()).isEqualTo("MONITORED");
    }

    @Test
    void aMarginalHouseholdUnderTheMonitoringLineIsWarnedOfUntilItIsProposedWithItsRisks() {
        String household = households.register(households.form(HouseholdCategory.MARGINAL));
        var year = clerk.put("/api/v1/households/" + household + "/annual-records/" + YEAR, Map.of(
                "income", Map.of("wageIncome", 3000, "productionIncome", 1000, "productionExpenses", 500),
                "conditions", Map.of("dangerousHouseGrade", "1", "safeDrinkingWater", true)));
        assertThat(year.statusCode()).as(year.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> warned(household) != null);
        assertThat(warned(household).at("/warnings/0/trigger").asString()).isEqualTo("INCOME_BELOW_MONITORING_LINE");

        String object = households.proposeForMonitoring(Map.of("objectType", "MARGINAL", "year", YEAR,
                "householdId", household, "risks", List.of("04", "99")));
        assertThat(monitoringObject(object).get("riskNames").toString()).contains("因残", "其他");
        assertThat(warned(household)).isNull();
    }

    JsonNode warned(String household) {
        JsonNode page = Api.json(clerk.get("/api/v1/early-warnings?size=200"));
        for (JsonNode item : page.get("items")) {
            if (item.get("householdId").asString().equals(household)) {
                return item;
            }
        }
        return null;
    }
}
