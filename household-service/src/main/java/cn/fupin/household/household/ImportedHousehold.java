package cn.fupin.household.household;

import java.util.List;

/**
 * One household as the national registry (国扶系统) holds it, read from its export, before the rules have passed it:
 * its category and status there, the years of its history, and its members with their person numbers.
 *
 * @param registryNumber 户编号
 * @param history the years it was identified, exited and returned to poverty, as far as it has
 * @param monitoring the monitoring object the registry holds for it (防返贫监测), null when it is none
 */
public record ImportedHousehold(String registryNumber, Category category, PovertyStatus status, String divisionCode,
        String naturalVillage, String phone, List<String> causes, RegistryHistory history,
        RegistryMonitoring monitoring, List<ImportedMember> members) {

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

    /**
     * The household as a monitoring object of the registry: 脱贫不稳定户 or 边缘易致贫户, since which year, its risks
     * (A52, 1–3), and whether the risk was eliminated there (风险消除) and in which year.
     *
     * @param objectType {@code UNSTABLE_EXITED} or {@code MARGINAL}, as monitoring-service names them
     */
    public record RegistryMonitoring(String objectType, Integer year, List<String> risks, boolean riskCleared,
            Integer clearedYear) {

        public static final String UNSTABLE_EXITED = "UNSTABLE_EXITED";
        public static final String MARGINAL = "MARGINAL";

        public RegistryMonitoring {
            risks = risks == null ? List.of() : List.copyOf(risks);
        }
    }

    NewHousehold asRegistration() {
        return new NewHousehold(category, divisionCode, naturalVillage, phone, null, null, null, null, causes,
                members.stream().map(ImportedMember::member).toList(), null);
    }
}
