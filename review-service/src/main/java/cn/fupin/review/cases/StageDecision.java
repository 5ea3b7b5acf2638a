package cn.fupin.review.cases;

import java.time.Instant;
import java.util.List;

/** One stage's decision in one submission round: who, when, what and why. */
public record StageDecision(int round, Stage stage, Decision decision, String decidedBy, String decidedByName,
        Instant decidedAt, String comment, List<Reason> reasons) {

    public StageDecision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** A reason for a rejection or a return: optional stable code, Chinese text. */
    public record Reason(String code, String text) {
    }
}
