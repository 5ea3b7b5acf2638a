package cn.fupin.household.quality;

import static cn.fupin.household.quality.HouseholdFactsMother.facts;
import static cn.fupin.household.quality.HouseholdFactsMother.head;
import static cn.fupin.household.quality.HouseholdFactsMother.idOf;
import static cn.fupin.household.quality.HouseholdFactsMother.son;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class AgeVsSchoolLevelTests {

    private final AgeVsSchoolLevel rule = new AgeVsSchoolLevel();

    private List<Finding> check(LocalDate born, String studentStatus) {
        return rule.check(facts(head("张大山"), son("张小军", born).student(studentStatus)));
    }

    @Test
    void studentsOfTheUsualAgePass() {
        assertThat(check(LocalDate.of(2012, 3, 1), "03")).as("8 in primary").isEmpty();
        assertThat(check(LocalDate.of(2007, 3, 1), "05")).as("13 in grade 8").isEmpty();
        assertThat(check(LocalDate.of(2004, 3, 1), "08")).as("16 in senior high").isEmpty();
        assertThat(check(LocalDate.of(2001, 3, 1), "16")).as("19 in college").isEmpty();
    }

    @Test
    void aFourteenYearOldInSeniorHighIsFlagged() {
        HouseholdFacts facts = facts(head("张大山"), son("张小军", LocalDate.of(2006, 3, 1)).student("07"));

        assertThat(rule.check(facts)).singleElement().satisfies(finding -> {
            assertThat(finding.memberId()).isEqualTo(idOf(facts.household(), "张小军"));
            assertThat(finding.indicator()).isEqualTo("A9");
            assertThat(finding.message()).contains("张小军", "14 岁", "A9 = 07", "高中");
        });
    }

    @Test
    void aTwentyYearOldInPrimarySchoolIsFlagged() {
        assertThat(check(LocalDate.of(2000, 3, 1), "03")).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("20 岁", "小学"));
        assertThat(check(LocalDate.of(2001, 3, 1), "03")).as("19").isEmpty();
    }

    @Test
    void theAgeIsCountedOnTheLastDayOfTheYear() {
        assertThat(check(LocalDate.of(2005, 12, 31), "07")).as("15 on 2020-12-31").isEmpty();
        assertThat(check(LocalDate.of(2006, 1, 1), "07")).as("14 on 2020-12-31").hasSize(1);
    }

    @Test
    void nonStudentsAndMembersWithoutBirthDateAreNotChecked() {
        assertThat(rule.check(facts(head("张大山").studentStatus("01")))).isEmpty();
        assertThat(rule.check(facts(head("张大山").student("03").born(null)))).isEmpty();
    }

    @Test
    void aStudentWhoLeftDoesNotCount() {
        assertThat(rule.check(facts(head("张大山"), son("张小军", LocalDate.of(2000, 3, 1)).student("03").left())))
                .isEmpty();
    }
}
