package cn.fupin.workplan;

import java.math.BigDecimal;
import java.math.RoundingMode;

import tools.jackson.databind.JsonNode;

/**
 * 年度政策参数: the figures the city office sets for one work year with its work plan — the year whose incomes it
 * assesses, the poverty line (扶贫标准), the monitoring-line factor and the shortest public notice — as every service
 * reads them. Published by review-service with the plan ({@code WorkPlanPublished.policy}); each service keeps its
 * own copy.
 *
 * @param year the work year
 * @param revision the work plan's revision that set them
 * @param assessedYear 考核年度: the year whose record an exit or a risk elimination rests on during this work year —
 *        the work year itself unless the plan says an earlier one
 * @param povertyLine yuan per person and year
 * @param monitoringLineFactor 边缘易致贫户: income below about this many times the line (国开发〔2020〕6号: 1.5)
 * @param publicityDaysMin 公示: each notice lasts at least this many days
 */
public record YearlyPolicy(int year, int revision, int assessedYear, BigDecimal povertyLine,
        BigDecimal monitoringLineFactor, int publicityDaysMin) {

    public YearlyPolicy {
        povertyLine = povertyLine.setScale(2, RoundingMode.HALF_UP);
        monitoringLineFactor = monitoringLineFactor.setScale(2, RoundingMode.HALF_UP);
    }

    /** 监测线: the poverty line times the factor, in yuan with two places — the one place it is computed. */
    public BigDecimal monitoringLine() {
        return povertyLine.multiply(monitoringLineFactor).setScale(2, RoundingMode.HALF_UP);
    }

    /** The figures as {@code WorkPlanPublished} carries them ({@code data.policy}): amounts as decimal strings. */
    public Published published() {
        return new Published(assessedYear, povertyLine.toPlainString(), monitoringLineFactor.toPlainString(),
                monitoringLine().toPlainString(), publicityDaysMin);
    }

    /**
     * Reads {@link #published()}'s shape back; figures published before the assessed year was stated assess their
     * own year.
     */
    public static YearlyPolicy fromJson(int year, int revision, JsonNode policy) {
        return new YearlyPolicy(year, revision, policy.path("assessedYear").asInt(year),
                new BigDecimal(policy.required("povertyLine").asString()),
                new BigDecimal(policy.required("monitoringLineFactor").asString()),
                policy.required("publicityDaysMin").asInt());
    }

    /** {@code WorkPlanPublished.policy}. */
    public record Published(int assessedYear, String povertyLine, String monitoringLineFactor, String monitoringLine,
            int publicityDaysMin) {
    }
}
