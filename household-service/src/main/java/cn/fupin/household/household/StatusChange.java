package cn.fupin.household.household;

import java.util.EnumSet;
import java.util.Set;

/** The status changes review decides, with the statuses each starts from (the work plan's dynamic adjustment). */
public enum StatusChange {

    /** 新识别: a candidate becomes a registered poor household. */
    IDENTIFICATION(EnumSet.of(PovertyStatus.CANDIDATE), PovertyStatus.POOR, "HouseholdIdentified"),
    /** 脱贫退出. */
    EXIT(EnumSet.of(PovertyStatus.POOR, PovertyStatus.RETURNED), PovertyStatus.EXITED, "HouseholdExited"),
    /** 返贫. */
    RETURN(EnumSet.of(PovertyStatus.EXITED), PovertyStatus.RETURNED, "HouseholdReturnedToPoverty"),
    /** 脱贫不享受政策户确认标注: rightly identified, stays exited, its data confirmed. */
    CONFIRMATION(EnumSet.of(PovertyStatus.EXITED), PovertyStatus.EXITED, "HouseholdConfirmed"),
    /** 脱贫不享受政策户清退: wrongly identified, cleared out. */
    CLEAR_OUT(EnumSet.of(PovertyStatus.EXITED), PovertyStatus.CLEARED, "HouseholdCleared");

    private final Set<PovertyStatus> from;
    private final PovertyStatus to;
    private final String eventName;

    StatusChange(Set<PovertyStatus> from, PovertyStatus to, String eventName) {
        this.from = from;
        this.to = to;
        this.eventName = eventName;
    }

    public Set<PovertyStatus> from() {
        return from;
    }

    public PovertyStatus to() {
        return to;
    }

    public String eventName() {
        return eventName;
    }

    /** Whether the change answers the verification of a “脱贫不享受政策” household. */
    public boolean verifiesPolicy() {
        return this == CONFIRMATION || this == CLEAR_OUT;
    }
}
