package cn.fupin.household.quality;

import static cn.fupin.household.quality.HouseholdFactsMother.facts;
import static cn.fupin.household.quality.HouseholdFactsMother.head;
import static cn.fupin.household.quality.HouseholdFactsMother.spouse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneHeadTests {

    private final OneHead rule = new OneHead();

    @Test
    void aHouseholdWithOneHeadPasses() {
        assertThat(rule.check(facts(head("张大山"), spouse("李秀英")))).isEmpty();
    }

    @Test
    void aHouseholdWithoutHeadIsRefused() {
        assertThat(rule.check(facts(spouse("李秀英")))).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("one-head");
            assertThat(finding.severity()).isEqualTo(Severity.BLOCKING);
            assertThat(finding.indicator()).isEqualTo("A5");
            assertThat(finding.memberId()).isNull();
            assertThat(finding.message()).contains("没有户主");
        });
    }

    @Test
    void twoHeadsAreRefusedAndNamed() {
        assertThat(rule.check(facts(head("张大山"), spouse("李秀英").relation("01")))).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("2 名户主", "张大山", "李秀英"));
    }

    @Test
    void onlyMembersLivingInTheHouseholdCount() {
        assertThat(rule.check(facts(head("张大山").left(), spouse("李秀英")))).hasSize(1);
        assertThat(rule.check(facts(head("张大山").left(), head("张小军")))).isEmpty();
    }
}
