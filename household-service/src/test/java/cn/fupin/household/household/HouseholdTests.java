package cn.fupin.household.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.fupin.platform.web.ApiException;

class HouseholdTests {

    static final Instant NOW = Instant.parse("2020-11-02T02:00:00Z");

    static Member member(String relation, String gender) {
        return new Member(UUID.randomUUID(), "成员", gender, "01", UUID.randomUUID().toString(), relation, "01",
                LocalDate.of(1980, 1, 1), MemberIndicators.NONE, null, true, null, null, null, null);
    }

    static Household household(Member... members) {
        return Household.register(new NewHousehold(Category.REGISTERED, "350481100201", null, null, "1", false, null,
                null, List.of("01"), List.of()), List.of(members), NOW);
    }

    @Test
    void aNewbornJoinsAndTheHouseholdGrows() {
        Household household = household(member("01", "1"), member("02", "2"));
        Member baby = member("03", "1");

        household.addMember(baby, "1", LocalDate.of(2020, 10, 3), NOW);

        assertThat(household.getSize()).isEqualTo(3);
        assertThat(household.getMembers()).filteredOn(m -> m.memberId().equals(baby.memberId())).singleElement()
                .satisfies(m -> {
                    assertThat(m.increaseReason()).isEqualTo("1");
                    assertThat(m.joinedOn()).isEqualTo(LocalDate.of(2020, 10, 3));
                });
        assertThat(household.pendingEvents()).last().isInstanceOfSatisfying(MemberAdded.class,
                event -> assertThat(event.size()).isEqualTo(3));
    }

    @Test
    void aSecondHeadCannotJoin() {
        Household household = household(member("01", "1"));

        assertThatThrownBy(() -> household.addMember(member("01", "2"), "2", LocalDate.of(2020, 10, 3), NOW))
                .isInstanceOfSatisfying(ApiException.class,
                        ex -> assertThat(ex.errors()).extracting("indicator").containsExactly("A5"));
    }

    @Test
    void aLeavingMemberStaysInTheHistoryAndNoLongerCounts() {
        Member spouse = member("02", "2");
        Household household = household(member("01", "1"), spouse);

        household.removeMember(spouse.memberId(), "2", LocalDate.of(2020, 9, 30), null, NOW);

        assertThat(household.getSize()).isEqualTo(1);
        assertThat(household.getMembers()).hasSize(2).filteredOn(m -> !m.active()).singleElement()
                .satisfies(m -> assertThat(m.decreaseReason()).isEqualTo("2"));
        assertThat(household.pendingEvents()).last().isInstanceOf(MemberRemoved.class);
    }

    @Test
    void theHeadLeavesOnlyWithANewHeadNamed() {
        Member head = member("01", "1");
        Member son = member("03", "1");
        Household household = household(head, son);

        assertThatThrownBy(() -> household.removeMember(head.memberId(), "1", LocalDate.of(2020, 9, 1), null, NOW))
                .isInstanceOf(ApiException.class);
        household.removeMember(head.memberId(), "1", LocalDate.of(2020, 9, 1), son.memberId(), NOW);

        assertThat(household.getMembers()).filteredOn(Member::isHead).singleElement()
                .extracting(Member::memberId).isEqualTo(son.memberId());
    }

    @Test
    void aMemberWhoAlreadyLeftCannotLeaveAgain() {
        Member spouse = member("02", "2");
        Household household = household(member("01", "1"), spouse);
        household.removeMember(spouse.memberId(), "2", LocalDate.of(2020, 9, 30), null, NOW);

        assertThatThrownBy(() -> household.removeMember(spouse.memberId(), "1", LocalDate.of(2020, 10, 1), null, NOW))
                .isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.code()).isEqualTo("not-found"));
    }
}
