package cn.fupin.household.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.fupin.household.household.Member;

/**
 * 配偶多于一人或与户主同性别: at most one 配偶 (A5 = 02) among the members living in the household, and not of the
 * 户主's sex (A2). Source: the national rule set (domain.md, "National data-quality rules"). Sexes are compared
 * only when both are known (1 男, 2 女) and there is a single head.
 */
final class OneSpouse implements QualityRule {

    private static final String SPOUSE = "02";
    private static final Set<String> KNOWN_GENDERS = Set.of("1", "2");

    @Override
    public String code() {
        return "one-spouse";
    }

    @Override
    public String title() {
        return "配偶多于一人或与户主同性别";
    }

    @Override
    public Severity severity() {
        return Severity.FINDING;
    }

    @Override
    public List<Finding> check(HouseholdFacts facts) {
        List<Member> living = facts.activeMembers();
        List<Member> spouses = living.stream().filter(member -> SPOUSE.equals(member.relation())).toList();
        List<Finding> findings = new ArrayList<>();
        if (spouses.size() > 1) {
            findings.add(Finding.ofHousehold(this, "members", "A5",
                    "在户成员中有 " + spouses.size() + " 名配偶（" + Members.names(spouses) + "），至多一名（A5 与户主关系 = 02）"));
        }
        List<Member> heads = living.stream().filter(Member::isHead).toList();
        if (heads.size() == 1 && knownGender(heads.get(0))) {
            Member head = heads.get(0);
            spouses.stream().filter(spouse -> head.gender().equals(spouse.gender()))
                    .map(spouse -> Finding.ofMember(this, spouse, "gender", "A2",
                            "配偶 " + spouse.name() + " 与户主 " + head.name() + " 性别（A2）相同"))
                    .forEach(findings::add);
        }
        return findings;
    }

    private static boolean knownGender(Member member) {
        return member.gender() != null && KNOWN_GENDERS.contains(member.gender());
    }
}
