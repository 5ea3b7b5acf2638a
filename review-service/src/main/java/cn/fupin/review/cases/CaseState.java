package cn.fupin.review.cases;

/** Where a case stands: in review at a stage, back with its submitter, or decided for good. */
public enum CaseState {
    IN_REVIEW, RETURNED, APPROVED, REJECTED;

    public boolean closed() {
        return this == APPROVED || this == REJECTED;
    }
}
