package cn.fupin.household.quality;

import static cn.fupin.household.quality.HouseholdFactsMother.facts;
import static cn.fupin.household.quality.HouseholdFactsMother.head;
import static cn.fupin.household.quality.HouseholdFactsMother.idOf;
import static cn.fupin.household.quality.HouseholdFactsMother.spouse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneSpouseTests {

    private final OneSpouse rule = new OneSpouse();

    @Test
    void aSpouseOfTheOtherSexPasses() {
        assertThat(rule.check(facts(head("张大山"), spouse("李秀英")))).isEmpty();
        assertThat(rule.check(facts(head("张大山")))).as("no spouse").isEmpty();
    }

    @Test
    void twoSpousesAreFlaggedAndNamed() {
        assertThat(rule.check(facts(head("张大山"), spouse("李秀英"), spouse("王小红")))).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.severity()).isEqualTo(Severity.FINDING);
                    assertThat(finding.indicator()).isEqualTo("A5");
                    assertThat(finding.message()).contains("2 名配偶", "李秀英", "王小红");
                });
    }

    @Test
    void aSpouseOfTheHeadsSexIsFlaggedOnTheSpouse() {
        HouseholdFacts facts = facts(head("张大山"), spouse("李秀英").gender("1"));

        assertThat(rule.check(facts)).singleElement().satisfies(finding -> {
            assertThat(finding.memberId()).isEqualTo(idOf(facts.household(), "李秀英"));
            assertThat(finding.field()).isEqualTo("gender");
            assertThat(finding.indicator()).isEqualTo("A2");
            assertThat(finding.message()).contains("李秀英", "张大山", "A2");
        });
    }

    @Test
    void anUnknownSexIsNotCompared() {
        assertThat(rule.check(facts(head("张大山").gender("9"), spouse("李秀英").gender("9")))).isEmpty();
        assertThat(rule.check(facts(head("张大山").gender(null), spouse("李秀英").gender(null)))).isEmpty();
    }

    @Test
    void aSpouseWhoLeftDoesNotCount() {
        assertThat(rule.check(facts(head("张大山"), spouse("李秀英").left(), spouse("王小红")))).isEmpty();
        assertThat(rule.check(facts(head("张大山"), spouse("李秀英").gender("1").left()))).isEmpty();
    }
}
