package cn.fupin.household.quality;

/** How a broken rule is treated (domain.md, "National data-quality rules"). */
public enum Severity {
    /** Refused when the data is written. */
    BLOCKING,
    /** A problem item (问题数据) on the self-check list, verified in the field and corrected. */
    FINDING
}
