package cn.fupin.household.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.platform.domain.RuleViolation;
import cn.fupin.platform.web.ApiException;
import cn.fupin.household.privacy.IdNumber;

class HouseholdTests {

    static final Instant NOW = Instant.parse("2020-11-02T02:00:00Z");

    static Member member(String relation, String gender) {
        return new Member(UUID.randomUUID(), "成员", gender, "01", new IdNumber(UUID.randomUUID().toString()), relation, "01",
                LocalDate.of(1980, 1, 1), MemberIndicators.NONE, null, true, null, null, null, null);
    }

    static Household household(Member... members) {
        return Household.register(new NewHousehold(Category.REGISTERED, "350481100201", null, null, "1", false, null,
                null, List.of("01"), List.of(), List.of(), null), List.of(members), NOW);
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
                .isInstanceOfSatisfying(RuleViolation.class,
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
                .isInstanceOf(RuleViolation.class);
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
                .isInstanceOfSatisfying(RuleViolation.class, ex -> assertThat(ex.code()).isEqualTo("not-found"));
    }

    static Member registered(String name, String relation, LocalDate born, int sequence) {
        ResidentId id = ResidentId.of("350481", born, sequence);
        return new Member(UUID.randomUUID(), name, id.genderCode(), "01", new IdNumber(id.value()), relation, "01", born,
                MemberIndicators.NONE, null, true, null, null, null, null);
    }

    static NewMember asCorrected(Member member, String name, String gender, String idNumber, String relation,
            LocalDate born) {
        return new NewMember(name, gender, member.idType(), idNumber, relation, member.ethnicity(), born,
                member.indicators());
    }

    static void assertRefusedForTheHead(ThrowingCallable change) {
        assertThatThrownBy(change).isInstanceOfSatisfying(RuleViolation.class, ex -> {
            assertThat(ApiException.statusOf(ex)).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(ex.code()).isEqualTo("household-head-required");
        });
    }

    @Test
    void anIdentityCorrectionNamesTheFieldsAndKeepsTheOldValuesForTheHistory() {
        Member head = registered("张大山", "01", LocalDate.of(1975, 3, 8), 11);
        Member spouse = registered("李秀英", "02", LocalDate.of(1977, 6, 15), 22);
        Household household = household(head, spouse);
        LocalDate born = LocalDate.of(1976, 6, 15);
        String corrected = IntStream.iterate(2, sequence -> sequence + 2)
                .mapToObj(sequence -> ResidentId.of("350481", born, sequence).value())
                .filter(number -> number.endsWith("X")).findFirst().orElseThrow();

        household.correctMemberIdentity(spouse.memberId(),
                asCorrected(spouse, " 李秀莹 ", "2", corrected.toLowerCase(), "02", born), "经核对户口簿", NOW);

        assertThat(household.getMembers()).filteredOn(m -> m.memberId().equals(spouse.memberId())).singleElement()
                .satisfies(m -> {
                    assertThat(m.name()).isEqualTo("李秀莹");
                    assertThat(m.idNumber().value()).isEqualTo(corrected);
                    assertThat(m.birthDate()).isEqualTo(born);
                });
        String path = "members[" + spouse.memberId() + "].";
        assertThat(household.pendingEvents()).filteredOn(HouseholdUpdated.class::isInstance).singleElement()
                .isInstanceOfSatisfying(HouseholdUpdated.class, event -> assertThat(event.changedFields())
                        .containsExactly(path + "name", path + "idNumber", path + "birthDate"));
        assertThat(household.pendingEvents()).filteredOn(IdentityCorrected.class::isInstance).singleElement()
                .isInstanceOfSatisfying(IdentityCorrected.class, event -> {
                    assertThat(event.reason()).isEqualTo("经核对户口簿");
                    assertThat(event.corrections()).extracting(IdentityCorrected.FieldCorrection::indicator)
                            .containsExactly("A1", "A4", null);
                    assertThat(event.corrections().get(1).oldValue()).isEqualTo(spouse.idNumber().value());
                    assertThat(event.corrections().get(1).newValue()).isEqualTo(corrected);
                });
    }

    @Test
    void aCorrectionThatChangesNothingRegistersNothing() {
        Member head = registered("张大山", "01", LocalDate.of(1975, 3, 8), 11);
        Household household = household(head);
        int before = household.pendingEvents().size();

        household.correctMemberIdentity(head.memberId(), asCorrected(head, "张大山", head.gender(), head.idNumber().value(),
                "01", head.birthDate()), "复核", NOW);

        assertThat(household.pendingEvents()).hasSize(before);
    }

    @Test
    void nobodyBecomesOrStopsBeingTheHeadByACorrection() {
        Member head = registered("张大山", "01", LocalDate.of(1975, 3, 8), 11);
        Member son = registered("张小军", "03", LocalDate.of(2001, 9, 1), 33);
        Household household = household(head, son);

        assertRefusedForTheHead(() -> household.correctMemberIdentity(son.memberId(),
                asCorrected(son, son.name(), son.gender(), son.idNumber().value(), "01", son.birthDate()), "更正", NOW));
        assertRefusedForTheHead(() -> household.correctMemberIdentity(head.memberId(),
                asCorrected(head, head.name(), head.gender(), head.idNumber().value(), "03", head.birthDate()), "更正", NOW));
        assertThat(household.getMembers()).filteredOn(Member::isHead).singleElement()
                .extracting(Member::memberId).isEqualTo(head.memberId());
    }

    @Test
    void aChangeOfHeadSwapsBothMembersInOneStep() {
        Member head = registered("张大山", "01", LocalDate.of(1975, 3, 8), 11);
        Member spouse = registered("李秀英", "02", LocalDate.of(1977, 6, 15), 22);
        Household household = household(head, spouse);

        household.changeHead(new HeadChange(spouse.memberId(),
                List.of(new HeadChange.Relation(head.memberId(), "02")), "原户主外出务工"), NOW);

        assertThat(household.getMembers()).filteredOn(Member::isHead).singleElement()
                .extracting(Member::memberId).isEqualTo(spouse.memberId());
        assertThat(household.getMembers()).filteredOn(m -> m.memberId().equals(head.memberId()))
                .extracting(Member::relation).containsExactly("02");
        assertThat(household.pendingEvents()).filteredOn(HouseholdUpdated.class::isInstance).singleElement()
                .isInstanceOfSatisfying(HouseholdUpdated.class, event -> assertThat(event.changedFields())
                        .containsExactlyInAnyOrder("members[" + head.memberId() + "].relation",
                                "members[" + spouse.memberId() + "].relation"));
        assertThat(household.pendingEvents()).filteredOn(IdentityCorrected.class::isInstance).singleElement()
                .isInstanceOfSatisfying(IdentityCorrected.class, event -> assertThat(event.corrections())
                        .extracting("oldValue", "newValue")
                        .containsExactlyInAnyOrder(tuple("01", "02"), tuple("02", "01")));
    }

    @Test
    void aChangeOfHeadThatWouldNotLeaveExactlyOneHeadIsRefused() {
        Member head = registered("张大山", "01", LocalDate.of(1975, 3, 8), 11);
        Member spouse = registered("李秀英", "02", LocalDate.of(1977, 6, 15), 22);
        Member son = registered("张小军", "03", LocalDate.of(2001, 9, 1), 33);
        Household household = household(head, spouse, son);

        var formerHead = new HeadChange.Relation(head.memberId(), "02");
        assertRefusedForTheHead(() -> household.changeHead(new HeadChange(spouse.memberId(),
                List.of(new HeadChange.Relation(son.memberId(), "05")), "未给出原户主"), NOW));
        assertRefusedForTheHead(() -> household.changeHead(new HeadChange(spouse.memberId(),
                List.of(formerHead, new HeadChange.Relation(son.memberId(), "01")), "两名户主"), NOW));
        assertRefusedForTheHead(() -> household.changeHead(new HeadChange(spouse.memberId(),
                List.of(new HeadChange.Relation(spouse.memberId(), "02"), formerHead), "新户主也在关系中"), NOW));
        assertRefusedForTheHead(() -> household.changeHead(new HeadChange(head.memberId(),
                List.of(new HeadChange.Relation(son.memberId(), "03")), "已是户主"), NOW));
        assertThatThrownBy(() -> household.changeHead(new HeadChange(UUID.randomUUID(), List.of(formerHead),
                "不是本户成员"), NOW))
                .isInstanceOfSatisfying(RuleViolation.class,
                        ex -> assertThat(ex.errors()).extracting("field").containsExactly("newHeadMemberId"));
        assertThat(household.getMembers()).filteredOn(Member::isHead).singleElement()
                .extracting(Member::memberId).isEqualTo(head.memberId());
    }
}
