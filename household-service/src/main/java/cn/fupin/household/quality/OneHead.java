package cn.fupin.household.quality;

import java.util.List;

import cn.fupin.household.household.Member;

/**
 * 户主人数不为一: exactly one 户主 (A5 = 01) among the members living in the household. Sources: domain.md, "Rules
 * worth encoding" and the national rule set ("Exactly one 户主"). Blocking, as at registration.
 */
final class OneHead implements QualityRule {

    @Override
    public String code() {
        return "one-head";
    }

    @Override
    public String title() {
        return "户主人数不为一";
    }

    @Override
    public Severity severity() {
        return Severity.BLOCKING;
    }

    @Override
    public List<Finding> check(HouseholdFacts facts) {
        List<Member> heads = facts.activeMembers().stream().filter(Member::isHead).toList();
        if (heads.size() == 1) {
            return List.of();
        }
        String message = heads.isEmpty() ? "在户成员中没有户主（A5 与户主关系 = 01），须有且只有一名"
                : "在户成员中有 " + heads.size() + " 名户主（" + Members.names(heads) + "），须有且只有一名（A5 与户主关系）";
        return List.of(Finding.ofHousehold(this, "members", "A5", message));
    }
}
