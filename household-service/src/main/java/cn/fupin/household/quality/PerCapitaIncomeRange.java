package cn.fupin.household.quality;

import java.math.BigDecimal;
import java.util.List;

import cn.fupin.household.annual.AnnualRecord;

/**
 * 人均纯收入不在合理区间: the year's per-capita net income is at most 0 or above 100,000 yuan. Source: the
 * national rule set of 2020–2021 (domain.md, "Per-capita net income ≤ 0 or above 100,000 yuan"); the bounds are
 * the national rule's own, the same every year so far. Needs the year's record.
 */
final class PerCapitaIncomeRange implements QualityRule {

    private static final BigDecimal HIGHEST = new BigDecimal("100000");

    @Override
    public String code() {
        return "per-capita-income";
    }

    @Override
    public String title() {
        return "人均纯收入不大于 0 或超过 10 万元";
    }

    @Override
    public Severity severity() {
        return Severity.FINDING;
    }

    @Override
    public List<Finding> check(HouseholdFacts facts) {
        return facts.record().filter(PerCapitaIncomeRange::outOfRange)
                .map(record -> List.of(Finding.ofHousehold(this, "perCapitaIncome", null, record.year() + " 年度人均纯收入 "
                        + record.perCapitaIncome().toPlainString() + " 元，不在 0（不含）至 100000 元之间")))
                .orElse(List.of());
    }

    private static boolean outOfRange(AnnualRecord record) {
        return record.perCapitaIncome().signum() <= 0 || record.perCapitaIncome().compareTo(HIGHEST) > 0;
    }
}
