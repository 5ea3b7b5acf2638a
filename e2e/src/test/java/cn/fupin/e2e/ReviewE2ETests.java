package cn.fupin.e2e;

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
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.local.DemoWorkPlan;
import tools.jackson.databind.JsonNode;

/**
 * Review end to end through the gateway with real tokens of the three levels: every household case type from the
 * request to the outcome applied by household-service (new identification, exit — refused first, then returned
 * for correction and resubmitted —, policy confirmation, return to poverty, clean-out), a rejection, and the
 * township function opening that decides whether a village may write at all.
 */
class ReviewE2ETests {

    static final String VILLAGE = "350481100201";
    static final String GONGCHUAN_VILLAGE = "350481101201";
    static final SyntheticHouseholds synthetic = new SyntheticHouseholds(System.nanoTime());

    final Api clerk = Api.as("xiyang.clerk");
    final Api officer = Api.as("xiyang.officer");
    final Api city = Api.as("city.officer");
    final LocalDate today = LocalDate.now(DemoWorkPlan.ZONE);

    @BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    String registerCandidate() {
        var registered = clerk.post("/api/v1/households", synthetic.next(VILLAGE, HouseholdCategory.REGISTERED));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return Api.json(registered).get("id").asString();
    }

    /** The case review opened for the household's request of that type, once it is waiting in the given round. */
    String caseOf(String householdId, String caseType, int round) {
        AtomicReference<String> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode page = Api.json(city.get("/api/v1/reviews?view=all&size=200&caseType=" + caseType));
            for (JsonNode item : page.get("items")) {
                if (item.get("subjectId").asString().equals(householdId) && item.get("round").asInt() == round
                        && item.get("state").asString().equals("IN_REVIEW")) {
                    found.set(item.get("id").asString());
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    void notice(String caseId) {
        var recorded = clerk.post("/api/v1/reviews/" + caseId + "/publicity", Map.of(
                "appraisal", Map.of("date", today.minusDays(10).toString(), "participants", 38, "result", "AGREED"),
                "notice", Map.of("startDate", today.minusDays(9).toString(), "endDate", today.minusDays(3).toString(),
                        "place", "村部公示栏"),
                "objections", List.of()));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
    }

    JsonNode decide(Api who, String caseId, Map<String, Object> decision) {
        var decided = who.post("/api/v1/reviews/" + caseId + "/decisions", decision);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        return Api.json(decided);
    }

    /** Village (after its notice), township and city approve, each by its own user. */
    void approveAtEveryLevel(String caseId) {
        notice(caseId);
        decide(clerk, caseId, Map.of("decision", "APPROVE", "comment", "民主评议通过，公示无异议"));
        decide(officer, caseId, Map.of("decision", "APPROVE", "comment", "乡镇审核通过"));
        assertThat(decide(city, caseId, Map.of("decision", "APPROVE", "comment", "复核备案")).get("state").asString())
                .isEqualTo("APPROVED");
    }

    JsonNode household(String id) {
        return Api.json(clerk.get("/api/v1/households/" + id));
    }

    void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> household(id).get("status").asString().equals(status));
    }

    String identified() {
        String id = registerCandidate();
        approveAtEveryLevel(caseOf(id, "NEW_IDENTIFICATION", 1));
        awaitStatus(id, "POOR");
        return id;
    }

    void annualRecord(String id, int wageIncome, String houseGrade) {
        var put = clerk.put("/api/v1/households/" + id + "/annual-records/2020", Map.of(
                "income", Map.of("wageIncome", wageIncome, "productionIncome", 3000, "productionExpenses", 500),
                "conditions", Map.of("dangerousHouseGrade", houseGrade, "safeDrinkingWater", true)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    String exited() {
        String id = identified();
        annualRecord(id, 60000, "1");
        assertThat(clerk.post("/api/v1/households/" + id + "/exit-requests", Map.of("year", 2020)).statusCode())
                .isEqualTo(202);
        approveAtEveryLevel(caseOf(id, "POVERTY_EXIT", 1));
        awaitStatus(id, "EXITED");
        return id;
    }

    void markNotEnjoyingPolicy(String id) {
        var current = clerk.get("/api/v1/households/" + id);
        var marked = clerk.patch("/api/v1/households/" + id, Map.of("notEnjoyingPolicy", true), "If-Match",
                current.headers().firstValue("ETag").orElseThrow());
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
    }

    @Test
    void anIdentifiedHouseholdExitsAfterARefusalAndACorrectionIsConfirmedAndReturnsToPoverty() {
        String id = identified();

        annualRecord(id, 1000, "4");
        var refused = clerk.post("/api/v1/households/" + id + "/exit-requests", Map.of("year", 2020));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(Api.json(refused).get("errors").findValuesAsString("field"))
                .contains("perCapitaIncome", "basicNeeds.safeHousing");

        annualRecord(id, 60000, "1");
        var requested = clerk.post("/api/v1/households/" + id + "/exit-requests", Map.of("year", 2020));
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        String requestId = Api.json(requested).get("id").asString();
        String exitCase = caseOf(id, "POVERTY_EXIT", 1);
        notice(exitCase);
        decide(clerk, exitCase, Map.of("decision", "APPROVE"));
        var tooEarly = city.post("/api/v1/reviews/" + exitCase + "/decisions", Map.of("decision", "APPROVE"));
        assertThat(tooEarly.statusCode()).isEqualTo(409);
        assertThat(Api.json(tooEarly).get("code").asString()).isEqualTo("stage-not-reached");
        assertThat(decide(officer, exitCase, Map.of("decision", "RETURN", "reasons",
                List.of(Map.of("text", "工资性收入须附务工证明，请补录后重新报审")))).get("state").asString())
                .isEqualTo("RETURNED");

        annualRecord(id, 58000, "1");
        AtomicReference<String> resubmitted = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            var again = clerk.post("/api/v1/households/" + id + "/exit-requests", Map.of("year", 2020));
            resubmitted.set(again.statusCode() == 202 ? Api.json(again).get("id").asString() : null);
            return again.statusCode() == 202;
        });
        assertThat(resubmitted.get()).isEqualTo(requestId);
        assertThat(caseOf(id, "POVERTY_EXIT", 2)).isEqualTo(exitCase);
        JsonNode round2 = Api.json(city.get("/api/v1/reviews/" + exitCase));
        assertThat(round2.get("submissions")).hasSize(2);
        assertThat(round2.get("snapshot").get("perCapitaIncome").asString())
                .isNotEqualTo(round2.get("submissions").get(0).get("snapshot").get("perCapitaIncome").asString());
        approveAtEveryLevel(exitCase);
        awaitStatus(id, "EXITED");

        markNotEnjoyingPolicy(id);
        var confirm = clerk.post("/api/v1/households/" + id + "/policy-verification",
                Map.of("verification", "CONFIRM", "year", 2020));
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(202);
        approveAtEveryLevel(caseOf(id, "POLICY_CONFIRMATION", 1));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> "CONFIRMED"
                .equals(household(id).path("policyVerification").asString()));

        var back = clerk.post("/api/v1/households/" + id + "/return-requests", Map.of("year", 2020,
                "causes", List.of("01")));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(202);
        approveAtEveryLevel(caseOf(id, "RETURN_TO_POVERTY", 1));
        awaitStatus(id, "RETURNED");
    }

    @Test
    void aNotEnjoyingPolicyHouseholdFoundWronglyIdentifiedIsClearedOut() {
        String id = exited();
        markNotEnjoyingPolicy(id);
        var clearOut = clerk.post("/api/v1/households/" + id + "/policy-verification",
                Map.of("verification", "CLEAR_OUT", "year", 2020, "reason", "家庭有经营性车辆，识别不精准"));
        assertThat(clearOut.statusCode()).as(clearOut.body()).isEqualTo(202);
        approveAtEveryLevel(caseOf(id, "POLICY_CLEAR_OUT", 1));
        awaitStatus(id, "CLEARED");
    }

    @Test
    void aRejectedIdentificationLeavesTheCandidateAsItWas() {
        String id = registerCandidate();
        String caseId = caseOf(id, "NEW_IDENTIFICATION", 1);
        notice(caseId);
        decide(clerk, caseId, Map.of("decision", "APPROVE"));
        var sameUser = Api.as("xiyang.clerk").post("/api/v1/reviews/" + caseId + "/decisions",
                Map.of("decision", "APPROVE"));
        assertThat(sameUser.statusCode()).as("a clerk holds no township stage").isEqualTo(409);
        JsonNode rejected = decide(officer, caseId, Map.of("decision", "REJECT", "reasons",
                List.of(Map.of("code", "income-above-line", "text", "家庭人均纯收入明显高于识别标准"))));
        assertThat(rejected.get("state").asString()).isEqualTo("REJECTED");
        assertThat(Api.json(officer.get("/api/v1/reviews/" + caseId)).get("decisions")).hasSize(2);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(household(id).get("status").asString()).isEqualTo("CANDIDATE");
        var other = Api.as("gongchuan.officer").post("/api/v1/reviews/" + caseId + "/decisions",
                Map.of("decision", "APPROVE"));
        assertThat(other.statusCode()).as("another township's officer does not see the case").isEqualTo(404);
    }

    @Test
    void aTownshipWritesOnlyAfterTheCityApprovedItsFunctionOpening() {
        Api gongchuanClerk = Api.as("gongchuan.clerk");
        var closed = gongchuanClerk.post("/api/v1/households", synthetic.next(GONGCHUAN_VILLAGE));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(409);
        assertThat(Api.json(closed).get("code").asString()).isEqualTo("functions-closed");
        assertThat(gongchuanClerk.get("/api/v1/households?areaCode=" + GONGCHUAN_VILLAGE).statusCode())
                .as("reads always work").isEqualTo(200);

        WorkPlanFixture.openTownship(Api.as("gongchuan.officer"), city, today.getYear());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> gongchuanClerk
                .post("/api/v1/households", synthetic.next(GONGCHUAN_VILLAGE)).statusCode() == 201);
    }
}
