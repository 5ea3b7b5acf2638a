package cn.fupin.monitoring.objects;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.fupin.contracts.rules.BasicNeed;
import cn.fupin.monitoring.households.HouseholdSummary;
import cn.fupin.workplan.YearlyPolicy;
import cn.fupin.platform.domain.FieldError;

/**
 * 风险消除条件: per-capita income of the assessed year (考核年度, the year the work plan in force assesses) above
 * the plan's monitoring line (poverty line × factor), no unresolved 两不愁三保障
 * problem, every risk resolved at the assessment, and labour capacity — a household without it stays monitored
 * (national practice since 2021) unless a reason overrides. Every failing criterion is named.
 */
final class EliminationCriteria {

    private EliminationCriteria() {
    }

    static List<FieldError> failures(HouseholdSummary household, List<String> remainingRisks, String overrideReason,
            YearlyPolicy inForce) {
        List<FieldError> failures = new ArrayList<>();
        BigDecimal monitoringLine = inForce.monitoringLine();
        int assessedYear = inForce.assessedYear();
        if (household.perCapitaIncome() == null) {
            failures.add(new FieldError("perCapitaIncome", null, "该户尚无年度收入数据，无法核验是否高于监测线"));
        }
        else if (household.incomeYear() == null || household.incomeYear() != assessedYear) {
            failures.add(new FieldError("perCapitaIncome", null, "该户最新收入为 " + household.incomeYear()
                    + " 年度的，风险消除须以考核年度（" + assessedYear + " 年）的收入为依据"));
        }
        else if (household.perCapitaIncome().compareTo(monitoringLine) <= 0) {
            failures.add(new FieldError("perCapitaIncome", null, household.incomeYear() + " 年度人均纯收入 "
                    + household.perCapitaIncome().toPlainString() + " 元未高于监测线 " + monitoringLine.toPlainString()
                    + " 元"));
        }
        for (BasicNeed need : BasicNeed.values()) {
            if (household.basicNeeds() == null || !household.basicNeeds().met(need)) {
                failures.add(new FieldError(need.field(), need.indicator(), need.label() + "保障未落实或未核实"));
            }
        }
        if (remainingRisks != null && !remainingRisks.isEmpty()) {
            failures.add(new FieldError("risks", "A52", "评估时仍有未化解的风险：" + String.join("、", remainingRisks)));
        }
        if (!household.hasLabourCapacity() && (overrideReason == null || overrideReason.isBlank())) {
            failures.add(new FieldError("overrideReason", null, "该户无劳动能力，按规定继续监测；确需消除风险须写明理由"));
        }
        return failures;
    }
}
