package cn.fupin.household.quality;

import java.math.BigDecimal;
import java.util.List;

import cn.fupin.household.annual.AnnualRecord;
import cn.fupin.household.household.Member;

/**
 * 工资性收入与务工人员不符: wage income (A28) with no member who worked in the year (A13 > 0), or members who
 * worked and no wage income. Source: the national rule set (domain.md, "wage income with no worker, or workers
 * with no wage income"). Needs the year's record.
 */
final class WageIncomeVsWorkers implements QualityRule {

    @Override
    public String code() {
        return "wage-income-workers";
    }

    @Override
    public String title() {
        return "工资性收入与务工人员不符";
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
        BigDecimal wage = record.income().wageIncome();
        boolean paid = wage != null && wage.signum() > 0;
        List<Member> workers = living.stream().filter(Members::working).toList();
        if (paid && workers.isEmpty()) {
            return List.of(Finding.ofHousehold(this, "income.wageIncome", "A28", "工资性收入（A28）为 "
                    + wage.toPlainString() + " 元，但没有在户成员有务工时间（A13）"));
        }
        if (!paid && !workers.isEmpty()) {
            return List.of(Finding.ofHousehold(this, "income.wageIncome", "A28",
                    Members.names(workers) + " 有务工时间（A13），工资性收入（A28）却未填或为 0"));
        }
        return List.of();
    }
}
