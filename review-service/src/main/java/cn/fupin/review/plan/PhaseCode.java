package cn.fupin.review.plan;

/** The phases of the year's work (工作安排), and whether townships with opened functions write in them. */
public enum PhaseCode {

    FIELD_WORK("入户调整采集", false),
    REPORT_AND_FUNCTION_OPENING("书面报告与功能开通申请", false),
    DATA_ENTRY("数据录入", true),
    SELF_CHECK("数据自查", true),
    FIELD_VERIFICATION("问题数据实地核实", true),
    CORRECTION("问题数据整改", true),
    SUMMARY("工作总结", true);

    private final String label;
    private final boolean writable;

    PhaseCode(String label, boolean writable) {
        this.label = label;
        this.writable = writable;
    }

    public String label() {
        return label;
    }

    public boolean writable() {
        return writable;
    }
}
