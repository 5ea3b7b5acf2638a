package cn.fupin.review.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;

import cn.fupin.platform.domain.FieldError;
import cn.fupin.platform.domain.RuleViolation;
import cn.fupin.platform.security.Caller;
import cn.fupin.review.cases.StageDecision.Reason;

/**
 * A review case (审核案件): a request passing its configured stages in order. Each stage is decided once per
 * submission round, by the role and area that stage belongs to; a return sends the case back to its submitter,
 * whose resubmission starts a new round from the first stage. Decisions are only ever added.
 */
public class ReviewCase {

    private final UUID id;
    private final CaseType type;
    private final String subjectId;
    private final String areaCode;
    private final int year;
    private final UUID requestId;
    private final List<Stage> stages;
    private final String submittedBy;
    private final Instant openedAt;
    private final List<StageDecision> decisions;
    private Stage currentStage;
    private CaseState state;
    private int round;
    private String headName;
    private Instant stageEnteredAt;
    private Instant closedAt;
    private final int version;

    public ReviewCase(UUID id, CaseType type, String subjectId, String areaCode, int year, UUID requestId,
            List<Stage> stages, Stage currentStage, CaseState state, int round, String headName, String submittedBy,
            Instant openedAt, Instant stageEnteredAt, Instant closedAt, int version, List<StageDecision> decisions) {
        this.id = id;
        this.type = type;
        this.subjectId = subjectId;
        this.areaCode = areaCode;
        this.year = year;
        this.requestId = requestId;
        this.stages = List.copyOf(stages);
        this.currentStage = currentStage;
        this.state = state;
        this.round = round;
        this.headName = headName;
        this.submittedBy = submittedBy;
        this.openedAt = openedAt;
        this.stageEnteredAt = stageEnteredAt;
        this.closedAt = closedAt;
        this.version = version;
        this.decisions = new ArrayList<>(decisions);
    }

    /** A new case at its first stage, round 1. */
    public static ReviewCase open(CaseType type, String subjectId, String areaCode, int year, UUID requestId,
            List<Stage> stages, String headName, String submittedBy, Instant now) {
        return new ReviewCase(UUID.randomUUID(), type, subjectId, areaCode, year, requestId, stages, stages.getFirst(),
                CaseState.IN_REVIEW, 1, headName, submittedBy, now, now, null, 0, List.of());
    }

    /** How a decision left the case. */
    public enum Outcome {
        /** Approved at a stage, waiting at the next one. */
        ADVANCED,
        /** Approved at the last stage: the request is granted. */
        APPROVED,
        /** Refused for good. */
        REJECTED,
        /** Back with the submitter for correction. */
        RETURNED
    }

    /**
     * Decides the current stage for the caller. The stage is the one the caller names, or the case's stage the
     * caller's role decides. Guards: the case is in review; the caller holds that stage's role (403) for exactly the
     * stage's area (404: the case is none of theirs); the stage is the current one (a higher stage never decides
     * before the lower has approved); nobody decides two stages of one case; a refusal or return says why; the
     * village stage passes only after its appraisal agreed and its notice period ended with every objection handled.
     */
    public Outcome decide(Caller caller, Stage named, Decision decision, String comment, List<Reason> reasons,
            Publicity publicity, IntSupplier minNoticeDays, Instant now, LocalDate today) {
        requireInReview();
        Stage stage = named != null ? named : stages.stream().filter(s -> caller.has(s.role())).findFirst()
                .orElseThrow(() -> RuleViolation.forbidden("wrong-stage-role", "无权决定该案件",
                        "调用者的角色不对应本案件的任何审核环节（" + stageLabels() + "）"));
        if (!stages.contains(stage)) {
            throw RuleViolation.invalid(List.of(new FieldError("stage", null, "本类案件不经过“" + stage.label() + "”环节")));
        }
        if (!caller.has(stage.role())) {
            throw RuleViolation.forbidden("wrong-stage-role", "无权决定该环节",
                    "“" + stage.label() + "”环节须由 " + stage.role().realmRole() + " 决定");
        }
        if (!stage.decidableBy(caller, areaCode)) {
            throw RuleViolation.notFound("审核案件", id);
        }
        if (stage != currentStage) {
            if (stages.indexOf(stage) > stages.indexOf(currentStage)) {
                throw RuleViolation.conflict("stage-not-reached",
                        "案件当前在“" + currentStage.label() + "”环节，该环节通过后才能进行“" + stage.label() + "”");
            }
            throw RuleViolation.conflict("stage-already-decided", "“" + stage.label() + "”环节本轮已经通过");
        }
        decisions.stream().filter(d -> d.decidedBy().equals(caller.userId()) && d.stage() != stage).findFirst()
                .ifPresent(d -> {
                    throw RuleViolation.conflict("same-reviewer",
                            "同一用户不能决定同一案件的两个环节：已在“" + d.stage().label() + "”环节作出决定");
                });
        boolean explained = (comment != null && !comment.isBlank()) || (reasons != null && !reasons.isEmpty());
        if (decision != Decision.APPROVE && !explained) {
            throw RuleViolation.invalid(List.of(new FieldError("reasons", null, "驳回或退回须写明理由")));
        }
        if (stage == Stage.VILLAGE && decision == Decision.APPROVE) {
            requirePublicityComplete(publicity, minNoticeDays.getAsInt(), today);
        }
        decisions.add(new StageDecision(round, stage, decision, caller.userId(), caller.username(), now, comment,
                reasons));
        return switch (decision) {
            case APPROVE -> advance(now);
            case REJECT -> close(CaseState.REJECTED, now, Outcome.REJECTED);
            case RETURN -> {
                state = CaseState.RETURNED;
                currentStage = null;
                stageEnteredAt = now;
                yield Outcome.RETURNED;
            }
        };
    }

