package cn.fupin.household.quality;

import static cn.fupin.household.quality.HouseholdFactsMother.NOW;
import static cn.fupin.household.quality.HouseholdFactsMother.YEAR;
import static cn.fupin.household.quality.HouseholdFactsMother.head;
import static cn.fupin.household.quality.HouseholdFactsMother.household;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.household.household.Category;
import cn.fupin.household.household.Helper;
import cn.fupin.household.privacy.IdNumber;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.PovertyStatus;

class HelperRegisteredPoorTests {

    static final String VILLAGE = "350481100201";
    /** A man's 18-digit number ending in the check character X, born in 1970. */
    static final ResidentId HELPER_ID = IntStream.iterate(1, sequence -> sequence + 2)
            .mapToObj(sequence -> ResidentId.of("350481", LocalDate.of(1970, 5, 4), sequence))
            .filter(id -> id.value().endsWith("X")).findFirst().orElseThrow();

    private final HelperRegisteredPoor rule = new HelperRegisteredPoor();

    static Helper helper(String name, String idNumber) {
        return new Helper(UUID.randomUUID(), name, IdNumber.of(idNumber), "1", "01", "市农业农村局", LocalDate.of(2019, 3, 1), null,
                null);
    }

    static HouseholdFacts helpedBy(List<RegisteredPerson> matches, Helper... helpers) {
        Household household = household(List.of("01"), head("张大山"));
        household.assignHelpers(List.of(helpers), NOW);
        return new HouseholdFacts(household, Optional.empty(), YEAR, matches);
    }

    static RegisteredPerson person(String village, PovertyStatus status, String name, String idNumber) {
        Category category = status == PovertyStatus.MARGINAL ? Category.MARGINAL : Category.REGISTERED;
        return new RegisteredPerson(UUID.randomUUID(), village, category, status, name, idNumber);
    }

    @ParameterizedTest
    @EnumSource(value = PovertyStatus.class, names = { "CANDIDATE", "POOR", "RETURNED" })
    void aHelperHoldingTheIdNumberOfAPoorMemberIsFlagged(PovertyStatus status) {
        var facts = helpedBy(List.of(person("350481101201", status, "王建国", HELPER_ID.value())),
                helper("王建国", HELPER_ID.value()));

        assertThat(rule.check(facts)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("helper-registered-poor");
            assertThat(finding.severity()).isEqualTo(Severity.FINDING);
            assertThat(finding.field()).isEqualTo("helpers[0].idNumber");
            assertThat(finding.memberId()).isNull();
            assertThat(finding.message()).contains("王建国", "350481101201").doesNotContain(HELPER_ID.value());
        });
    }

    @ParameterizedTest
    @EnumSource(value = PovertyStatus.class, names = { "EXITED", "CLEARED", "MARGINAL" })
    void membersOfExitedClearedAndMarginalHouseholdsMayHelp(PovertyStatus status) {
        var facts = helpedBy(List.of(person(VILLAGE, status, "王建国", HELPER_ID.value())),
                helper("王建国", HELPER_ID.value()));

        assertThat(rule.check(facts)).isEmpty();
    }

    @Test
    void theNumberMatchesInItsLegacyAndCertificateForms() {
        String legacy = HELPER_ID.value().substring(0, 6) + HELPER_ID.value().substring(8, 17);
        var byLegacyMember = helpedBy(List.of(person(VILLAGE, PovertyStatus.POOR, "王建国", legacy)),
                helper("王建国", HELPER_ID.value().toLowerCase()));
        var byCertificate = helpedBy(List.of(person(VILLAGE, PovertyStatus.POOR, "王建国", HELPER_ID.value() + "42")),
                helper("王建国", HELPER_ID.value()));
        var byLegacyHelper = helpedBy(List.of(person(VILLAGE, PovertyStatus.POOR, "王建国", HELPER_ID.value())),
                helper("王建国", legacy));

        assertThat(rule.check(byLegacyMember)).hasSize(1);
        assertThat(rule.check(byCertificate)).hasSize(1);
        assertThat(rule.check(byLegacyHelper)).hasSize(1);
    }

    @Test
    void onlyHelpersOfTheYearAreChecked() {
        Helper former = new Helper(UUID.randomUUID(), "王建国", new IdNumber(HELPER_ID.value()), "1", null, "市农业农村局",
                LocalDate.of(2016, 3, 1), LocalDate.of(2019, 12, 31), null);
        var facts = helpedBy(List.of(person(VILLAGE, PovertyStatus.POOR, "王建国", HELPER_ID.value())), former);

        assertThat(rule.check(facts)).isEmpty();
    }

    @Test
    void withoutAnIdNumberAPoorNamesakeInTheVillageIsToBeVerified() {
        var facts = helpedBy(List.of(person(VILLAGE, PovertyStatus.POOR, "李秀英", HELPER_ID.value())),
                helper("王建国", null), helper(" 李秀英 ", null));

        assertThat(rule.check(facts)).singleElement().satisfies(finding -> {
            assertThat(finding.field()).isEqualTo("helpers[1].name");
            assertThat(finding.message()).contains("李秀英", "同名", "请核实");
        });
    }

    @Test
    void namesakesElsewhereOrOfAHelperWithAnIdNumberAreNotFlagged() {
        ResidentId other = ResidentId.of("350481", LocalDate.of(1981, 2, 3), 17);
        var elsewhere = helpedBy(List.of(person("350481101201", PovertyStatus.POOR, "李秀英", other.value())),
                helper("李秀英", null));
        var identified = helpedBy(List.of(person(VILLAGE, PovertyStatus.POOR, "李秀英", other.value())),
                helper("李秀英", HELPER_ID.value()));

        assertThat(rule.check(elsewhere)).isEmpty();
        assertThat(rule.check(identified)).isEmpty();
    }
}
