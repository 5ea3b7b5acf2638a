package cn.fupin.household.household;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.fupin.household.household.HouseholdRegistered.RegisteredMember;
import cn.fupin.household.household.ImportedHousehold.RegistryHistory;

/**
 * A household was loaded from the national registry with the state and history it has there: no review happened
 * here (it happened in the national system), and the event says where it came from. Published by
 * {@link HouseholdEvents} with the members' ID numbers as keyed hashes.
 */
public record HouseholdImported(UUID householdId, String registryNumber, Category category, PovertyStatus status,
        String divisionCode, String naturalVillage, int size, String headName, List<String> causes,
        RegistryHistory history, List<RegisteredMember> members, Origin origin) {

    /**
     * Where the household came from.
     *
     * @param source {@code NATIONAL_REGISTRY}
     * @param importId the import job that read it
     */
    public record Origin(String source, UUID importId, Instant importedAt) {
    }

    static HouseholdImported of(Household household, String registryNumber, RegistryHistory history, Origin origin) {
        return new HouseholdImported(household.getId(), registryNumber, household.getCategory(),
                household.getStatus(), household.getDivisionCode(), household.getNaturalVillage(),
                household.getSize(), household.headName(), household.getCauses(), history,
                household.getMembers().stream().map(RegisteredMember::of).toList(), origin);
    }
}
