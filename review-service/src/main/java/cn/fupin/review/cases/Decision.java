package cn.fupin.review.cases;

/** What a stage decides: pass the case on, refuse it for good, or send it back for correction. */
public enum Decision {
    APPROVE, REJECT, RETURN
}
