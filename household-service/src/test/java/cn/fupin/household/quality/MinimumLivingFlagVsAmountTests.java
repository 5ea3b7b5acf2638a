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

class MinimumLivingFlagVsAmountTests {

    private final MinimumLivingFlagVsAmount rule = new MinimumLivingFlagVsAmount();

    private List<Finding> check(Income income, MemberBuilder... members) {
        return rule.check(withRecord(household(List.of(), members), income));
    }

    @Test
    void anAllowanceForARecipientPasses() {
        assertThat(check(income("A29b", "3600"), head("张大山").minimumLiving(), spouse("李秀英"))).isEmpty();
        assertThat(check(income("A30", "6000"), head("张大山"))).as("neither").isEmpty();
    }

    @Test
    void aRecipientWithoutAllowanceIsFlaggedAndNamed() {
        assertThat(check(income("A30", "6000"), head("张大山").minimumLiving(), spouse("李秀英").minimumLiving()))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.field()).isEqualTo("income.minimumLivingAllowance");
                    assertThat(finding.indicator()).isEqualTo("A29b");
                    assertThat(finding.message()).contains("张大山、李秀英", "A19");
                });
        assertThat(check(income("A29b", "0"), head("张大山").minimumLiving())).as("zero").hasSize(1);
    }

    @Test
    void anAllowanceWithoutRecipientIsFlagged() {
        assertThat(check(income("A29b", "3600"), head("张大山"))).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("3600 元", "A19"));
    }

    @Test
    void aRecipientWhoLeftDoesNotCount() {
        assertThat(check(income("A29b", "3600"), head("张大山"), spouse("李秀英").minimumLiving().left())).hasSize(1);
    }

    @Test
    void withoutTheYearsRecordNothingIsChecked() {
        assertThat(rule.check(HouseholdFactsMother.alone(household(List.of(), head("张大山").minimumLiving())))).isEmpty();
    }
}
