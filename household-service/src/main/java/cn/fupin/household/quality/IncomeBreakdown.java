package cn.fupin.household.quality;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import cn.fupin.household.annual.Income;

/**
 * 收入分项之和与合计不符: A29 转移性收入 must equal A29a + … + A29f, and A31 财产性收入 must equal A31a + A31b,
 * whenever some part is filled (an unfilled total or part counts as 0). Source: domain.md, "Rules worth
 * encoding" ("a mismatch is a data-quality problem"). Needs the year's record.
 */
final class IncomeBreakdown implements QualityRule {

    @Override
    public String code() {
        return "income-breakdown";
    }

    @Override
    public String title() {
        return "收入分项之和与合计不符";
    }

    @Override
    public Severity severity() {
        return Severity.FINDING;
    }

    @Override
    public List<Finding> check(HouseholdFacts facts) {
        return facts.record().map(record -> Stream.of(transfer(record.income()), property(record.income()))
                .flatMap(Optional::stream).toList()).orElse(List.of());
    }

    private Optional<Finding> transfer(Income income) {
        return mismatch("income.transferIncome", "A29", "转移性收入", "A29a–A29f", income.transferIncome(),
                income.familyPlanningSubsidy(), income.minimumLivingAllowance(), income.extremePovertySupport(),
                income.pension(), income.ecologicalCompensation(), income.otherTransferIncome());
    }

    private Optional<Finding> property(Income income) {
        return mismatch("income.propertyIncome", "A31", "财产性收入", "A31a + A31b", income.propertyIncome(),
                income.assetDividend(), income.otherPropertyIncome());
    }

    private Optional<Finding> mismatch(String field, String indicator, String label, String partsName,
            BigDecimal total, BigDecimal... parts) {
        if (Stream.of(parts).allMatch(Objects::isNull)) {
            return Optional.empty();
        }
        BigDecimal sum = Stream.of(parts).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal given = total == null ? BigDecimal.ZERO : total;
        if (given.compareTo(sum) == 0) {
            return Optional.empty();
        }
        return Optional.of(Finding.ofHousehold(this, field, indicator, label + "（" + indicator + "）为 "
                + (total == null ? "未填" : total.toPlainString() + " 元") + "，与分项 " + partsName + " 之和 "
                + sum.toPlainString() + " 元不符"));
    }
}
