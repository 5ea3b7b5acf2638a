package cn.fupin.household.annual;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.Stream;

/**
 * 收入情况 of a year (A28–A32), in yuan; null means not filled in.
 *
 * @param wageIncome A28 工资性收入
 * @param transferIncome A29 转移性收入 (should equal A29a–A29f)
 * @param familyPlanningSubsidy A29a 计划生育金
 * @param minimumLivingAllowance A29b 低保金
 * @param extremePovertySupport A29c 特困供养金
 * @param pension A29d 养老保险金
 * @param ecologicalCompensation A29e 生态补偿金
 * @param otherTransferIncome A29f 其他转移性收入
 * @param productionIncome A30 生产经营性收入
 * @param propertyIncome A31 财产性收入 (should equal A31a + A31b)
 * @param assetDividend A31a 资产收益扶贫分红收入
 * @param otherPropertyIncome A31b 其他财产性收入
 * @param productionExpenses A32 生产经营性支出
 */
public record Income(BigDecimal wageIncome, BigDecimal transferIncome, BigDecimal familyPlanningSubsidy,
        BigDecimal minimumLivingAllowance, BigDecimal extremePovertySupport, BigDecimal pension,
        BigDecimal ecologicalCompensation, BigDecimal otherTransferIncome, BigDecimal productionIncome,
        BigDecimal propertyIncome, BigDecimal assetDividend, BigDecimal otherPropertyIncome,
        BigDecimal productionExpenses) {

    /**
     * 家庭纯收入 = A28 + A30 + A31 + A29 − A32 (the national definition the work plan uses); unfilled items
     * count as zero.
     */
    public BigDecimal netIncome() {
        return sum(wageIncome, productionIncome, propertyIncome, transferIncome).subtract(orZero(productionExpenses))
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** 人均纯收入: net income divided by the members living in the household, to the fen, half up. */
    public BigDecimal perCapita(int householdSize) {
        if (householdSize <= 0) {
            throw new IllegalArgumentException("a household without members has no per-capita income");
        }
        return netIncome().divide(BigDecimal.valueOf(householdSize), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(BigDecimal... amounts) {
        return Stream.of(amounts).map(Income::orZero).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
