package cn.fupin.household.household;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A household's poverty status changed because a review approved it: {@code HouseholdIdentified} (新识别),
 * {@code HouseholdExited} (脱贫), {@code HouseholdReturnedToPoverty} (返贫), {@code HouseholdConfirmed}, {@code HouseholdCleared} (with its
 * reason). The event's name is the change's.
 */
public record StatusChanged(String eventName, UUID householdId, String divisionCode, Category category,
        PovertyStatus previousStatus, PovertyStatus status, int size, int year, LocalDate effectiveDate,
        UUID caseId, String reason) {
}
