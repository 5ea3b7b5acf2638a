package cn.fupin.household.lifecycle;

import java.util.Arrays;
import java.util.Optional;

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
    POLICY_CLEAR_OUT;

    /** The request type of a review case type; review's other case types (monitoring, functions) have none. */
    static Optional<RequestType> ofCaseType(String caseType) {
        return Arrays.stream(values()).filter(type -> type.name().equals(caseType)).findFirst();
    }
}
