package cn.fupin.household.quality;

import static cn.fupin.household.quality.HouseholdFactsMother.facts;
import static cn.fupin.household.quality.HouseholdFactsMother.head;
import static cn.fupin.household.quality.HouseholdFactsMother.idOf;
import static cn.fupin.household.quality.HouseholdFactsMother.residentId;
import static cn.fupin.household.quality.HouseholdFactsMother.spouse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ResidentIdConsistencyTests {

    private static final LocalDate BORN = LocalDate.of(1975, 3, 8);

    private final ResidentIdConsistency rule = new ResidentIdConsistency();

    @Test
    void validNumbersAgreeingWithSexAndBirthDatePass() {
        assertThat(rule.check(facts(head("张大山"), spouse("李秀英")))).isEmpty();
    }

    @Test
    void aWrongCheckCharacterIsRefused() {
        String valid = residentId(BORN, "1");
        String wrong = valid.substring(0, 17) + (valid.endsWith("0") ? "1" : "0");
        HouseholdFacts facts = facts(head("张大山").id("01", wrong));

        assertThat(rule.check(facts)).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.BLOCKING);
            assertThat(finding.memberId()).isEqualTo(idOf(facts.household(), "张大山"));
            assertThat(finding.field()).isEqualTo("idNumber");
            assertThat(finding.indicator()).isEqualTo("A4");
            assertThat(finding.message()).contains("张大山", "校验位");
        });
        assertThat(rule.check(facts(head("张大山").id("01", "3504811975030")))).as("length").hasSize(1);
    }

    @Test
    void aSexApartFromTheNumberIsRefused() {
        assertThat(rule.check(facts(head("张大山").gender("2")))).singleElement().satisfies(finding -> {
            assertThat(finding.field()).isEqualTo("gender");
            assertThat(finding.indicator()).isEqualTo("A2");
        });
    }

    @Test
    void aBirthDateApartFromTheNumberIsRefused() {
        assertThat(rule.check(facts(head("张大山").born(LocalDate.of(1975, 3, 9))))).singleElement()
                .satisfies(finding -> assertThat(finding.field()).isEqualTo("birthDate"));
        assertThat(rule.check(facts(head("张大山").born(null)))).as("no birth date to compare").isEmpty();
    }

    @Test
    void aLegacyNumberIsValidAndNotHeldToTheSex() {
        assertThat(rule.check(facts(head("张大山").id("01", "350481750308002")))).isEmpty();
    }

    @Test
    void otherDocumentsAndMembersWhoLeftAreNotChecked() {
        assertThat(rule.check(facts(head("张大山").id("03", "军字第0012345号")))).isEmpty();
        assertThat(rule.check(facts(head("张大山"), spouse("李秀英").id("01", "123").left()))).isEmpty();
    }
}
