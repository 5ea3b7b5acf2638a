package cn.fupin.household.quality;

import java.util.List;

import cn.fupin.contracts.identifiers.ResidentId;

/**
 * 15 位旧身份证号码: numbers issued before 1999 are accepted at entry but flagged, so that the 18-digit number
 * is collected in the field (codebook.yaml, identifiers: "15-digit legacy IDs accepted but flagged"; the national
 * rule set checks ID length 15/18/20). A finding.
 */
final class LegacyResidentId implements QualityRule {

    private static final String RESIDENT_ID = "01";

    @Override
    public String code() {
        return "legacy-resident-id";
    }

    @Override
    public String title() {
        return "使用 15 位旧身份证号码";
    }

    @Override
    public Severity severity() {
        return Severity.FINDING;
    }

    @Override
    public List<Finding> check(HouseholdFacts facts) {
        return facts.activeMembers().stream().filter(member -> RESIDENT_ID.equals(member.idType()))
                .filter(member -> ResidentId.parse(member.idNumber().value()).map(ResidentId::legacy).orElse(false))
                .map(member -> Finding.ofMember(this, member, "idNumber", "A4",
                        member.name() + " 使用 15 位旧身份证号码（A4），请核实并更新为 18 位号码"))
                .toList();
    }
}
