package cn.fupin.platform.pii;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * ID numbers as a database stores them: the keyed hash of the number (32 bytes, {@link IdNumberHash}) followed by
 * the number sealed by {@link PersonalDataCipher} with the hash as associated data. The hash in front is the
 * exact-search key (a generated column indexes it); the number itself is never stored in the clear.
 */
public final class StoredIdNumbers {

    static final int HASH_BYTES = 32;

    private final IdNumberHash hash;
    private final PersonalDataCipher cipher;

    public StoredIdNumbers(IdNumberHash hash, PersonalDataCipher cipher) {
        this.hash = hash;
        this.cipher = cipher;
    }

    public byte[] store(String idNumber) {
        byte[] key = HexFormat.of().parseHex(hash.of(idNumber));
        byte[] sealed = cipher.seal(idNumber.getBytes(StandardCharsets.UTF_8), key);
        byte[] stored = Arrays.copyOf(key, HASH_BYTES + sealed.length);
        System.arraycopy(sealed, 0, stored, HASH_BYTES, sealed.length);
        return stored;
    }

    public String read(byte[] stored) {
        byte[] key = Arrays.copyOf(stored, HASH_BYTES);
        return new String(cipher.open(Arrays.copyOfRange(stored, HASH_BYTES, stored.length), key),
                StandardCharsets.UTF_8);
    }

    /**
     * The search keys of an ID number as typed, to compare with the stored values' generated hash column: its hash,
     * and during a rotation of the hash key its hash under the previous key ({@link IdNumberHash#candidates}).
     */
    public List<String> searchKeys(String idNumber) {
        return hash.candidates(idNumber);
    }

    /** Whether a stored value's hash is the current key's hash of the number it seals. */
    public boolean hashedWithCurrentKey(byte[] stored) {
        return HexFormat.of().formatHex(stored, 0, HASH_BYTES).equals(hash.of(read(stored)));
    }
}
