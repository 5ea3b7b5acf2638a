package cn.fupin.household.quality;

import static cn.fupin.household.quality.HouseholdFactsMother.head;
import static cn.fupin.household.quality.HouseholdFactsMother.household;
import static cn.fupin.household.quality.HouseholdFactsMother.income;
import static cn.fupin.household.quality.HouseholdFactsMother.spouse;
import static cn.fupin.household.quality.HouseholdFactsMother.withRecord;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.fupin.household.annual.Income;

class WageIncomeVsWorkersTests {

    private final WageIncomeVsWorkers rule = new WageIncomeVsWorkers();

    private List<Finding> check(Income income, MemberBuilder... members) {
        return rule.check(withRecord(household(List.of(), members), income));
    }

    @Test
    void wagesWithAWorkerPass() {
        assertThat(check(income("A28", "12000"), head("张大山").work("03", 8), spouse("李秀英"))).isEmpty();
        assertThat(check(income("A30", "6000"), head("张大山"))).as("no wage, no worker").isEmpty();
    }

    @Test
    void wagesWithoutWorkerAreFlagged() {
        assertThat(check(income("A28", "12000"), head("张大山"), spouse("李秀英"))).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.field()).isEqualTo("income.wageIncome");
                    assertThat(finding.indicator()).isEqualTo("A28");
                    assertThat(finding.memberId()).isNull();
                    assertThat(finding.message()).contains("12000", "A13");
                });
    }

    @Test
    void workersWithoutWagesAreFlaggedAndNamed() {
        assertThat(check(income("A30", "6000"), head("张大山").work("03", 8), spouse("李秀英").work("01", 3)))
                .singleElement().satisfies(finding -> assertThat(finding.message()).contains("张大山、李秀英", "A28"));
        assertThat(check(income("A28", "0"), head("张大山").work("03", 8))).as("zero wage").hasSize(1);
    }

    @Test
    void aWorkerWhoLeftDoesNotCount() {
        assertThat(check(income("A30", "6000"), head("张大山"), spouse("李秀英").work("03", 8).left())).isEmpty();
    }

    @Test
    void withoutTheYearsRecordNothingIsChecked() {
        assertThat(rule.check(HouseholdFactsMother.alone(household(List.of(), head("张大山").work("03", 8))))).isEmpty();
    }
}
