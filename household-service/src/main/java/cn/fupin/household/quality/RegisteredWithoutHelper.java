package cn.fupin.household.quality;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.fupin.household.household.Category;
import cn.fupin.household.household.PovertyStatus;

/**
 * 建档立卡户无帮扶责任人: every identified registered household — poor, returned, and exited too (脱贫不脱帮扶) —
 * has at least one helper during the year (domain.md, national rules: "a registered household with no helper").
 * A finding.
 */
final class RegisteredWithoutHelper implements QualityRule {

    private static final Set<PovertyStatus> HELPED = EnumSet.of(PovertyStatus.POOR, PovertyStatus.RETURNED,
            PovertyStatus.EXITED);

    @Override
    public String code() {
        return "registered-without-helper";
    }

    @Override
    public String title() {
        return "建档立卡户无帮扶责任人";
    }

    @Override
    public Severity severity() {
        return Severity.FINDING;
    }

    @Override
    public List<Finding> check(HouseholdFacts facts) {
        var household = facts.household();
        if (household.getCategory() != Category.REGISTERED || !HELPED.contains(household.getStatus())
                || household.getHelpers().stream().anyMatch(helper -> helper.helpsIn(facts.year()))) {
            return List.of();
        }
        return List.of(Finding.ofHousehold(this, "helpers", null, facts.year() + " 年度该户没有在帮的帮扶责任人"));
    }
}
