package cn.fupin.household.quality;

import static cn.fupin.household.quality.HouseholdFactsMother.NOW;
import static cn.fupin.household.quality.HouseholdFactsMother.head;
import static cn.fupin.household.quality.HouseholdFactsMother.household;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.fupin.household.household.Helper;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.StatusChange;

class RegisteredWithoutHelperTests {

    private final RegisteredWithoutHelper rule = new RegisteredWithoutHelper();

    static Household poor() {
        Household household = household(List.of("01"), head("张大山"));
        household.applyApproved(StatusChange.IDENTIFICATION, UUID.randomUUID(), 2020, LocalDate.of(2020, 11, 5), null,
                NOW);
        return household;
    }

    static Helper helper(LocalDate start, LocalDate end) {
        return new Helper(UUID.randomUUID(), "王帮扶", null, "1", "01", "市扶贫办", start, end, null);
    }

    static HouseholdFacts facts(Household household) {
        return HouseholdFactsMother.alone(household);
    }

    @Test
    void aPoorHouseholdWithoutHelperIsFlagged() {
        assertThat(rule.check(facts(poor()))).singleElement()
                .satisfies(finding -> assertThat(finding.rule()).isEqualTo("registered-without-helper"));
    }

    @Test
    void aHelperDuringTheYearIsEnoughAndOneWhoLeftBeforeIsNot() {
        Household helped = poor();
        helped.assignHelpers(List.of(helper(LocalDate.of(2019, 3, 1), null)), NOW);
        Household formerly = poor();
        formerly.assignHelpers(List.of(helper(LocalDate.of(2017, 3, 1), LocalDate.of(2019, 12, 31))), NOW);

        assertThat(rule.check(facts(helped))).isEmpty();
        assertThat(rule.check(facts(formerly))).hasSize(1);
    }

    @Test
    void candidatesAreNotYetHelped() {
        assertThat(rule.check(facts(household(List.of("01"), head("张大山"))))).isEmpty();
    }
}
