package cn.fupin.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTests {

    @Test
    void personalNumbersInFreeTextAreMaskedAndNothingElse() {
        assertThat(Masking.text("成员 350481199001011234 电话 13812345678 账户 6217001234567890123。"))
                .isEqualTo("成员 350481********1234 电话 138****5678 账户 ***************0123。");
        assertThat(Masking.text("check letter 35048119900101123x, legacy 350481900101123"))
                .isEqualTo("check letter 350481********123x, legacy 350481*****1123");
        assertThat(Masking.text("Key (id_number_hash)=(350481199001011234) already exists"))
                .doesNotContain("350481199001011234");
    }

    @Test
    void codesIdsAndTimesAreLeftAlone() {
        String line = "village 350481101201 household 0b5d3c1e-8a4f-4c47-9d61-2f0c4a8e1b77 trace "
                + "4bf92f3577b34da6a3ce929d0e0e4736 at 2026-11-29T05:00:00Z offset 12 took 1732841234567 ms";
        assertThat(Masking.text(line)).isEqualTo(line);
    }
}
