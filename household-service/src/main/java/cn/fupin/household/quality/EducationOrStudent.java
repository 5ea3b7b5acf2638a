package cn.fupin.household.quality;

import java.util.ArrayList;
import java.util.List;

import cn.fupin.household.household.Member;

/**
 * 文化程度与在校生状况须填且只填一项: a student gives the school level (A9), anyone else the education reached
 * (A8). Source: the national rule set (domain.md, "National data-quality rules": either A8 or A9, not both).
 * A9 = 01 非在校生 counts as not filled: it only says the member is not a student, so A8 is then required.
 */
final class EducationOrStudent implements QualityRule {

    @Override
    public String code() {
        return "education-or-student";
    }

    @Override
    public String title() {
        return "文化程度与在校生状况未填或都填";
    }

    @Override
    public Severity severity() {
        return Severity.FINDING;
    }

    @Override
    public List<Finding> check(HouseholdFacts facts) {
        List<Finding> findings = new ArrayList<>();
        for (Member member : facts.activeMembers()) {
            String education = member.indicators().education();
            boolean student = Members.inSchool(member);
            if (education != null && student) {
                findings.add(Finding.ofMember(this, member, "indicators.education", "A8", member.name()
                        + " 既填了文化程度（A8 = " + education + "）又是在校生（A9 = "
                        + member.indicators().studentStatus() + "），只能填一项"));
            }
            else if (education == null && !student) {
                findings.add(Finding.ofMember(this, member, "indicators.education", "A8",
                        member.name() + " 文化程度（A8）与在校生状况（A9）都未填，须填一项"));
            }
        }
        return findings;
    }
}
