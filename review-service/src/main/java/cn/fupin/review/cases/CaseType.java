package cn.fupin.review.cases;

/** What a case decides, and the kind of subject whose owner applies the outcome. */
public enum CaseType {

    NEW_IDENTIFICATION(SubjectType.HOUSEHOLD, "新识别"),
    POVERTY_EXIT(SubjectType.HOUSEHOLD, "脱贫退出"),
    RETURN_TO_POVERTY(SubjectType.HOUSEHOLD, "返贫"),
    MONITORING_INCLUSION(SubjectType.MONITORING_OBJECT, "监测对象纳入"),
    RISK_ELIMINATION(SubjectType.MONITORING_OBJECT, "风险消除"),
    POLICY_CLEAR_OUT(SubjectType.HOUSEHOLD, "脱贫不享受政策户清退"),
    POLICY_CONFIRMATION(SubjectType.HOUSEHOLD, "脱贫不享受政策户确认标注"),
    FUNCTION_OPENING(SubjectType.FUNCTION_REQUEST, "系统功能开通");

    private final SubjectType subjectType;
    private final String label;

    CaseType(SubjectType subjectType, String label) {
        this.subjectType = subjectType;
        this.label = label;
    }

    public SubjectType subjectType() {
        return subjectType;
    }

    public String label() {
        return label;
    }

    /** The subject kinds whose owners apply review outcomes. */
    public enum SubjectType {
        HOUSEHOLD, MONITORING_OBJECT, FUNCTION_REQUEST
    }
}
