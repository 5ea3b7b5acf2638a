package cn.fupin.household.quality;

import static cn.fupin.household.quality.HouseholdFactsMother.facts;
import static cn.fupin.household.quality.HouseholdFactsMother.head;
import static cn.fupin.household.quality.HouseholdFactsMother.son;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkAreaVsMonthsTests {

    private final WorkAreaVsMonths rule = new WorkAreaVsMonths();

    private List<Finding> check(String area, Integer months) {
        return rule.check(facts(head("张大山").work(area, months)));
    }

    @Test
    void anAreaWithMonthsAndNeitherPass() {
        assertThat(check("02", 8)).isEmpty();
        assertThat(check("04", 12)).isEmpty();
        assertThat(check(null, null)).isEmpty();
        assertThat(check(null, 0)).isEmpty();
    }

    @Test
    void anAreaWithoutMonthsIsFlagged() {
        assertThat(check("02", 0)).singleElement().satisfies(finding -> {
            assertThat(finding.field()).isEqualTo("indicators.workMonths");
            assertThat(finding.indicator()).isEqualTo("A13");
            assertThat(finding.message()).contains("张大山", "A12 = 02");
        });
        assertThat(check("02", null)).hasSize(1);
    }

    @Test
    void monthsWithoutAreaAreFlagged() {
        assertThat(check(null, 6)).singleElement().satisfies(finding -> {
            assertThat(finding.field()).isEqualTo("indicators.workArea");
            assertThat(finding.indicator()).isEqualTo("A12");
            assertThat(finding.message()).contains("张大山", "6 个月");
        });
    }

    @Test
    void monthsOutsideTheYearAreFlagged() {
        assertThat(check("02", 13)).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("13 个月", "0 至 12"));
        assertThat(check(null, -1)).hasSize(1);
    }

    @Test
    void aMemberWhoLeftDoesNotCount() {
        assertThat(rule.check(facts(head("张大山"), son("张小军", LocalDate.of(1999, 5, 1)).work("02", 0).left()))).isEmpty();
    }
}
