package cn.fupin.household.household;

import java.util.List;
import java.util.UUID;

/**
 * Base data or members changed; the fields are named, their values are not (personal data stays home) — except
 * the facts other services keep: the causes when they changed, the members' summaries when a member changed.
 */
public record HouseholdUpdated(UUID householdId, String divisionCode, String naturalVillage, Category category,
        PovertyStatus status, int size, List<String> changedFields, String headName, List<String> causes,
        List<HouseholdRegistered.RegisteredMember> members) {
}
