package cn.fupin.household.household;

import java.util.List;

/**
 * One household as the national registry (国扶系统) holds it, read from its export, before the rules have passed it:
 * its category and status there, the years of its history, and its members with their person numbers.
 *
 * @param registryNumber 户编号
 * @param history the years it was identified, exited and returned to poverty, as far as it has
 */
public record ImportedHousehold(String registryNumber, Category category, PovertyStatus status, String divisionCode,
        String naturalVillage, String phone, List<String> causes, RegistryHistory history,
        List<ImportedMember> members) {

    public ImportedHousehold {
        causes = causes == null ? List.of() : List.copyOf(causes);
        history = history == null ? RegistryHistory.NONE : history;
        members = List.copyOf(members);
    }

    /** A member with its 人口编号. */
    public record ImportedMember(String registryNumber, NewMember member) {
    }

    /** The years of a household's history in the registry; null where it has none (not yet exited, never returned). */
    public record RegistryHistory(Integer identifiedYear, Integer exitedYear, Integer returnedYear) {

        static final RegistryHistory NONE = new RegistryHistory(null, null, null);
    }

    NewHousehold asRegistration() {
        return new NewHousehold(category, divisionCode, naturalVillage, phone, null, null, null, null, causes,
                members.stream().map(ImportedMember::member).toList(), null);
    }
}
