package cn.fupin.household.departments;

import java.math.BigDecimal;

import cn.fupin.household.annual.Income;

/**
 * The transfer incomes (A29a–A29e) departments pay and therefore know: 民政 the 低保金 and 特困供养金, 人社 the
 * 养老保险金, 卫健 the 计划生育金, 林业 the 生态补偿金.
 */
public enum DepartmentField {

    FAMILY_PLANNING_SUBSIDY("A29a", "计划生育金"),
    MINIMUM_LIVING_ALLOWANCE("A29b", "低保金"),
    EXTREME_POVERTY_SUPPORT("A29c", "特困供养金"),
    PENSION("A29d", "养老保险金"),
    ECOLOGICAL_COMPENSATION("A29e", "生态补偿金");

    private final String indicator;
    private final String label;

    DepartmentField(String indicator, String label) {
        this.indicator = indicator;
        this.label = label;
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
