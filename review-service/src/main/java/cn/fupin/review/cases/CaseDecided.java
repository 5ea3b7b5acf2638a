package cn.fupin.review.cases;

/**
 * Published inside the deciding transaction for review's own subjects (function requests), whose owner is this
 * service: listeners apply the outcome atomically with the decision.
 */
public record CaseDecided(ReviewCase reviewCase, ReviewCase.Outcome outcome) {
}
