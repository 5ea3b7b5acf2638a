package cn.fupin.household.household;

/** Where a household stands in the poverty lifecycle; changes only through review (village → township → city). */
public enum PovertyStatus {
    /** 待识别: a new-identification candidate under review. */
    CANDIDATE,
    /** 贫困户: an identified poor household. */
    POOR,
    /** 已脱贫: exited poverty. */
    EXITED,
    /** 返贫: returned to poverty. */
    RETURNED,
    /** 已清退: cleared out as wrongly identified. */
    CLEARED,
    /** 边缘户: a marginal household, outside the poverty lifecycle. */
    MARGINAL;

    /** The status a newly registered household starts in. */
    static PovertyStatus initialFor(Category category) {
        return category == Category.MARGINAL ? MARGINAL : CANDIDATE;
    }
}
