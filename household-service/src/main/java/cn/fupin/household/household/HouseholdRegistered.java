package cn.fupin.household.household;

import java.util.List;
import java.util.UUID;

/**
 * A household record was created. Carries the members reports count (no ID numbers: PIPL), so a county
 * import publishes one event per household.
 */
public record HouseholdRegistered(UUID householdId, Category category, PovertyStatus status, String divisionCode,
        String naturalVillage, int size, List<RegisteredMember> members) {

    /** A member as other services see it. */
    public record RegisteredMember(UUID memberId, String relation, String gender, Integer birthYear, boolean active) {
    }

    static HouseholdRegistered of(Household household) {
        return new HouseholdRegistered(household.getId(), household.getCategory(), household.getStatus(),
                household.getDivisionCode(), household.getNaturalVillage(), household.getSize(),
                household.getMembers().stream()
                        .map(member -> new RegisteredMember(member.memberId(), member.relation(), member.gender(),
                                member.birthYear(), member.active()))
                        .toList());
    }
}
