package cn.fupin.household.quality;

import static cn.fupin.household.quality.HouseholdFactsMother.head;
import static cn.fupin.household.quality.HouseholdFactsMother.household;
import static cn.fupin.household.quality.HouseholdFactsMother.income;
import static cn.fupin.household.quality.HouseholdFactsMother.withRecord;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class IncomeBreakdownTests {

    private final IncomeBreakdown rule = new IncomeBreakdown();

    private List<Finding> check(String... income) {
        return rule.check(withRecord(household(List.of(), head("张大山")), income(income)));
    }

    @Test
    void totalsEqualToTheirPartsPass() {
        assertThat(check("A29", "5000", "A29b", "3000", "A29d", "1500.50", "A29f", "499.50", "A31", "800",
                "A31a", "800")).isEmpty();
        assertThat(check("A29", "3000", "A29b", "3000.00")).as("scale ignored").isEmpty();
    }

    @Test
    void totalsWithoutPartsAreNotChecked() {
        assertThat(check("A29", "5000", "A31", "800")).isEmpty();
    }

    @Test
    void aTransferTotalApartFromItsPartsIsFlagged() {
        assertThat(check("A29", "5000", "A29a", "1000", "A29e", "2000")).singleElement().satisfies(finding -> {
            assertThat(finding.field()).isEqualTo("income.transferIncome");
            assertThat(finding.indicator()).isEqualTo("A29");
            assertThat(finding.message()).contains("5000 元", "A29a–A29f", "3000 元");
        });
    }

    @Test
    void anUnfilledTotalWithPartsIsFlagged() {
        assertThat(check("A29c", "2400")).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("未填", "2400"));
        assertThat(check("A29c", "0")).as("parts of 0, total unfilled").isEmpty();
    }

    @Test
    void aPropertyTotalApartFromItsPartsIsFlagged() {
        assertThat(check("A31", "800", "A31a", "500", "A31b", "200")).singleElement().satisfies(finding -> {
            assertThat(finding.field()).isEqualTo("income.propertyIncome");
            assertThat(finding.indicator()).isEqualTo("A31");
        });
        assertThat(check("A29", "1", "A29a", "2", "A31", "3", "A31b", "4")).hasSize(2);
    }

    @Test
    void withoutTheYearsRecordNothingIsChecked() {
        assertThat(rule.check(HouseholdFactsMother.alone(household(List.of(), head("张大山"))))).isEmpty();
    }
}
