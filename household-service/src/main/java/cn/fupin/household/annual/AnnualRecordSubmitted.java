package cn.fupin.household.annual;

import java.math.BigDecimal;
import java.util.UUID;

import cn.fupin.household.household.Household;
import cn.fupin.household.household.HouseholdEvent;
import cn.fupin.household.household.HouseholdImported;

/**
 * A year's income and conditions were entered or corrected, with the computed per-capita income (money as
 * decimal strings with two places, never binary floating point).
 *
 * @param origin where a record taken over from the national registry's export came from; null when entered here
 */
public record AnnualRecordSubmitted(UUID householdId, String divisionCode, String category, String status, int year,
        int size, String wageIncome, String transferIncome, String productionIncome, String propertyIncome,
        String productionExpenses, String netIncome, String perCapitaIncome, Needs conditions,
        HouseholdImported.Origin origin) implements HouseholdEvent {
    /** The basic needs as reports and early warning count them. */
    public record Needs(boolean noCompulsoryEducationDropout, boolean basicMedicalInsurance, boolean safeHousing,
            boolean safeDrinkingWater, String dangerousHouseGrade) {
    }

    static AnnualRecordSubmitted of(Household household, AnnualRecord record, HouseholdImported.Origin origin) {
        Income income = record.income();
        BasicNeeds needs = record.basicNeeds();
        return new AnnualRecordSubmitted(household.getId(), household.getDivisionCode(),
                household.getCategory().name(), household.getStatus().name(), record.year(), record.size(),
                money(income.wageIncome()), money(income.transferIncome()), money(income.productionIncome()),
                money(income.propertyIncome()), money(income.productionExpenses()), money(record.netIncome()),
                money(record.perCapitaIncome()),
                new Needs(needs.noCompulsoryEducationDropout(), needs.basicMedicalInsurance(), needs.safeHousing(),
                        needs.safeDrinkingWater(), record.conditions().dangerousHouseGrade()),
                origin);
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