    /** Checks that the caller may record the village stage's appraisal and notice now. */
    public void requirePublicityRecordableBy(Caller caller) {
        requireInReview();
        if (!stages.contains(Stage.VILLAGE)) {
            throw RuleViolation.conflict("no-village-stage", "本类案件不经过村级民主评议与公示");
        }
        if (!caller.has(Stage.VILLAGE.role())) {
            throw RuleViolation.forbidden("wrong-stage-role", "无权录入评议与公示",
                    "村级民主评议与公示由本村信息员（village-clerk）录入");
        }
        if (!Stage.VILLAGE.decidableBy(caller, areaCode)) {
            throw RuleViolation.notFound("审核案件", id);
        }
        if (currentStage != Stage.VILLAGE) {
            throw RuleViolation.conflict("stage-passed", "案件已离开村级环节，评议与公示不能再修改");
        }
    }

    /** The submitter's corrected request: a new round from the first stage. */
    public void resubmit(String newHeadName, Instant now) {
        if (state != CaseState.RETURNED) {
            throw new IllegalStateException("case " + id + " is " + state + ", not returned");
        }
        round++;
        state = CaseState.IN_REVIEW;
        currentStage = stages.getFirst();
        stageEnteredAt = now;
        if (newHeadName != null) {
            headName = newHeadName;
        }
    }

    /** The decisions of the current round, in order: what an outcome event carries. */
    public List<StageDecision> decisionsOfThisRound() {
        return decisions.stream().filter(d -> d.round() == round).toList();
    }

    public StageDecision lastDecision() {
        return decisions.getLast();
    }

    private Outcome advance(Instant now) {
        int next = stages.indexOf(currentStage) + 1;
        if (next == stages.size()) {
            return close(CaseState.APPROVED, now, Outcome.APPROVED);
        }
        currentStage = stages.get(next);
        stageEnteredAt = now;
        return Outcome.ADVANCED;
    }

    private Outcome close(CaseState finalState, Instant now, Outcome outcome) {
        state = finalState;
        currentStage = null;
        stageEnteredAt = null;
        closedAt = now;
        return outcome;
    }

    private void requireInReview() {
        if (state.closed()) {
            throw RuleViolation.conflict("case-closed", "案件已办结（" + (state == CaseState.APPROVED ? "通过" : "驳回") + "），不能再作决定");
        }
        if (state == CaseState.RETURNED) {
            throw RuleViolation.conflict("case-returned", "案件已退回提交方修改，待重新报审");
        }
    }

    private static void requirePublicityComplete(Publicity publicity, int minNoticeDays, LocalDate today) {
        if (publicity == null) {
            throw RuleViolation.conflict("publicity-incomplete", "尚未录入本轮的民主评议和公示，村级环节不能通过");
        }
        if (!publicity.appraisal().agreed()) {
            throw RuleViolation.conflict("publicity-incomplete", "民主评议结果为不同意，村级环节不能通过");
        }
        if (publicity.noticeDays() < minNoticeDays) {
            throw RuleViolation.conflict("publicity-incomplete",
                    "公示 " + publicity.noticeDays() + " 天，少于规定的 " + minNoticeDays + " 天");
        }
        if (!publicity.noticeEndedBy(today)) {
            throw RuleViolation.conflict("publicity-incomplete",
                    "公示期至 " + publicity.noticeEnd() + " 结束，公示期满后村级环节方可通过");
        }
        if (!publicity.unhandled().isEmpty()) {
            throw RuleViolation.conflict("publicity-incomplete",
                    "公示期间的 " + publicity.unhandled().size() + " 项异议尚未写明处理情况");
        }
    }

    private String stageLabels() {
        return String.join("、", stages.stream().map(Stage::label).toList());
    }

    public UUID id() {
        return id;
    }

    public CaseType type() {
        return type;
    }

    public String subjectId() {
        return subjectId;
    }

    public String areaCode() {
        return areaCode;
    }

    public int year() {
        return year;
    }

    public UUID requestId() {
        return requestId;
    }

    public List<Stage> stages() {
        return stages;
    }

    public Stage currentStage() {
        return currentStage;
    }

    public CaseState state() {
        return state;
    }

    public int round() {
        return round;
    }

    public String headName() {
        return headName;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant stageEnteredAt() {
        return stageEnteredAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public int version() {
        return version;
    }

    public List<StageDecision> decisions() {
        return List.copyOf(decisions);
    }
}
