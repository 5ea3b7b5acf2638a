package cn.fupin.household.quality;

import static cn.fupin.household.quality.HouseholdFactsMother.head;
import static cn.fupin.household.quality.HouseholdFactsMother.household;
import static cn.fupin.household.quality.HouseholdFactsMother.son;
import static cn.fupin.household.quality.HouseholdFactsMother.spouse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CauseWithoutMemberTests {

    private static final LocalDate BORN = LocalDate.of(2010, 4, 1);

    private final CauseWithoutMember rule = new CauseWithoutMember();

    private List<Finding> check(List<String> causes, MemberBuilder... members) {
        return rule.check(HouseholdFactsMother.alone(household(causes, members)));
    }

    @Test
    void causesBorneOutByMembersPass() {
        assertThat(check(List.of("01"), head("张大山").health("02"))).as("chronic illness").isEmpty();
        assertThat(check(List.of("01"), head("张大山").health("03"))).as("serious illness").isEmpty();
        assertThat(check(List.of("02"), head("张大山"), spouse("李秀英").health("04"))).isEmpty();
        assertThat(check(List.of("03"), head("张大山"), son("张小军", BORN).student("05"))).isEmpty();
    }

    @Test
    void illnessWithNobodyIllIsFlagged() {
        assertThat(check(List.of("01"), head("张大山").health("04"))).singleElement().satisfies(finding -> {
            assertThat(finding.field()).isEqualTo("causes");
            assertThat(finding.indicator()).isEqualTo("A27");
            assertThat(finding.message()).contains("01 因病", "A10");
        });
    }

    @Test
    void disabilityWithNobodyDisabledIsFlagged() {
        assertThat(check(List.of("02"), head("张大山").health("02"))).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("02 因残"));
    }

    @Test
    void schoolingWithNoStudentIsFlagged() {
        assertThat(check(List.of("03"), head("张大山").studentStatus("01"))).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("03 因学", "A9"));
    }

    @Test
    void everyUnsupportedCauseIsFlaggedAndOtherCausesAreNotChecked() {
        assertThat(check(List.of("01", "02", "03"), head("张大山"))).hasSize(3);
        assertThat(check(List.of("07", "09"), head("张大山"))).isEmpty();
    }

    @Test
    void aMemberWhoLeftDoesNotBearOutACause() {
        assertThat(check(List.of("01"), head("张大山"), spouse("李秀英").health("03").left())).hasSize(1);
    }
}
