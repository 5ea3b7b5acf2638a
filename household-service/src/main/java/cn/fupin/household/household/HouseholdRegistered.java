package cn.fupin.household.household;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A household record was created, with the member facts other services read (reports count them, monitoring
 * watches health and labour). The ID number stays inside this service: {@link HouseholdEvents} publishes only
 * its keyed hash, so a county import publishes one event per household and no ID number.
 *
 * @param identificationStandard the identification standard form 1 asks for (A23), null on form 4
 * @param causes the main causes of poverty (A27), empty on form 4
 * @param appliedOn the day the household applied (the form's signature date)
 * @param risks the A52 risks form 4 declared for a marginal household, null when none: monitoring-service proposes
 *        it for monitoring with them (they are monitoring-service's to keep, not this registry's)
 */
public record HouseholdRegistered(UUID householdId, Category category, PovertyStatus status, String divisionCode,
        String naturalVillage, int size, String headName, String identificationStandard, List<String> causes,
        LocalDate appliedOn, List<String> risks, List<RegisteredMember> members) {

    /** A member as other services see it (the ID number is replaced by its keyed hash when published). */
    public record RegisteredMember(UUID memberId, String relation, String gender, Integer birthYear, boolean active,
            String idNumber, List<String> health, String labourSkill) {

        static RegisteredMember of(Member member) {
            return new RegisteredMember(member.memberId(), member.relation(), member.gender(), member.birthYear(),
                    member.active(), member.idNumber().value(), member.indicators().health(),
                    member.indicators().labourSkill());
        }
    }

    static HouseholdRegistered of(Household household, List<String> risks) {
        return new HouseholdRegistered(household.getId(), household.getCategory(), household.getStatus(),
                household.getDivisionCode(), household.getNaturalVillage(), household.getSize(),
                household.headName(), household.getIdentificationStandard(), household.getCauses(),
                household.getAppliedOn(), risks.isEmpty() ? null : risks,
                household.getMembers().stream().map(RegisteredMember::of).toList());
    }
}
