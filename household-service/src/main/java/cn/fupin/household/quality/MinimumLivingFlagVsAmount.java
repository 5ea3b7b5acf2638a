package cn.fupin.household.quality;

import java.math.BigDecimal;
import java.util.List;

import cn.fupin.household.annual.AnnualRecord;
import cn.fupin.household.household.Member;

/**
 * 低保标识与低保金不符: a member enjoys 低保 (A19) but the year's 低保金 (A29b) is unfilled or 0, or 低保金 is paid
 * and nobody living in the household enjoys 低保. Source: the national rule set (domain.md, "低保 / 特困 flags and
 * amounts that disagree"). The forms carry no 特困 flag, so only 低保 is checked. Needs the year's record.
 */
final class MinimumLivingFlagVsAmount implements QualityRule {

    @Override
    public String code() {
        return "minimum-living";
    }

    @Override
    public String title() {
        return "低保标识与低保金不符";
    }

    @Override
    public Severity severity() {
        return Severity.FINDING;
    }

    @Override
    public List<Finding> check(HouseholdFacts facts) {
        return facts.record().map(record -> check(record, facts.activeMembers())).orElse(List.of());
    }

    private List<Finding> check(AnnualRecord record, List<Member> living) {
        BigDecimal allowance = record.income().minimumLivingAllowance();
        boolean paid = allowance != null && allowance.signum() > 0;
        List<Member> recipients = living.stream()
                .filter(member -> Boolean.TRUE.equals(member.indicators().minimumLiving())).toList();
        if (!paid && !recipients.isEmpty()) {
            return List.of(Finding.ofHousehold(this, "income.minimumLivingAllowance", "A29b",
                    Members.names(recipients) + " 享受低保（A19），低保金（A29b）却未填或为 0"));
        }
        if (paid && recipients.isEmpty()) {
            return List.of(Finding.ofHousehold(this, "income.minimumLivingAllowance", "A29b", "低保金（A29b）为 "
                    + allowance.toPlainString() + " 元，但没有在户成员享受低保（A19）"));
        }
        return List.of();
    }
}
