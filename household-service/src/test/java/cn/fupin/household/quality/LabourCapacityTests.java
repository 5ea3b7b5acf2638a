package cn.fupin.household.quality;

import static cn.fupin.household.quality.HouseholdFactsMother.facts;
import static cn.fupin.household.quality.HouseholdFactsMother.head;
import static cn.fupin.household.quality.HouseholdFactsMother.idOf;
import static cn.fupin.household.quality.HouseholdFactsMother.son;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class LabourCapacityTests {

    private final LabourCapacity rule = new LabourCapacity();

    private List<Finding> check(MemberBuilder member) {
        return rule.check(facts(member));
    }

    @Test
    void aHealthyWorkingAgeLabourerPasses() {
        assertThat(check(head("张大山"))).isEmpty();
        assertThat(check(head("张大山").labourSkill(null))).as("A11 unfilled").isEmpty();
    }

    @Test
    void aHealthyWorkingAgeMemberWithoutLabourIsFlagged() {
        HouseholdFacts facts = facts(head("张大山").labourSkill("04"));

        assertThat(rule.check(facts)).singleElement().satisfies(finding -> {
            assertThat(finding.memberId()).isEqualTo(idOf(facts.household(), "张大山"));
            assertThat(finding.field()).isEqualTo("indicators.labourSkill");
            assertThat(finding.indicator()).isEqualTo("A11");
            assertThat(finding.message()).contains("张大山", "45 岁", "A11", "04");
        });
        assertThat(check(head("张大山").labourSkill("03"))).as("丧失劳动力").hasSize(1);
    }

    @Test
    void illOrDisabledMembersPass() {
        assertThat(check(head("张大山").labourSkill("03").health("03"))).isEmpty();
        assertThat(check(head("张大山").labourSkill("03").health("01", "04"))).isEmpty();
    }

    @Test
    void workingAgeRunsFromSixteenToFiftyNine() {
        assertThat(check(head("张大山").labourSkill("04").born(LocalDate.of(2004, 12, 31)))).as("16").hasSize(1);
        assertThat(check(head("张大山").labourSkill("04").born(LocalDate.of(2005, 1, 1)))).as("15").isEmpty();
        assertThat(check(head("张大山").labourSkill("04").born(LocalDate.of(1961, 1, 1)))).as("59").hasSize(1);
        assertThat(check(head("张大山").labourSkill("04").born(LocalDate.of(1960, 12, 31)))).as("60").isEmpty();
        assertThat(check(head("张大山").labourSkill("04").born(null))).as("age unknown").isEmpty();
    }

    @Test
    void studentsAndMembersWhoLeftAreNotChecked() {
        assertThat(rule.check(facts(head("张大山"), son("张小军", LocalDate.of(2003, 5, 1)).student("13")
                .labourSkill("04")))).isEmpty();
        assertThat(rule.check(facts(head("张大山"), son("张小军", LocalDate.of(1999, 5, 1)).labourSkill("04").left())))
                .isEmpty();
    }
}
