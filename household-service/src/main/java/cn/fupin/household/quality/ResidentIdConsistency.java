package cn.fupin.household.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.household.household.Member;

/**
 * 身份证号码无效或与性别、出生日期不符: a 居民身份证 number (A3 = 01) must be valid per GB 11643 (length, birth
 * date, check character) and agree with the member's sex (A2) and birth date. Sources: domain.md ("gender and
 * birth date follow from an 18-digit ID (GB 11643 check digit)") and the national rule set (ID length and check
 * digit). Legacy 15-digit numbers are valid and, as at registration, not held to the sex. Blocking.
 */
final class ResidentIdConsistency implements QualityRule {

    private static final String RESIDENT_ID = "01";

    @Override
    public String code() {
        return "resident-id";
    }

    @Override
    public String title() {
        return "身份证号码无效或与性别、出生日期不符";
    }

    @Override
    public Severity severity() {
        return Severity.BLOCKING;
    }

    @Override
    public List<Finding> check(HouseholdFacts facts) {
        return facts.activeMembers().stream().filter(member -> RESIDENT_ID.equals(member.idType()))
                .flatMap(member -> check(member).stream()).toList();
    }

    private List<Finding> check(Member member) {
        Optional<ResidentId> id = ResidentId.parse(member.idNumber().value());
        if (id.isEmpty()) {
            return List.of(Finding.ofMember(this, member, "idNumber", "A4",
                    member.name() + " 的公民身份号码（A4）无效：长度、出生日期或校验位错误"));
        }
        List<Finding> findings = new ArrayList<>();
        if (!id.get().legacy() && !id.get().genderCode().equals(member.gender())) {
            findings.add(Finding.ofMember(this, member, "gender", "A2", member.name() + " 的性别（A2）与公民身份号码不一致"));
        }
        if (member.birthDate() != null && !member.birthDate().equals(id.get().birthDate())) {
            findings.add(Finding.ofMember(this, member, "birthDate", "A4",
                    member.name() + " 的出生日期与公民身份号码（A4）不一致"));
        }
        return findings;
    }
}
