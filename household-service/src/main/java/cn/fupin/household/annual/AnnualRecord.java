package cn.fupin.household.annual;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

import cn.fupin.household.household.Household;
import cn.fupin.household.household.YearFigures;

/**
 * A household's record of one year (年度信息): income, conditions, and what follows from them — net and
 * per-capita income over the members living in the household, and the basic needs.
 */
public record AnnualRecord(UUID householdId, String divisionCode, int year, Income income, Conditions conditions,
        int size, BigDecimal netIncome, BigDecimal perCapitaIncome, BasicNeeds basicNeeds, long version,
        Instant updatedAt) {

    /** The record as submitted now for the household as it is now; {@code previousVersion} null if new. */
    static AnnualRecord submit(Household household, int year, Income income, Conditions conditions,
            Long previousVersion, Instant now) {
        return new AnnualRecord(household.getId(), household.getDivisionCode(), year, income, conditions,
                household.getSize(), income.netIncome(), income.perCapita(household.getSize()), BasicNeeds.of(household, conditions, year),
                previousVersion == null ? 0 : previousVersion + 1, now);
    }

    /** The record as events carry it. */
    public YearFigures figures() {
        return new YearFigures(year, size, money(income.wageIncome()), money(income.transferIncome()),
                money(income.productionIncome()), money(income.propertyIncome()), money(income.productionExpenses()),
                money(netIncome), money(perCapitaIncome),
                new YearFigures.Needs(basicNeeds.noCompulsoryEducationDropout(), basicNeeds.basicMedicalInsurance(),
                        basicNeeds.safeHousing(), basicNeeds.safeDrinkingWater(), conditions.dangerousHouseGrade()));
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
