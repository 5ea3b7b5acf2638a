package cn.fupin.household.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.platform.domain.FieldError;
import cn.fupin.household.privacy.IdNumber;

/** The rules a correction of who a member is, a change of head and a helper's ID number share with registration. */
class RegistrationRulesTests {

    static final LocalDate BORN = LocalDate.of(1980, 4, 2);
    static final ResidentId MAN = ResidentId.of("350481", BORN, 13);

    private final RegistrationRules rules = new RegistrationRules(new CodeCheck(Codebook.forYear(2020)),
            DivisionTree.ofCounty("350481"));

    static NewMember corrected(String name, String gender, String idType, String idNumber, String relation,
            LocalDate born) {
        return new NewMember(name, gender, idType, idNumber, relation, "01", born, MemberIndicators.NONE);
    }

    static Helper helper(String gender, String idNumber) {
        return new Helper(UUID.randomUUID(), "王帮扶", IdNumber.of(idNumber), gender, null, "市扶贫办", LocalDate.of(2020, 3, 1),
                null, null);
    }

    static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(error -> error.field() + " " + error.indicator()).toList();
    }

    @Test
    void aCorrectedMemberPassesTheRulesOfARegistration() {
        assertThat(rules.checkIdentity(corrected("张大山", "1", "01", MAN.value(), "03", BORN), "核对户口簿", List.of()))
                .isEmpty();
        assertThat(fields(rules.checkIdentity(corrected("张大山", "1", "01", MAN.value().substring(0, 17) + "0", "03",
                BORN), "核对户口簿", List.of()))).containsExactly("idNumber A4");
        assertThat(fields(rules.checkIdentity(corrected("张大山", "2", "01", MAN.value(), "03", BORN.plusDays(1)),
                "核对户口簿", List.of()))).containsExactlyInAnyOrder("gender A2", "birthDate null");
        assertThat(fields(rules.checkIdentity(corrected("张大山", "1", "01", MAN.value(), "03", BORN), "核对户口簿",
                List.of(MAN.value())))).containsExactly("idNumber A4");
    }

    @Test
    void aNameABasisAndCodesFromTheCodebookAreRequired() {
        assertThat(fields(rules.checkIdentity(corrected(" ", "7", "02", MAN.value(), "77", BORN), " ", List.of())))
                .containsExactlyInAnyOrder("name A1", "reason null", "gender A2", "idType A3", "relation A5");
    }

    @Test
    void legacyNumbersAndDisabilityCertificatesAreAcceptedAsAtRegistration() {
        assertThat(rules.checkIdentity(corrected("李秀英", "2", "01", "110105491231002", "02",
                LocalDate.of(1949, 12, 31)), "核对身份证", List.of())).isEmpty();
        assertThat(rules.checkIdentity(corrected("张大山", "1", "09", MAN.value() + "42", "03", BORN), "核对残疾人证",
                List.of())).isEmpty();
        assertThat(fields(rules.checkIdentity(corrected("张大山", "1", "09", MAN.value() + "47", "03", BORN),
                "核对残疾人证", List.of()))).containsExactly("idNumber A4");
    }

    @Test
    void aHelperHasANameCodesAUnitAndAStartAndAnIdNumberCheckedAsAMembers() {
        String womansId = "11010519491231002X";

        assertThat(rules.checkHelpers(List.of(helper("1", null)))).isEmpty();
        assertThat(rules.checkHelpers(List.of(helper("2", womansId.toLowerCase())))).isEmpty();
        assertThat(rules.checkHelpers(List.of(helper("2", "110105491231002")))).isEmpty();
        assertThat(rules.checkHelpers(List.of(helper("1", womansId))))
                .extracting(FieldError::field).containsExactly("helpers[0].gender");
        assertThat(rules.checkHelpers(List.of(helper("1", "110105194912310021"))))
                .extracting(FieldError::field).containsExactly("helpers[0].idNumber");
        assertThat(rules.checkHelpers(List.of(helper("1", womansId + "42"))))
                .extracting(FieldError::field).containsExactly("helpers[0].idNumber");
        assertThat(rules.checkHelpers(List.of(new Helper(null, " ", null, "3", "99", null, null, null, null))))
                .extracting(FieldError::field).containsExactly("helpers[0].name", "helpers[0].gender",
                        "helpers[0].politicalStatus", "helpers[0].unit", "helpers[0].startDate");
        assertThat(rules.checkHelpers(List.of(new Helper(null, "王帮扶", null, "1", "13", "市扶贫办",
                LocalDate.of(2020, 3, 1), LocalDate.of(2019, 3, 1), null))))
                .extracting(FieldError::field).containsExactly("helpers[0].endDate");
    }

    @Test
    void aChangeOfHeadNamesCodedRelationsAndABasis() {
        UUID member = UUID.randomUUID();

        assertThat(rules.checkHeadChange(new HeadChange(UUID.randomUUID(),
                List.of(new HeadChange.Relation(member, "02")), "原户主外出务工"))).isEmpty();
        assertThat(fields(rules.checkHeadChange(new HeadChange(UUID.randomUUID(),
                List.of(new HeadChange.Relation(member, "77")), "")))).containsExactly("relations[0].relation A5",
                        "reason null");
    }
}
