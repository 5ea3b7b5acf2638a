package cn.fupin.monitoring.warnings;

/** What can put a watched household on the early-warning list. */
public enum Trigger {

    INCOME_BELOW_MONITORING_LINE("年度人均纯收入低于监测线"),
    MEMBER_DECEASED("家庭成员去世"),
    MEMBER_SERIOUSLY_ILL("家庭成员新患大病"),
    MEMBER_DISABLED("家庭成员新增残疾"),
    DISASTER("因灾");

    private final String label;

    Trigger(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
