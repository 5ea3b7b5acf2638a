package cn.fupin.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PersonalDataCipherTests {

    static final String KEY_1 = "fXi60p2RFsxHiI2Gkk9QgGVDRozo7jPs6YmnZTu+wuo=";
    static final String KEY_2 = "9u3Vz9mP0Jm2Rj7dS0m2L4a0b5R1Qk6nY8c2Xw3Zt1E=";
    static final byte[] PLAIN = "350481199001011234".getBytes(StandardCharsets.UTF_8);
    static final byte[] CONTEXT = "member".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealsRandomlyAndOpensWithTheSameContext() {
        PersonalDataCipher cipher = new PersonalDataCipher(Map.of(1, KEY_1), 1);
        byte[] once = cipher.seal(PLAIN, CONTEXT);

        assertThat(once).isNotEqualTo(cipher.seal(PLAIN, CONTEXT));
        assertThat(cipher.open(once, CONTEXT)).isEqualTo(PLAIN);
        assertThatThrownBy(() -> cipher.open(once, "helper".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PersonalDataCipher.TamperedException.class);
        once[once.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(once, CONTEXT)).isInstanceOf(PersonalDataCipher.TamperedException.class);
    }

    @Test
    void aRotatedKeyStillOpensWhatTheOldOneSealed() {
        byte[] old = new PersonalDataCipher(Map.of(1, KEY_1), 1).seal(PLAIN, CONTEXT);
        PersonalDataCipher rotated = new PersonalDataCipher(Map.of(1, KEY_1, 2, KEY_2), 2);

        assertThat(rotated.open(old, CONTEXT)).isEqualTo(PLAIN);
        assertThat(rotated.sealedWithOlderKey(old)).isTrue();
        assertThat(rotated.sealedWithOlderKey(rotated.seal(PLAIN, CONTEXT))).isFalse();
        assertThatThrownBy(() -> new PersonalDataCipher(Map.of(2, KEY_2), 2).open(old, CONTEXT))
                .isInstanceOf(PersonalDataCipher.TamperedException.class).hasMessageContaining("key 1");
    }

    @Test
    void refusesKeysThatAreNotAes256() {
        assertThatThrownBy(() -> new PersonalDataCipher(Map.of(1, "c2hvcnQ="), 1))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new PersonalDataCipher(Map.of(1, KEY_1), 2))
                .hasMessageContaining("no key numbered 2");
    }

    @Test
    void aBlankKeySlotIsNoKey() {
        PiiProperties pii = new PiiProperties("an-id-hash-key-long-enough", "", Map.of(1, KEY_1, 2, " "), 1);

        assertThat(pii.encryptionKeys()).containsOnlyKeys(1);
        assertThat(new PersonalDataCipher(pii.encryptionKeys(), 1).currentKey()).isEqualTo(1);
    }
}
