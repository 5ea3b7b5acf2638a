package cn.fupin.household.household;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A household's poverty status changed because a review approved it: {@code HouseholdIdentified} (新识别),
 * {@code HouseholdExited} (脱贫), {@code HouseholdReturnedToPoverty} (返贫), {@code HouseholdConfirmed}, {@code HouseholdCleared} (with its
 * reason). The event's name is the change's; its payload is the change without the name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusChanged(@JsonIgnore String eventName, UUID householdId, String divisionCode, Category category,
        PovertyStatus previousStatus, PovertyStatus status, int size, int year, LocalDate effectiveDate,
        UUID caseId, String reason) implements HouseholdEvent {

    @Override
    public String eventType() {
        return eventName;
    }
}
