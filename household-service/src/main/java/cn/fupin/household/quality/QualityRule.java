package cn.fupin.household.quality;

import java.util.List;

/** One data-quality rule of the national list (问题数据规则). */
public interface QualityRule {

    /** Stable code, e.g. {@code one-head}. */
    String code();

    /** The Chinese title shown on problem lists, e.g. 户主人数不为一. */
    String title();

    Severity severity();

    /** Every problem the rule finds in the household; empty when it holds. */
    List<Finding> check(HouseholdFacts facts);
}
