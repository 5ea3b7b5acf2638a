package cn.fupin.review.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.fupin.platform.security.AreaScope;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.domain.RuleViolation;
import cn.fupin.platform.web.ApiException;
import cn.fupin.review.cases.Publicity.Appraisal;
import cn.fupin.review.cases.Publicity.Objection;
import cn.fupin.review.cases.StageDecision.Reason;

/** The guards of a stage decision, one by one, on the case itself. */
class ReviewCaseTests {

    static final String VILLAGE = "350481100201";
    static final LocalDate TODAY = LocalDate.of(2020, 11, 10);
    static final Instant NOW = Instant.parse("2020-11-10T02:00:00Z");

    final Caller clerk = caller("clerk-1", "village-clerk", VILLAGE);
    final Caller township = caller("officer-1", "township-officer", "350481100");
    final Caller city = caller("city-1", "city-officer", "350481");
    final Publicity notice = publicity(LocalDate.of(2020, 11, 1), LocalDate.of(2020, 11, 7), List.of());

    static Caller caller(String user, String role, String area) {
        return new Caller(user, user, Set.of(role), AreaScope.of(area));
    }

    static Publicity publicity(LocalDate start, LocalDate end, List<Objection> objections) {
        return new Publicity(1, new Appraisal(start.minusDays(1), 35, "AGREED", null), start, end, null, objections,
                "clerk-1", NOW);
    }

    static ReviewCase exitCase() {
        return ReviewCase.open(CaseType.POVERTY_EXIT, UUID.randomUUID().toString(), VILLAGE, 2020, UUID.randomUUID(),
                List.of(Stage.VILLAGE, Stage.TOWNSHIP, Stage.CITY), "张三", "clerk-1", NOW);
    }

    ReviewCase.Outcome decide(ReviewCase c, Caller who, Decision decision, String comment) {
        return c.decide(who, null, decision, comment, List.of(), notice, () -> 7, NOW, TODAY);
    }

    static String code(Runnable action) {
        try {
            action.run();
        }
        catch (RuleViolation ex) {
            return ApiException.statusOf(ex).value() + " " + ex.code();
        }
        throw new AssertionError("no refusal");
    }

    @Test
    void passesItsStagesInOrderAndIsApprovedAtTheLast() {
        ReviewCase c = exitCase();
        assertThat(decide(c, clerk, Decision.APPROVE, null)).isEqualTo(ReviewCase.Outcome.ADVANCED);
        assertThat(c.currentStage()).isEqualTo(Stage.TOWNSHIP);
        assertThat(decide(c, township, Decision.APPROVE, "核实无误")).isEqualTo(ReviewCase.Outcome.ADVANCED);
        assertThat(decide(c, city, Decision.APPROVE, null)).isEqualTo(ReviewCase.Outcome.APPROVED);
        assertThat(c.state()).isEqualTo(CaseState.APPROVED);
        assertThat(c.currentStage()).isNull();
        assertThat(c.decisionsOfThisRound()).extracting(StageDecision::stage)
                .containsExactly(Stage.VILLAGE, Stage.TOWNSHIP, Stage.CITY);
        assertThat(code(() -> decide(c, city, Decision.APPROVE, null))).isEqualTo("409 case-closed");
    }

    @Test
    void aHigherStageNeverDecidesBeforeTheLowerHasApproved() {
        ReviewCase c = exitCase();
        assertThat(code(() -> decide(c, city, Decision.APPROVE, null))).isEqualTo("409 stage-not-reached");
        assertThat(code(() -> decide(c, township, Decision.REJECT, "不符合"))).isEqualTo("409 stage-not-reached");
        assertThat(c.decisions()).isEmpty();
    }

    @Test
    void onlyTheStagesRoleOfTheStagesAreaDecides() {
        ReviewCase c = exitCase();
        Caller otherVillagesClerk = caller("clerk-9", "village-clerk", "350481100202");
        Caller auditor = caller("audit-1", "auditor", "350481");
        assertThat(code(() -> decide(c, otherVillagesClerk, Decision.APPROVE, null))).isEqualTo("404 not-found");
        assertThat(code(() -> decide(c, auditor, Decision.APPROVE, null))).isEqualTo("403 wrong-stage-role");
        assertThat(code(() -> c.decide(township, Stage.VILLAGE, Decision.APPROVE, null, List.of(), notice, () -> 7, NOW,
                TODAY))).isEqualTo("403 wrong-stage-role");
        decide(c, clerk, Decision.APPROVE, null);
        Caller otherTownship = caller("officer-9", "township-officer", "350481101");
        assertThat(code(() -> decide(c, otherTownship, Decision.APPROVE, null))).isEqualTo("404 not-found");
    }

    @Test
    void theSameUserDecidesNoTwoStagesOfOneCase() {
        ReviewCase c = exitCase();
        decide(c, clerk, Decision.APPROVE, null);
        Caller sameUserAsOfficer = caller("clerk-1", "township-officer", "350481100");
        assertThat(code(() -> decide(c, sameUserAsOfficer, Decision.APPROVE, null))).isEqualTo("409 same-reviewer");
        assertThat(c.currentStage()).isEqualTo(Stage.TOWNSHIP);
    }

