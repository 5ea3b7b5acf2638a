package cn.fupin.household.quality;

import java.util.List;
import java.util.Set;

import cn.fupin.household.household.Member;

/**
 * 劳动年龄健康人员无劳动能力: a member of working age (16–59 at the end of the year), in good health (A10 only 01
 * 健康) and not in school, marked as 03 丧失劳动力 or 04 无劳动力 (A11). Source: the national rule set (domain.md,
 * "A person of working age in good health marked as having no labour capacity"). Students are left out: while in
 * school they are commonly, and rightly, marked as having no labour.
 */
final class LabourCapacity implements QualityRule {

    private static final int WORKING_AGE_FROM = 16;
    private static final int WORKING_AGE_TO = 59;
    private static final List<String> HEALTHY = List.of("01");
    private static final Set<String> NO_LABOUR = Set.of("03", "04");

    @Override
    public String code() {
        return "labour-capacity";
    }

    @Override
    public String title() {
        return "劳动年龄内健康人员无劳动能力";
    }

    @Override
    public Severity severity() {
        return Severity.FINDING;
    }

    @Override
    public List<Finding> check(HouseholdFacts facts) {
        return facts.activeMembers().stream().filter(LabourCapacity::markedWithoutLabour)
                .filter(member -> HEALTHY.equals(member.indicators().health()) && !Members.inSchool(member))
                .filter(member -> facts.ageOf(member).stream()
                        .anyMatch(age -> age >= WORKING_AGE_FROM && age <= WORKING_AGE_TO))
                .map(member -> Finding.ofMember(this, member, "indicators.labourSkill", "A11",
                        member.name() + " " + facts.ageOf(member).getAsInt() + " 岁、身体健康（A10 = 01），劳动技能（A11）却为 "
                                + member.indicators().labourSkill() + " 丧失劳动力或无劳动力"))
                .toList();
    }

    private static boolean markedWithoutLabour(Member member) {
        String skill = member.indicators().labourSkill();
        return skill != null && NO_LABOUR.contains(skill);
    }
}
