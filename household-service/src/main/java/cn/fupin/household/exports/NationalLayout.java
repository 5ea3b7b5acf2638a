package cn.fupin.household.exports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.synthetic.SyntheticRegistry;
import cn.fupin.household.annual.AnnualRecord;
import cn.fupin.household.annual.Conditions;
import cn.fupin.household.annual.Income;
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
 * the monitoring object the registry held at the last import (monitoring-service keeps what became of it), and the
 * household's latest income and conditions.
 */
@Component
class NationalLayout {

    /**
     * The export's columns, in its order: the registry's, and the year of the income and conditions written (the
     * household's latest record; the registry's own export is of one year and has no such column).
     */
    static final List<String> HEADERS = Stream.concat(SyntheticRegistry.HEADERS.stream(), Stream.of("收入年度"))
            .toList();
    /** The columns of a year's record, from 工资性收入 to the year. */
    private static final int ANNUAL_COLUMNS = HEADERS.size() - HEADERS.indexOf("工资性收入");

    private final Codebook codebook;
    private final DivisionTree divisions;

    NationalLayout(Codebook codebook, DivisionTree divisions) {
        this.codebook = codebook;
        this.divisions = divisions;
    }

    /**
     * The rows of the household's members: the living ones, or those given (a member who left), with the household's
     * latest year's record ({@code annual}, null when it has none).
     */
    List<List<String>> rows(Household household, RegistryEntry registry, AnnualRecord annual, List<Member> members) {
        List<String> year = annual(annual);
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
            row.addAll(year);
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

    /** A year's income and conditions (A28–A48) in the export's columns, then the year. */
    private List<String> annual(AnnualRecord record) {
        if (record == null) {
            return Collections.nCopies(ANNUAL_COLUMNS, "");
        }
        Income i = record.income();
        Conditions c = record.conditions();
        return Stream.of(amount(i.wageIncome()), amount(i.transferIncome()), amount(i.familyPlanningSubsidy()),
                amount(i.minimumLivingAllowance()), amount(i.extremePovertySupport()), amount(i.pension()),
                amount(i.ecologicalCompensation()), amount(i.otherTransferIncome()), amount(i.productionIncome()),
                amount(i.propertyIncome()), amount(i.assetDividend()), amount(i.otherPropertyIncome()),
                amount(i.productionExpenses()), amount(c.cultivatedLand()), amount(c.grassland()),
                amount(c.waterSurface()), amount(c.forestLand()), amount(c.returnedFarmland()), amount(c.orchard()),
                label("A37_road_type", c.roadType()), amount(c.distanceToMainRoad()), yesNo(c.cooperativeMember()),
                label("A40_dangerous_house_grade", c.dangerousHouseGrade()), amount(c.housingArea()),
                yesNo(c.electricity()), yesNo(c.sanitaryToilet()), yesNo(c.safeDrinkingWater()),
                label("A45_fuel_type", c.fuelType()), yesNo(c.leadingEnterprise()), yesNo(c.entrepreneurLeader()),
                yesNo(c.broadcastTv()), String.valueOf(record.year())).toList();
    }

    /** An amount as the registry writes it: 1200, 2.5 (no trailing zeros). */
    private static String amount(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
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
