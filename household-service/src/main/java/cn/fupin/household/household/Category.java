package cn.fupin.household.household;

/** What kind of target a household is. */
public enum Category {
    /** 建档立卡户: registered in the national poverty registry (poor, exited or candidate). */
    REGISTERED,
    /** 边缘易致贫户: marginal household at risk of falling into poverty. */
    MARGINAL
}
