package cn.fupin.household.quality;

import static cn.fupin.household.quality.HouseholdFactsMother.facts;
import static cn.fupin.household.quality.HouseholdFactsMother.head;
import static cn.fupin.household.quality.HouseholdFactsMother.spouse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class LegacyResidentIdTests {

    private final LegacyResidentId rule = new LegacyResidentId();

    @Test
    void eighteenDigitNumbersPass() {
        assertThat(rule.check(facts(head("张大山"), spouse("李秀英")))).isEmpty();
    }

    @Test
    void aFifteenDigitNumberIsFlaggedForTheMember() {
        var old = spouse("李秀英").born(LocalDate.of(1949, 12, 31)).id("01", "110105491231002");

        assertThat(rule.check(facts(head("张大山"), old))).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("legacy-resident-id");
            assertThat(finding.severity()).isEqualTo(Severity.FINDING);
            assertThat(finding.indicator()).isEqualTo("A4");
            assertThat(finding.message()).contains("李秀英", "15 位");
        });
    }

    @Test
    void membersWhoLeftAndOtherDocumentsAreNotFlagged() {
        assertThat(rule.check(facts(head("张大山"), spouse("李秀英").id("01", "110105491231002").left()))).isEmpty();
        assertThat(rule.check(facts(head("张大山"), spouse("李秀英").id("03", "110105491231002")))).isEmpty();
    }
}
