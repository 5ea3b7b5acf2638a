package cn.fupin.household.quality;

import static cn.fupin.household.quality.HouseholdFactsMother.facts;
import static cn.fupin.household.quality.HouseholdFactsMother.head;
import static cn.fupin.household.quality.HouseholdFactsMother.idOf;
import static cn.fupin.household.quality.HouseholdFactsMother.son;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class EducationOrStudentTests {

    private static final LocalDate BORN = LocalDate.of(2004, 5, 1);

    private final EducationOrStudent rule = new EducationOrStudent();

    @Test
    void anAdultWithEducationAndAStudentWithASchoolLevelPass() {
        assertThat(rule.check(facts(head("张大山"), son("张小军", BORN).student("09")))).isEmpty();
    }

    @Test
    void notAStudentWithEducationPasses() {
        assertThat(rule.check(facts(head("张大山").studentStatus("01")))).isEmpty();
    }

    @Test
    void aStudentWithEducationIsFlagged() {
        HouseholdFacts facts = facts(head("张大山"), son("张小军", BORN).student("09").education("03"));

        assertThat(rule.check(facts)).singleElement().satisfies(finding -> {
            assertThat(finding.memberId()).isEqualTo(idOf(facts.household(), "张小军"));
            assertThat(finding.indicator()).isEqualTo("A8");
            assertThat(finding.message()).contains("张小军", "A8 = 03", "A9 = 09", "只能填一项");
        });
    }

    @Test
    void neitherFilledIsFlagged() {
        assertThat(rule.check(facts(head("张大山").education(null)))).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("张大山", "都未填"));
        assertThat(rule.check(facts(head("张大山").education(null).studentStatus("01")))).as("A9 01 only").hasSize(1);
    }

    @Test
    void aMemberWhoLeftDoesNotCount() {
        assertThat(rule.check(facts(head("张大山"), son("张小军", BORN).education(null).left()))).isEmpty();
    }
}
