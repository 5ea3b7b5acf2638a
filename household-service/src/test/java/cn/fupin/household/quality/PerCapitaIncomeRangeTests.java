package cn.fupin.household.quality;

import static cn.fupin.household.quality.HouseholdFactsMother.head;
import static cn.fupin.household.quality.HouseholdFactsMother.household;
import static cn.fupin.household.quality.HouseholdFactsMother.income;
import static cn.fupin.household.quality.HouseholdFactsMother.spouse;
import static cn.fupin.household.quality.HouseholdFactsMother.withRecord;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PerCapitaIncomeRangeTests {

    private final PerCapitaIncomeRange rule = new PerCapitaIncomeRange();

    private List<Finding> check(String... income) {
        return rule.check(withRecord(household(List.of(), head("张大山"), spouse("李秀英")), income(income)));
    }

    @Test
    void anOrdinaryIncomePasses() {
        assertThat(check("A30", "12000", "A28", "6000")).isEmpty();
    }

    @Test
    void noIncomeOrALossIsFlagged() {
        assertThat(check("A30", "0")).singleElement().satisfies(finding -> {
            assertThat(finding.field()).isEqualTo("perCapitaIncome");
            assertThat(finding.memberId()).isNull();
            assertThat(finding.message()).contains("2020 年度", "0.00 元");
        });
        assertThat(check("A30", "1000", "A32", "3000")).as("-1000.00 each").hasSize(1);
        assertThat(check("A30", "0.02")).as("0.01 each").isEmpty();
    }

    @Test
    void aboveOneHundredThousandIsFlagged() {
        assertThat(check("A30", "200000")).as("100000.00 each").isEmpty();
        assertThat(check("A30", "200000.02")).as("100000.01 each").singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("100000.01"));
    }

    @Test
    void withoutTheYearsRecordNothingIsChecked() {
        assertThat(rule.check(HouseholdFactsMother.alone(household(List.of(), head("张大山"))))).isEmpty();
    }
}
