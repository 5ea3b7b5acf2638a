package cn.fupin.household.quality;

import static cn.fupin.household.quality.HouseholdFactsMother.facts;
import static cn.fupin.household.quality.HouseholdFactsMother.head;
import static cn.fupin.household.quality.HouseholdFactsMother.son;
import static cn.fupin.household.quality.HouseholdFactsMother.spouse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.fupin.household.household.Member;

class HouseholdFactsTests {

    @Test
    void onlyMembersLivingInTheHouseholdAreActive() {
        HouseholdFacts facts = facts(head("张大山"), spouse("李秀英").left());

        assertThat(facts.activeMembers()).extracting(Member::name).containsExactly("张大山");
    }

    @Test
    void agesAreCountedOnTheLastDayOfTheYear() {
        HouseholdFacts facts = facts(head("张大山"), son("张小军", LocalDate.of(2005, 12, 31)),
                son("张小明", LocalDate.of(2006, 1, 1)), son("张小华", LocalDate.of(2006, 1, 1)).born(null));

        assertThat(facts.activeMembers()).extracting(facts::ageOf).map(age -> age.isPresent() ? age.getAsInt() : -1)
                .containsExactlyInAnyOrder(45, 15, 14, -1);
    }
}
