package cn.fupin.household.annual;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import cn.fupin.household.household.Household;

/**
 * A household's record of one year (年度信息): income, conditions, and what follows from them — net and
 * per-capita income over the members living in the household, and the basic needs.
 */
public record AnnualRecord(UUID householdId, int year, Income income, Conditions conditions, int size,
        BigDecimal netIncome, BigDecimal perCapitaIncome, BasicNeeds basicNeeds, long version, Instant updatedAt) {

    /** The record as submitted now for the household as it is now; {@code previousVersion} null if new. */
    static AnnualRecord submit(Household household, int year, Income income, Conditions conditions,
            Long previousVersion, Instant now) {
        return new AnnualRecord(household.getId(), year, income, conditions, household.getSize(), income.netIncome(),
                income.perCapita(household.getSize()), BasicNeeds.of(household, conditions, year),
                previousVersion == null ? 0 : previousVersion + 1, now);
    }
}
