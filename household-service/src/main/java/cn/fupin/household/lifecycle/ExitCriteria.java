package cn.fupin.household.lifecycle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.fupin.contracts.rules.BasicNeed;
import cn.fupin.household.annual.AnnualRecord;
import cn.fupin.platform.domain.FieldError;

/**
 * 贫困户退出标准: per-capita net income above the year's poverty line and “两不愁三保障” — no compulsory-education
 * dropout, basic medical insurance, safe housing, safe drinking water (the work plan; 国务院扶贫办 exit rules).
 * Every failing criterion is named, so the clerk knows all that is missing at once.
 */
final class ExitCriteria {

    /** What the record shows when a guarantee is not met. */
    private static final Map<BasicNeed, String> UNMET = Map.of(
            BasicNeed.NO_COMPULSORY_EDUCATION_DROPOUT, "有义务教育阶段失学辍学的成员",
            BasicNeed.BASIC_MEDICAL_INSURANCE, "有在户成员未参加城乡居民基本医疗保险",
            BasicNeed.SAFE_HOUSING, "住房不安全（C 级或 D 级危房，或危房等级未录入）",
            BasicNeed.SAFE_DRINKING_WATER, "未解决安全饮用水");

    private ExitCriteria() {
    }

    static List<FieldError> failures(AnnualRecord record, BigDecimal povertyLine) {
        List<FieldError> failures = new ArrayList<>();
        if (record.perCapitaIncome().compareTo(povertyLine) <= 0) {
            failures.add(new FieldError("perCapitaIncome", null, record.year() + " 年度人均纯收入 "
                    + record.perCapitaIncome().toPlainString() + " 元未超过当年贫困线 " + povertyLine.toPlainString() + " 元"));
        }
        for (BasicNeed need : BasicNeed.values()) {
            if (!record.basicNeeds().met(need)) {
                failures.add(new FieldError(need.field(), need.indicator(), UNMET.get(need)));
            }
        }
        return failures;
    }
}
