package cn.fupin.household.exports;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.synthetic.SyntheticRegistry;
import cn.fupin.household.household.Category;
import cn.fupin.household.household.Helper;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.HouseholdQueries.RegistryEntry;
import cn.fupin.household.household.ImportedHousehold;
import cn.fupin.household.household.Member;
import cn.fupin.household.household.MemberIndicators;
import cn.fupin.household.privacy.PersonalText;

/**
 * A household as the national registry's whole-county export lays it out (the columns the import reads, headers as
 * the registry exports them): one row per member, the household's columns repeated, codes as their Chinese labels;
 * 户编号 and 人口编号 where the registry gave them (a household registered here has none until it is entered there),
 * and the monitoring object the registry held at the last import (monitoring-service keeps what became of it).
 */
@Component
class NationalLayout {

    /** The export's columns, in its order. */
    static final List<String> HEADERS = SyntheticRegistry.HEADERS;

    private final Codebook codebook;
    private final DivisionTree divisions;

    NationalLayout(Codebook codebook, DivisionTree divisions) {
        this.codebook = codebook;
        this.divisions = divisions;
    }

    /** The rows of the household's members: the living ones, or those given (a member who left). */
    List<List<String>> rows(Household household, RegistryEntry registry, List<Member> members) {
        List<List<String>> rows = new ArrayList<>();
        for (Member member : members) {
            MemberIndicators m = member.indicators();
            List<String> row = new ArrayList<>(HEADERS.size());
            row.add(name(household.getDivisionCode().substring(0, 6)));
            row.add(name(household.getDivisionCode().substring(0, 9)));
            row.add(name(household.getDivisionCode()));
            row.add(blank(household.getNaturalVillage()));
            row.add(registry == null ? "" : registry.registryNumber());
            row.add(registry == null ? "" : registry.personNumbers().getOrDefault(member.memberId(), ""));
            row.add(status(household));
            ImportedHousehold.RegistryMonitoring monitoring = registry == null ? null : registry.monitoring();
            row.add(monitoring != null ? ImportedHousehold.RegistryMonitoring.label(monitoring.objectType())
                    : household.getCategory() == Category.MARGINAL ? "边缘易致贫户" : "");
            row.add(registry == null || registry.identifiedYear() == null ? "" : registry.identifiedYear().toString());
            row.add(registry == null || registry.exitedYear() == null ? "" : registry.exitedYear().toString());
            row.add(registry == null || registry.returnedYear() == null ? "" : registry.returnedYear().toString());
            row.add(household.getCauses().stream().map(code -> label("A27_poverty_cause", code))
                    .collect(Collectors.joining("、")));
            row.add(blank(household.getPhone()));
            row.add(member.name());
            row.add(label("A3_id_type", member.idType()));
            row.add(member.idNumber().value());
            row.add(label("A2_gender", member.gender()));
            row.add(member.birthDate() == null ? "" : member.birthDate().toString());
            row.add(label("A6_ethnicity", member.ethnicity()));
            row.add(label("A5_relation", member.relation()));
            row.add(label("A8_education", m.education()));
            row.add(label("A9_student_status", m.studentStatus()));
            row.add(m.health().stream().map(code -> label("A10_health", code)).collect(Collectors.joining("、")));
            row.add(label("A11_labour_skill", m.labourSkill()));
            row.add(label("A12_work_area", m.workArea()));
            row.add(m.workMonths() == null ? "" : m.workMonths().toString());
            row.add(yesNo(m.speaksMandarin()));
            row.add(yesNo(m.medicalInsured()));
            row.add(yesNo(m.pensionInsured()));
            row.add(yesNo(m.criticalIllnessInsured()));
            row.add(yesNo(m.minimumLiving()));
            row.add(yesNo(m.medicalAssistance()));
            row.add(monitoring == null ? "" : monitoring.risks().stream().map(code -> label("A52_risk", code))
                    .collect(Collectors.joining("、")));
            row.add(monitoring == null || monitoring.year() == null ? "" : monitoring.year().toString());
            row.add(monitoring == null ? "" : monitoring.riskCleared() ? "是" : "否");
            row.add(monitoring == null || monitoring.clearedYear() == null ? "" : monitoring.clearedYear().toString());
            row.addAll(helpers(household.getHelpers()));
            rows.add(row);
        }
        return rows;
    }

    /**
     * The helpers' columns: names, and phones and units where they differ, joined by 、; gender, political status
     * and dates of the first helper (the registry's layout has one of each).
     */
    private List<String> helpers(List<Helper> helpers) {
        if (helpers.isEmpty()) {
            return List.of("", "", "", "", "", "");
        }
        Helper first = helpers.getFirst();
        List<String> units = helpers.stream().map(Helper::unit).distinct().toList();
        return List.of(helpers.stream().map(Helper::name).collect(Collectors.joining("、")),
                label("A2_gender", first.gender()), label("A7_political_status", first.politicalStatus()),
                String.join("、", units),
                helpers.stream().map(helper -> blank(PersonalText.valueOf(helper.phone())))
                        .collect(Collectors.joining("、")).replaceAll("^、+$", ""),
                first.startDate() == null ? "" : first.startDate().toString());
    }

    /** The living members, the head first. */
    static List<Member> living(Household household) {
        List<Member> living = new ArrayList<>(household.getMembers().stream().filter(Member::active).toList());
        living.sort((a, b) -> Boolean.compare(!a.isHead(), !b.isHead()));
        return living;
    }

    private static String status(Household household) {
        return switch (household.getStatus()) {
            case POOR -> "未脱贫";
            case EXITED -> "已脱贫";
            case RETURNED -> "返贫";
            default -> "";
        };
    }

    private String name(String code) {
        return divisions.find(code).map(DivisionTree.Division::name).orElse(code);
    }

    String label(String list, String code) {
        return code == null ? "" : codebook.list(list).label(code);
    }

    private static String yesNo(Boolean value) {
        return value == null ? "" : value ? "是" : "否";
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
