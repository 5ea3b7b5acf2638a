package cn.fupin.household.quality;

import java.util.ArrayList;
import java.util.List;

import cn.fupin.household.household.Member;

/**
 * 务工区域与务工时间不符: a work area (A12) needs some months of work (A13), months of work need an area, and
 * months lie between 0 and 12. Source: the national rule set (domain.md, "Work area and work months (0–12)
 * consistent").
 */
final class WorkAreaVsMonths implements QualityRule {

    private static final int MONTHS_IN_YEAR = 12;

    @Override
    public String code() {
        return "work-area-months";
    }

    @Override
    public String title() {
        return "务工区域与务工时间不符";
    }

    @Override
    public Severity severity() {
        return Severity.FINDING;
    }

    @Override
    public List<Finding> check(HouseholdFacts facts) {
        List<Finding> findings = new ArrayList<>();
        for (Member member : facts.activeMembers()) {
            String area = member.indicators().workArea();
            Integer months = member.indicators().workMonths();
            if (months != null && (months < 0 || months > MONTHS_IN_YEAR)) {
                findings.add(Finding.ofMember(this, member, "indicators.workMonths", "A13",
                        member.name() + " 务工时间（A13）为 " + months + " 个月，应在 0 至 12 之间"));
            }
            else if (area != null && !Members.working(member)) {
                findings.add(Finding.ofMember(this, member, "indicators.workMonths", "A13",
                        member.name() + " 填了务工区域（A12 = " + area + "），务工时间（A13）却未填或为 0"));
            }
            else if (area == null && Members.working(member)) {
                findings.add(Finding.ofMember(this, member, "indicators.workArea", "A12",
                        member.name() + " 务工 " + months + " 个月（A13），却未填务工区域（A12）"));
            }
        }
        return findings;
    }
}
