package cn.fupin.household.quality;

import java.util.List;
import java.util.function.Predicate;

import cn.fupin.household.household.Member;

/**
 * 致贫原因与成员情况不符: a cause (A27) that no member living in the household bears out — 01 因病 with nobody
 * ill (A10 02 长期慢性病 or 03 大病), 02 因残 with nobody disabled (A10 04), 03 因学 with no student (A9). Source:
 * the national rule set (domain.md, "A cause with no matching member").
 */
final class CauseWithoutMember implements QualityRule {

    private record Cause(String code, String label, Predicate<Member> bearsOut, String missing) {
    }

    private static final List<Cause> CAUSES = List.of(
            new Cause("01", "因病", member -> Members.hasHealth(member, "02") || Members.hasHealth(member, "03"),
                    "没有患长期慢性病或大病（A10 = 02/03）的在户成员"),
            new Cause("02", "因残", member -> Members.hasHealth(member, "04"), "没有残疾（A10 = 04）的在户成员"),
            new Cause("03", "因学", Members::inSchool, "没有在校生（A9）"));

    @Override
    public String code() {
        return "cause-without-member";
    }

    @Override
    public String title() {
        return "致贫原因与成员情况不符";
    }

    @Override
    public Severity severity() {
        return Severity.FINDING;
    }

    @Override
    public List<Finding> check(HouseholdFacts facts) {
        List<String> causes = facts.household().getCauses();
        List<Member> living = facts.activeMembers();
        return CAUSES.stream().filter(cause -> causes.contains(cause.code()))
                .filter(cause -> living.stream().noneMatch(cause.bearsOut()))
                .map(cause -> Finding.ofHousehold(this, "causes", "A27",
                        "致贫原因（A27）为 " + cause.code() + " " + cause.label() + "，但" + cause.missing()))
                .toList();
    }
}
