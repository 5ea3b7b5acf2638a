package cn.fupin.household.household;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.fupin.household.household.HouseholdRegistered.RegisteredMember;
import cn.fupin.household.household.ImportedHousehold.RegistryHistory;
import cn.fupin.household.household.ImportedHousehold.RegistryMonitoring;

/**
 * A household was loaded from the national registry with the state and history it has there: no review happened
 * here (it happened in the national system), and the event says where it came from; the monitoring object the
 * registry holds for it goes with it, for monitoring-service to take over, and so does the year's income and
 * conditions the export states, taken over as its annual record: a household is one event, however many of them an
 * import brings. Published by {@link HouseholdEvents} with the members' ID numbers as keyed hashes.
 *
 * @param annualRecord the year's record taken over with the household; null when the export states none
 */
public record HouseholdImported(UUID householdId, String registryNumber, Category category, PovertyStatus status,
        String divisionCode, String naturalVillage, int size, String headName, List<String> causes,
        RegistryHistory history, RegistryMonitoring monitoring, List<RegisteredMember> members, Origin origin,
        YearFigures annualRecord) {

    /**
     * Where the household came from.
     *
     * @param source {@code NATIONAL_REGISTRY}
     * @param importId the import job that read it
     */
    public record Origin(String source, UUID importId, Instant importedAt) {
    }

    static HouseholdImported of(Household household, ImportedHousehold form, Origin origin) {
        return new HouseholdImported(household.getId(), form.registryNumber(), household.getCategory(),
                household.getStatus(), household.getDivisionCode(), household.getNaturalVillage(),
                household.getSize(), household.headName(), household.getCauses(), form.history(), form.monitoring(),
                household.getMembers().stream().map(RegisteredMember::of).toList(), origin, null);
    }

    /** The event with the year's record taken over with the household. */
    HouseholdImported withAnnualRecord(YearFigures record) {
        return new HouseholdImported(householdId, registryNumber, category, status, divisionCode, naturalVillage,
                size, headName, causes, history, monitoring, members, origin, record);
    }
}