    @Test
    void theVillageStagePassesOnlyAfterAnAgreedAppraisalAndAFullNoticeWithEveryObjectionHandled() {
        ReviewCase c = exitCase();
        assertThat(code(() -> c.decide(clerk, null, Decision.APPROVE, null, List.of(), null, () -> 7, NOW, TODAY)))
                .isEqualTo("409 publicity-incomplete");
        Publicity tooShort = publicity(LocalDate.of(2020, 11, 1), LocalDate.of(2020, 11, 6), List.of());
        assertThat(code(() -> c.decide(clerk, null, Decision.APPROVE, null, List.of(), tooShort, () -> 7, NOW, TODAY)))
                .isEqualTo("409 publicity-incomplete");
        Publicity running = publicity(LocalDate.of(2020, 11, 4), LocalDate.of(2020, 11, 10), List.of());
        assertThat(code(() -> c.decide(clerk, null, Decision.APPROVE, null, List.of(), running, () -> 7, NOW, TODAY)))
                .isEqualTo("409 publicity-incomplete");
        Publicity objected = publicity(LocalDate.of(2020, 11, 1), LocalDate.of(2020, 11, 7),
                List.of(new Objection(LocalDate.of(2020, 11, 3), "家中有轿车", null)));
        assertThat(code(() -> c.decide(clerk, null, Decision.APPROVE, null, List.of(), objected, () -> 7, NOW, TODAY)))
                .isEqualTo("409 publicity-incomplete");
        Publicity disagreed = new Publicity(1, new Appraisal(LocalDate.of(2020, 10, 30), 30, "DISAGREED", null),
                LocalDate.of(2020, 11, 1), LocalDate.of(2020, 11, 7), null, List.of(), "clerk-1", NOW);
        assertThat(code(() -> c.decide(clerk, null, Decision.APPROVE, null, List.of(), disagreed, () -> 7, NOW, TODAY)))
                .isEqualTo("409 publicity-incomplete");
        Publicity handled = publicity(LocalDate.of(2020, 11, 1), LocalDate.of(2020, 11, 7),
                List.of(new Objection(LocalDate.of(2020, 11, 3), "家中有轿车", "经核实为亲属车辆，异议不成立")));
        assertThat(c.decide(clerk, null, Decision.APPROVE, null, List.of(), handled, () -> 7, NOW, TODAY))
                .isEqualTo(ReviewCase.Outcome.ADVANCED);
    }

    @Test
    void aRejectionOrAReturnSaysWhy() {
        ReviewCase c = exitCase();
        assertThat(code(() -> decide(c, clerk, Decision.REJECT, " "))).isEqualTo("400 validation-failed");
        assertThat(code(() -> decide(c, clerk, Decision.RETURN, null))).isEqualTo("400 validation-failed");
        assertThat(c.decide(clerk, null, Decision.REJECT, null, List.of(new Reason("income", "收入未达标")), notice, () -> 7,
                NOW, TODAY)).isEqualTo(ReviewCase.Outcome.REJECTED);
        assertThat(c.state()).isEqualTo(CaseState.REJECTED);
    }

    @Test
    void aReturnedCaseWaitsForItsSubmitterAndStartsAgainFromTheFirstStage() {
        ReviewCase c = exitCase();
        decide(c, clerk, Decision.APPROVE, null);
        assertThat(decide(c, township, Decision.RETURN, "家庭人口与户籍不符，请核实")).isEqualTo(ReviewCase.Outcome.RETURNED);
        assertThat(c.state()).isEqualTo(CaseState.RETURNED);
        assertThat(code(() -> decide(c, township, Decision.APPROVE, null))).isEqualTo("409 case-returned");
        c.resubmit("张三", NOW.plusSeconds(60));
        assertThat(c.round()).isEqualTo(2);
        assertThat(c.currentStage()).isEqualTo(Stage.VILLAGE);
        assertThat(c.decisionsOfThisRound()).isEmpty();
        assertThat(c.decisions()).hasSize(2);
    }

    @Test
    void aStageTheCaseTypeDoesNotPassIsABadRequest() {
        ReviewCase c = ReviewCase.open(CaseType.FUNCTION_OPENING, UUID.randomUUID().toString(), "350481100", 2020,
                UUID.randomUUID(), List.of(Stage.CITY), null, "officer-1", NOW);
        assertThat(code(() -> c.decide(city, Stage.VILLAGE, Decision.APPROVE, null, List.of(), null, () -> 7, NOW, TODAY)))
                .isEqualTo("400 validation-failed");
        assertThat(c.decide(city, null, Decision.APPROVE, null, List.of(), null, () -> 7, NOW, TODAY))
                .isEqualTo(ReviewCase.Outcome.APPROVED);
    }
}
