package cn.fupin.e2e;

import static cn.fupin.e2e.WorkPlanFixture.APPLIED;
import static cn.fupin.e2e.WorkPlanFixture.EXIT_REQUEST;
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

import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.contracts.household.model.HouseholdCategory;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
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
    static final SyntheticHouseholds synthetic = WorkPlanFixture.SYNTHETIC;

    final Reviewers reviewers = new Reviewers();
    final Households households = new Households(reviewers, VILLAGE);
    final Api clerk = reviewers.clerk;
    final Api officer = reviewers.officer;
    final Api city = reviewers.city;
    final LocalDate today = LocalDate.now(WorkYear.ZONE);

    @BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    @Test
    void anIdentifiedHouseholdExitsAfterARefusalAndACorrectionIsConfirmedAndReturnsToPoverty() {
        String id = households.identified();

        households.annualRecord(id, 1000, "4");
        var refused = clerk.post("/api/v1/households/" + id + "/exit-requests", EXIT_REQUEST);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(Api.json(refused).get("errors").findValuesAsString("field"))
                .contains("perCapitaIncome", "basicNeeds.safeHousing");

        households.annualRecord(id, 60000, "1");
        var requested = clerk.post("/api/v1/households/" + id + "/exit-requests", EXIT_REQUEST);
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        String requestId = Api.json(requested).get("id").asString();
        String exitCase = reviewers.caseOf(id, "POVERTY_EXIT", 1);
        reviewers.notice(exitCase);
        reviewers.decide(clerk, exitCase, Map.of("decision", "APPROVE"));
        var tooEarly = city.post("/api/v1/reviews/" + exitCase + "/decisions", Map.of("decision", "APPROVE"));
        assertThat(tooEarly.statusCode()).isEqualTo(409);
        assertThat(Api.json(tooEarly).get("code").asString()).isEqualTo("stage-not-reached");
        assertThat(reviewers.decide(officer, exitCase, Map.of("decision", "RETURN", "reasons",
                List.of(Map.of("text", "工资性收入须附务工证明，请补录后重新报审")))).get("state").asString())
                .isEqualTo("RETURNED");

        households.annualRecord(id, 58000, "1");
        AtomicReference<String> resubmitted = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            var again = clerk.post("/api/v1/households/" + id + "/exit-requests", EXIT_REQUEST);
            resubmitted.set(again.statusCode() == 202 ? Api.json(again).get("id").asString() : null);
            return again.statusCode() == 202;
        });
        assertThat(resubmitted.get()).isEqualTo(requestId);
        assertThat(reviewers.caseOf(id, "POVERTY_EXIT", 2)).isEqualTo(exitCase);
        JsonNode round2 = Api.json(city.get("/api/v1/reviews/" + exitCase));
        assertThat(round2.get("submissions")).hasSize(2);
        assertThat(round2.get("snapshot").get("perCapitaIncome").asString())
                .isNotEqualTo(round2.get("submissions").get(0).get("snapshot").get("perCapitaIncome").asString());
        reviewers.approveAtEveryLevel(exitCase);
        households.awaitStatus(id, "EXITED");

        households.markNotEnjoyingPolicy(id);
        var confirm = clerk.post("/api/v1/households/" + id + "/policy-verification",
                Map.of("verification", "CONFIRM", "year", YEAR, "appliedOn", APPLIED));
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(202);
        reviewers.approveAtEveryLevel(reviewers.caseOf(id, "POLICY_CONFIRMATION", 1));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> "CONFIRMED"
                .equals(households.household(id).path("policyVerification").asString()));

        var back = clerk.post("/api/v1/households/" + id + "/return-requests",
                Map.of("year", YEAR, "appliedOn", APPLIED, "causes", List.of("01")));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(202);
        reviewers.approveAtEveryLevel(reviewers.caseOf(id, "RETURN_TO_POVERTY", 1));
        households.awaitStatus(id, "RETURNED");
    }

    @Test
    void aNotEnjoyingPolicyHouseholdFoundWronglyIdentifiedIsClearedOut() {
        String id = households.exited();
        households.markNotEnjoyingPolicy(id);
        var clearOut = clerk.post("/api/v1/households/" + id + "/policy-verification",
                Map.of("verification", "CLEAR_OUT", "year", YEAR, "appliedOn", APPLIED,
                        "reason", "家庭有经营性车辆，识别不精准"));
        assertThat(clearOut.statusCode()).as(clearOut.body()).isEqualTo(202);
        reviewers.approveAtEveryLevel(reviewers.caseOf(id, "POLICY_CLEAR_OUT", 1));
        households.awaitStatus(id, "CLEARED");
    }

    @Test
    void aRejectedIdentificationLeavesTheCandidateAsItWas() {
        String id = households.registerCandidate();
        String caseId = reviewers.caseOf(id, "NEW_IDENTIFICATION", 1);
        reviewers.notice(caseId);
        reviewers.decide(clerk, caseId, Map.of("decision", "APPROVE"));
        var sameUser = Api.as("xiyang.clerk").post("/api/v1/reviews/" + caseId + "/decisions",
                Map.of("decision", "APPROVE"));
        assertThat(sameUser.statusCode()).as("a clerk holds no township stage").isEqualTo(409);
        JsonNode rejected = reviewers.decide(officer, caseId, Map.of("decision", "REJECT", "reasons",
                List.of(Map.of("code", "income-above-line", "text", "家庭人均纯收入明显高于识别标准"))));
        assertThat(rejected.get("state").asString()).isEqualTo("REJECTED");
        assertThat(Api.json(officer.get("/api/v1/reviews/" + caseId)).get("decisions")).hasSize(2);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(households.household(id).get("status").asString()).isEqualTo("CANDIDATE");
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
