package cn.fupin.household.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.fupin.contracts.identifiers.ResidentId;

class ResidentIdFormsTests {

    @Test
    void anIdOfTheNineteenHundredsHasItsLegacyFormAndTwentyEightCertificates() {
        ResidentId id = ResidentId.parse("11010519491231002X").orElseThrow();

        assertThat(ResidentIdForms.of(id)).hasSize(30)
                .contains("11010519491231002X", "110105491231002", "11010519491231002X11", "11010519491231002X74")
                .doesNotContain("11010519491231002X81", "11010519491231002X15");
    }

    @Test
    void aLegacyNumberIsUpgradedWithItsCheckCharacter() {
        ResidentId legacy = ResidentId.parse("110105491231002").orElseThrow();

        assertThat(ResidentIdForms.of(legacy)).first().isEqualTo("11010519491231002X");
        assertThat(ResidentIdForms.of(legacy)).contains("110105491231002", "11010519491231002X42");
    }

    @Test
    void thoseBornSinceTwoThousandHaveNoLegacyForm() {
        ResidentId id = ResidentId.of("350481", LocalDate.of(2003, 4, 5), 11);

        assertThat(ResidentIdForms.of(id)).hasSize(29).allMatch(form -> form.startsWith(id.value()));
    }
}
