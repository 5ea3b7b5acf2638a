package cn.fupin.household.departments;

import java.math.BigDecimal;

import cn.fupin.household.annual.Income;
import cn.fupin.household.household.MemberIndicators;

/**
 * What departments pay or grant and therefore know. Amounts of the year's transfer income (A29a–A29e): 民政 the
 * 低保金 and 特困供养金, 人社 the 养老保险金, 卫健 the 计划生育金, 林业 the 生态补偿金. Flags of a member (A16–A19,
 * A51): 人社 the 养老保险, 医保 the 基本医疗保险, 大病保险 and 医疗救助, 民政 the 低保.
 */
public enum DepartmentField {

    FAMILY_PLANNING_SUBSIDY("A29a", "计划生育金", false),
    MINIMUM_LIVING_ALLOWANCE("A29b", "低保金", false),
    EXTREME_POVERTY_SUPPORT("A29c", "特困供养金", false),
    PENSION("A29d", "养老保险金", false),
    ECOLOGICAL_COMPENSATION("A29e", "生态补偿金", false),
    PENSION_INSURED("A16", "参加城乡居民基本养老保险", true),
    MEDICAL_INSURED("A17", "参加城乡居民基本医疗保险", true),
    CRITICAL_ILLNESS_INSURED("A18", "参加大病保险", true),
    MINIMUM_LIVING("A19", "享受农村居民最低生活保障", true),
    MEDICAL_ASSISTANCE("A51", "接受医疗救助", true);

    private final String indicator;
    private final String label;
    private final boolean flag;

    DepartmentField(String indicator, String label, boolean flag) {
        this.indicator = indicator;
        this.label = label;
        this.flag = flag;
    }

    /** A member's flag (submitted as {@code flag}), not an amount of the year (submitted as {@code amount}). */
    public boolean isFlag() {
        return flag;
    }

    /** The member's flag as entered; null when unfilled. */
    Boolean of(MemberIndicators indicators) {
        return switch (this) {
            case PENSION_INSURED -> indicators.pensionInsured();
            case MEDICAL_INSURED -> indicators.medicalInsured();
            case CRITICAL_ILLNESS_INSURED -> indicators.criticalIllnessInsured();
            case MINIMUM_LIVING -> indicators.minimumLiving();
            case MEDICAL_ASSISTANCE -> indicators.medicalAssistance();
            default -> throw new IllegalStateException(this + " is an amount, not a member's flag");
        };
    }

    /** The member's indicators with this flag set; the others stay. */
    MemberIndicators fill(MemberIndicators m, boolean value) {
        return new MemberIndicators(m.politicalStatus(), m.education(), m.studentStatus(), m.health(),
                m.labourSkill(), m.workArea(), m.workMonths(), m.dropoutReason(), m.speaksMandarin(),
                this == PENSION_INSURED ? value : m.pensionInsured(), this == MEDICAL_INSURED ? value : m.medicalInsured(),
                this == CRITICAL_ILLNESS_INSURED ? value : m.criticalIllnessInsured(),
                this == MINIMUM_LIVING ? value : m.minimumLiving(), m.commercialMedicalInsured(),
                this == MEDICAL_ASSISTANCE ? value : m.medicalAssistance());
    }

    public String indicator() {
        return indicator;
    }

    public String label() {
        return label;
    }

    BigDecimal of(Income income) {
        return switch (this) {
            case FAMILY_PLANNING_SUBSIDY -> income.familyPlanningSubsidy();
            case MINIMUM_LIVING_ALLOWANCE -> income.minimumLivingAllowance();
            case EXTREME_POVERTY_SUPPORT -> income.extremePovertySupport();
            case PENSION -> income.pension();
            case ECOLOGICAL_COMPENSATION -> income.ecologicalCompensation();
            default -> throw new IllegalStateException(this + " is a member's flag, not an amount");
        };
    }

    /**
     * The income with this item filled in; the A29 total grows by the same amount (or becomes the sum of its
     * items when it was empty), so a consistent record stays consistent.
     */
    Income fill(Income income, BigDecimal amount) {
        BigDecimal a = this == FAMILY_PLANNING_SUBSIDY ? amount : income.familyPlanningSubsidy();
        BigDecimal b = this == MINIMUM_LIVING_ALLOWANCE ? amount : income.minimumLivingAllowance();
        BigDecimal c = this == EXTREME_POVERTY_SUPPORT ? amount : income.extremePovertySupport();
        BigDecimal d = this == PENSION ? amount : income.pension();
        BigDecimal e = this == ECOLOGICAL_COMPENSATION ? amount : income.ecologicalCompensation();
        BigDecimal total = income.transferIncome() == null
                ? sum(a, b, c, d, e, income.otherTransferIncome())
                : income.transferIncome().add(amount).subtract(orZero(of(income)));
        return new Income(income.wageIncome(), total, a, b, c, d, e, income.otherTransferIncome(),
                income.productionIncome(), income.propertyIncome(), income.assetDividend(),
                income.otherPropertyIncome(), income.productionExpenses());
    }

    private static BigDecimal sum(BigDecimal... amounts) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal amount : amounts) {
            total = total.add(orZero(amount));
        }
        return total;
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
