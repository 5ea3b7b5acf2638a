package cn.fupin.household.household;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.fupin.household.privacy.PersonalText;
import cn.fupin.platform.domain.Ids;

/**
 * One household as the national registry (国扶系统) holds it, read from its export, before the rules have passed it:
 * its category and status there, the years of its history, and its members with their person numbers.
 *
 * @param registryNumber 户编号
 * @param history the years it was identified, exited and returned to poverty, as far as it has
 * @param monitoring the monitoring object the registry holds for it (防返贫监测), null when it is none
 * @param helpers its 帮扶责任人
 */
public record ImportedHousehold(String registryNumber, Category category, PovertyStatus status, String divisionCode,
        String naturalVillage, String phone, List<String> causes, RegistryHistory history,
        RegistryMonitoring monitoring, List<ImportedMember> members, List<ImportedHelper> helpers) {

    public ImportedHousehold {
        causes = causes == null ? List.of() : List.copyOf(causes);
        history = history == null ? RegistryHistory.NONE : history;
        members = List.copyOf(members);
        helpers = helpers == null ? List.of() : List.copyOf(helpers);
    }

    /** A 帮扶责任人 as the export names him, before he has an id here. */
    public record ImportedHelper(String name, String gender, String politicalStatus, String unit, LocalDate startDate,
            LocalDate endDate, String phone) {

        /** The helper as the rules and the household hold him, under a new id ({@code null} to check only). */
        Helper as(UUID helperId) {
            return new Helper(helperId, name, null, gender, politicalStatus, unit, startDate, endDate,
                    PersonalText.of(phone));
        }

        static ImportedHelper of(Helper helper) {
            return new ImportedHelper(helper.name(), helper.gender(), helper.politicalStatus(), helper.unit(),
                    helper.startDate(), helper.endDate(), helper.phone() == null ? null : helper.phone().value());
        }
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

        /** 监测对象类别 as the registry writes it. */
        public static String label(String objectType) {
            return MARGINAL.equals(objectType) ? "边缘易致贫户" : "脱贫不稳定户";
        }
    }

    /** The helpers as the household holds them, each under a new id. */
    List<Helper> helpersUnderNewIds() {
        return helpers.stream().map(helper -> helper.as(Ids.next())).toList();
    }

    NewHousehold asRegistration() {
        return new NewHousehold(category, divisionCode, naturalVillage, phone, null, null, null, null, causes,
                List.of(), members.stream().map(ImportedMember::member).toList(), null);
    }
}
