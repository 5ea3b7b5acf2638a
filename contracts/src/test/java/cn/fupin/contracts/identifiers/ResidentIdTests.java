package cn.fupin.contracts.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ResidentIdTests {

    @Test
    void acceptsAValidNumberAndReadsBirthDateAndGender() {
        // the standard's own example: 11010519491231002X, a woman born 1949-12-31
        ResidentId id = ResidentId.parse("11010519491231002X").orElseThrow();

        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.male()).isFalse();
        assertThat(id.genderCode()).isEqualTo("2");
        assertThat(id.legacy()).isFalse();
    }

    @Test
    void normalisesALowerCaseX() {
        assertThat(ResidentId.parse("11010519491231002x")).get().extracting(ResidentId::value)
                .isEqualTo("11010519491231002X");
    }

    @Test
    void refusesAWrongCheckCharacterLengthOrDate() {
        assertThat(ResidentId.parse("110105194912310021")).isEmpty();
        assertThat(ResidentId.parse("1101051949123100")).isEmpty();
        assertThat(ResidentId.parse("110105194913310025")).as("month 13").isEmpty();
        assertThat(ResidentId.parse(null)).isEmpty();
    }

    @Test
    void acceptsLegacyFifteenDigitNumbersAsLegacy() {
        ResidentId id = ResidentId.parse("110105491231002").orElseThrow();

        assertThat(id.legacy()).isTrue();
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @Test
    void buildsValidNumbers() {
        ResidentId id = ResidentId.of("350481", LocalDate.of(1980, 2, 29), 13);

        assertThat(ResidentId.parse(id.value())).contains(id);
        assertThat(id.male()).isTrue();
    }
}
