package cn.fupin.platform.security;

/** The Keycloak realm roles of Fupin; each maps to the Spring authority {@code ROLE_<name>}. */
public enum Role {

    /** 村级信息员: collects and enters the data of one village. */
    VILLAGE_CLERK("village-clerk"),
    /** 乡镇审核员: reviews within one township. */
    TOWNSHIP_OFFICER("township-officer"),
    /** 市扶贫办: the city office. */
    CITY_OFFICER("city-officer"),
    /** 审计: reads everything within its area, changes nothing. */
    AUDITOR("auditor"),
    /** 行业部门: supplies policy and fund data. */
    DEPT_PROVIDER("dept-provider");

    private final String realmRole;

    Role(String realmRole) {
        this.realmRole = realmRole;
    }

    public String realmRole() {
        return realmRole;
    }

    public String authority() {
        return "ROLE_" + realmRole;
    }
}
