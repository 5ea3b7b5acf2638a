package cn.fupin.contracts.rules;

/**
 * “两不愁三保障”, as the services name each guarantee: its field in the APIs and events
 * ({@code basicNeeds.<property>}), the national indicator that shows it and what its absence means. Exit (脱贫退出)
 * and risk elimination (风险消除) both require all four (国务院扶贫办 exit rules; the 2020 work plan).
 */
public enum BasicNeed {

    /** 义务教育有保障: no member of compulsory-school age has dropped out (A14 辍学原因 empty). */
    NO_COMPULSORY_EDUCATION_DROPOUT("noCompulsoryEducationDropout", "A14", "义务教育"),
    /** 基本医疗有保障: every member is in the basic medical insurance (A17). */
    BASIC_MEDICAL_INSURANCE("basicMedicalInsurance", "A17", "基本医疗"),
    /** 住房安全有保障: the house is not a C or D grade dangerous house (A40). */
    SAFE_HOUSING("safeHousing", "A40", "住房安全"),
    /** 饮水安全有保障 (A44). */
    SAFE_DRINKING_WATER("safeDrinkingWater", "A44", "饮水安全");

    private final String property;
    private final String indicator;
    private final String label;

    BasicNeed(String property, String indicator, String label) {
        this.property = property;
        this.indicator = indicator;
        this.label = label;
    }

    /** The field path in APIs and events, e.g. {@code basicNeeds.safeHousing}. */
    public String field() {
        return "basicNeeds." + property;
    }

    public String indicator() {
        return indicator;
    }

    /** The guarantee's Chinese name, e.g. 住房安全. */
    public String label() {
        return label;
    }
}
