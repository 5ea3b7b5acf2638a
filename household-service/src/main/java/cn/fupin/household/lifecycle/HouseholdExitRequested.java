package cn.fupin.household.lifecycle;

import java.time.LocalDate;
import java.util.UUID;

import cn.fupin.household.household.HouseholdEvent;

/** A poor household asks to exit poverty; review decides. Carries the checks it passed. */
public record HouseholdExitRequested(UUID requestId, String caseType, UUID householdId, String divisionCode,
        String category, String status, int size, int year, String headName, String perCapitaIncome,
        String povertyLine, Checks checks, LocalDate appliedOn) implements HouseholdEvent {
    /** The exit criteria as checked at request time (all true, or the request is refused). */
    public record Checks(boolean incomeAboveLine, boolean noCompulsoryEducationDropout,
            boolean basicMedicalInsurance, boolean safeHousing, boolean safeDrinkingWater) {
    }
}
