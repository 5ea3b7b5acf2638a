package cn.fupin.household.annual;

import java.util.UUID;

import cn.fupin.household.household.Household;
import cn.fupin.household.household.HouseholdEvent;
import cn.fupin.household.household.HouseholdImported;
import cn.fupin.household.household.YearFigures;

/**
 * A year's income and conditions were entered or corrected, with the computed per-capita income (money as
 * decimal strings with two places, never binary floating point).
 *
 * @param origin where a record taken over from the national registry's export came from; null when entered here
 */
public record AnnualRecordSubmitted(UUID householdId, String divisionCode, String category, String status, int year,
        int size, String wageIncome, String transferIncome, String productionIncome, String propertyIncome,
        String productionExpenses, String netIncome, String perCapitaIncome, YearFigures.Needs conditions,
        HouseholdImported.Origin origin) implements HouseholdEvent {

    static AnnualRecordSubmitted of(Household household, AnnualRecord record, HouseholdImported.Origin origin) {
        YearFigures figures = record.figures();
        return new AnnualRecordSubmitted(household.getId(), household.getDivisionCode(),
                household.getCategory().name(), household.getStatus().name(), figures.year(), figures.size(),
                figures.wageIncome(), figures.transferIncome(), figures.productionIncome(), figures.propertyIncome(),
                figures.productionExpenses(), figures.netIncome(), figures.perCapitaIncome(), figures.conditions(),
                origin);
    }
}
