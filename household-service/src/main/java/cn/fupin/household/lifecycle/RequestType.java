package cn.fupin.household.lifecycle;

/** Status changes that only a review (village → township → city) can make. */
public enum RequestType {
    /** 新识别. */
    NEW_IDENTIFICATION,
    /** 脱贫退出. */
    POVERTY_EXIT,
    /** 返贫. */
    RETURN_TO_POVERTY,
    /** 脱贫不享受政策户确认标注. */
    POLICY_CONFIRMATION,
    /** 脱贫不享受政策户清退. */
    POLICY_CLEAR_OUT
}
