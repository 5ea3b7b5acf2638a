package cn.fupin.household.household;

import java.util.List;
import java.util.UUID;

/** Base data changed; the fields are named, their values are not (personal data stays home). */
public record HouseholdUpdated(UUID householdId, String divisionCode, String naturalVillage, Category category,
        PovertyStatus status, int size, List<String> changedFields) {
}
