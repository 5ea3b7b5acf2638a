package cn.fupin.review.cases;

import cn.fupin.platform.security.Caller;
import cn.fupin.platform.security.Role;

/**
 * A review stage and who decides it: the clerk of the case's village (民主评议与公示), an officer of its township
 * (乡镇审核), the city office (市扶贫办复核备案). Each stage belongs to the area of its level that contains the case.
 */
public enum Stage {

    VILLAGE(Role.VILLAGE_CLERK, 12, "村级民主评议与公示"),
    TOWNSHIP(Role.TOWNSHIP_OFFICER, 9, "乡镇审核"),
    CITY(Role.CITY_OFFICER, 6, "市扶贫办复核备案");

    private final Role role;
    private final int areaLength;
    private final String label;

    Stage(Role role, int areaLength, String label) {
        this.role = role;
        this.areaLength = areaLength;
        this.label = label;
    }

    public Role role() {
        return role;
    }

    public String label() {
        return label;
    }

    /** The area of this stage's level that contains the case's area (a township case has no village stage). */
    public String areaOf(String caseArea) {
        return caseArea.length() < areaLength ? caseArea : caseArea.substring(0, areaLength);
    }

    /** Whether the caller holds this stage's role for exactly this stage's area of the case. */
    public boolean decidableBy(Caller caller, String caseArea) {
        return caller.has(role) && caller.scope().prefix().equals(areaOf(caseArea));
    }

    /** The stage a caller's role decides, if any. */
    public static java.util.Optional<Stage> ofRole(Caller caller) {
        for (Stage stage : values()) {
            if (caller.has(stage.role)) {
                return java.util.Optional.of(stage);
            }
        }
        return java.util.Optional.empty();
    }
}
