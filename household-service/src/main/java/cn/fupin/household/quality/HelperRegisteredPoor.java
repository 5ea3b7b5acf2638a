package cn.fupin.household.quality;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.household.household.Category;
import cn.fupin.household.household.Helper;
import cn.fupin.household.household.PovertyStatus;

/**
 * 帮扶责任人为建档立卡贫困人口: a helper of the year who is himself a member living in a registered household that is
 * 待识别, 贫困户 or 返贫 (members of exited households may help). Source: the national rule set (domain.md, "a
 * registered household with no helper, or a helper who is a registered poor person"). Form 1 records helpers
 * without an ID number, so the rule reads the optional one: a poor member holding it, in any of its forms
 * ({@link ResidentIdForms}), is the helper. A helper without one who bears the name of a poor member of the
 * household's own village is a weaker finding, to be verified in the field (and closed as correct when he is
 * somebody else). Reads the registry beyond the household: {@link HouseholdFacts#helperMatches()}. A finding.
 */
final class HelperRegisteredPoor implements QualityRule {

    private static final Set<PovertyStatus> POOR = EnumSet.of(PovertyStatus.CANDIDATE, PovertyStatus.POOR,
            PovertyStatus.RETURNED);

    @Override
    public String code() {
        return "helper-registered-poor";
    }

    @Override
    public String title() {
        return "帮扶责任人为建档立卡贫困人口";
    }

    @Override
    public Severity severity() {
        return Severity.FINDING;
    }

    @Override
    public List<Finding> check(HouseholdFacts facts) {
        List<RegisteredPerson> poor = facts.helperMatches().stream()
                .filter(person -> person.category() == Category.REGISTERED && POOR.contains(person.status())).toList();
        List<Helper> helpers = facts.household().getHelpers();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < helpers.size(); i++) {
            Helper helper = helpers.get(i);
            if (helper.helpsIn(facts.year())) {
                check(helper, "helpers[" + i + "].", poor, facts).ifPresent(findings::add);
            }
        }
        return findings;
    }

    private Optional<Finding> check(Helper helper, String path, List<RegisteredPerson> poor, HouseholdFacts facts) {
        if (helper.idNumber() != null) {
            Set<String> forms = ResidentId.parse(helper.idNumber().value()).map(ResidentIdForms::of).orElse(Set.of());
            return poor.stream().filter(person -> forms.contains(person.idNumber())).findFirst()
                    .map(person -> Finding.ofHousehold(this, path + "idNumber", null, "帮扶责任人 " + helper.name()
                            + " 的身份证号码属于建档立卡贫困人口（" + person.divisionCode() + " 村一户" + label(person.status())
                            + "的在户成员），贫困人口不能担任帮扶责任人"));
        }
        String village = facts.household().getDivisionCode();
        long namesakes = poor.stream()
                .filter(person -> person.divisionCode().equals(village) && person.name().equals(helper.name().trim()))
                .count();
        if (namesakes == 0) {
            return Optional.empty();
        }
        return Optional.of(Finding.ofHousehold(this, path + "name", null, "帮扶责任人 " + helper.name()
                + " 未填身份证号码，与本村 " + namesakes + " 名建档立卡贫困人口同名，请核实是否为同一人"
                + "（不是的，补填其身份证号码或核实无误销号）"));
    }

    private static String label(PovertyStatus status) {
        return switch (status) {
            case CANDIDATE -> "待识别户";
            case RETURNED -> "返贫户";
            default -> "贫困户";
        };
    }
}
