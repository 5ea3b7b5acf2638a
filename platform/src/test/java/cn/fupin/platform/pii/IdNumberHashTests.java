package cn.fupin.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdNumberHashTests {

    final IdNumberHash hash = new IdNumberHash("a-key-of-sixteen-chars");

    @Test
    void theSameNumberHashesAlikeWhateverTheCaseOfItsCheckLetter() {
        assertThat(hash.of("35048119900101123x")).isEqualTo(hash.of(" 35048119900101123X "))
                .hasSize(64).matches("[0-9a-f]{64}");
        assertThat(hash.of("350481199001011231")).isNotEqualTo(hash.of("35048119900101123X"));
        assertThat(hash.of(null)).isNull();
    }

    @Test
    void anotherKeyGivesAnotherHashAndAShortKeyIsRefused() {
        assertThat(new IdNumberHash("another-key-of-16-chars").of("350481199001011231"))
                .isNotEqualTo(hash.of("350481199001011231"));
        assertThatThrownBy(() -> new IdNumberHash("short")).hasMessageContaining("16");
    }

    @Test
    void duringARotationANumberIsLookedForUnderTheNewKeyThenThePreviousOne() {
        IdNumberHash rotating = new IdNumberHash("another-key-of-16-chars", "a-key-of-sixteen-chars");
        assertThat(rotating.rotating()).isTrue();
        assertThat(rotating.of("350481199001011231")).isEqualTo(
                new IdNumberHash("another-key-of-16-chars").of("350481199001011231"));
        assertThat(rotating.candidates("350481199001011231")).containsExactly(
                rotating.of("350481199001011231"), hash.of("350481199001011231"));
        assertThat(rotating.previous("350481199001011231")).contains(hash.of("350481199001011231"));
        assertThat(rotating.candidates(" ")).isEmpty();
        assertThat(hash.rotating()).isFalse();
        assertThat(hash.candidates("350481199001011231")).containsExactly(hash.of("350481199001011231"));
        assertThat(new IdNumberHash("a-key-of-sixteen-chars", " ").rotating()).as("a blank previous key is none")
                .isFalse();
        assertThatThrownBy(() -> new IdNumberHash("a-key-of-sixteen-chars", "a-key-of-sixteen-chars"))
                .hasMessageContaining("nothing to rotate");
    }
}
