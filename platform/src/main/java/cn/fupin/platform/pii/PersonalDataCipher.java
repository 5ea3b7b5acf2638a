package cn.fupin.platform.pii;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data for storage with AES-256-GCM (the JDK's provider). A sealed value is the key's number
 * (1 byte), a random 96-bit nonce and the ciphertext with its 128-bit tag. The current key seals; every configured
 * key opens, so a key is rotated by adding a new one, making it current and re-sealing at leisure. Associated data
 * binds a sealed value to what it belongs to: opened with other associated data it is refused, not misread.
 */
public final class PersonalDataCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final int current;
    private final Map<Integer, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param keys the keys by number (1–255), each 32 bytes in Base64
     * @param current the number of the key that seals
     */
    public PersonalDataCipher(Map<Integer, String> keys, int current) {
        Map<Integer, SecretKey> decoded = new TreeMap<>();
        keys.forEach((number, key) -> {
            if (number < 1 || number > 255) {
                throw new IllegalArgumentException("fupin.pii.encryption-keys: key number " + number
                        + " is not between 1 and 255");
            }
            byte[] bytes = Base64.getDecoder().decode(key.strip());
            if (bytes.length != 32) {
                throw new IllegalArgumentException("fupin.pii.encryption-keys." + number
                        + " must be 32 bytes in Base64 (AES-256), not " + bytes.length);
            }
            decoded.put(number, new SecretKeySpec(bytes, "AES"));
        });
        if (!decoded.containsKey(current)) {
            throw new IllegalArgumentException("fupin.pii.encryption-key-current: no key numbered " + current);
        }
        this.keys = Map.copyOf(decoded);
        this.current = current;
    }

    /**
     * A cipher per thread, initialised anew for each value (a fresh nonce each time): looking the algorithm up and
     * expanding the key for every one of an import's hundreds of thousands of ID numbers cost more than sealing them.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-GCM unavailable", ex);
        }
    });

    public byte[] seal(byte[] plain, byte[] associated) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated);
            byte[] sealed = new byte[1 + NONCE_BYTES + cipher.getOutputSize(plain.length)];
            sealed[0] = (byte) current;
            System.arraycopy(nonce, 0, sealed, 1, NONCE_BYTES);
            cipher.doFinal(plain, 0, plain.length, sealed, 1 + NONCE_BYTES);
            return sealed;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-GCM unavailable", ex);
        }
    }

    /** The plain value; refused if the value was altered, sealed with an unknown key or for other data. */
    public byte[] open(byte[] sealed, byte[] associated) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
            throw new TamperedException("sealed value too short");
        }
        SecretKey key = keys.get(Byte.toUnsignedInt(sealed[0]));
        if (key == null) {
            throw new TamperedException("sealed with key " + Byte.toUnsignedInt(sealed[0])
                    + ", which is not configured in fupin.pii.encryption-keys");
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(associated);
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        }
        catch (AEADBadTagException ex) {
            throw new TamperedException("sealed value fails its authentication tag");
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-GCM unavailable", ex);
        }
    }

    /** The number of the key that seals. */
    public int currentKey() {
        return current;
    }

    /** The value sealed again with the current key, for the same associated data; refused as {@link #open} refuses. */
    public byte[] reseal(byte[] sealed, byte[] associated) {
        return seal(open(sealed, associated), associated);
    }

    /** Whether a sealed value was sealed with an older key than the current one (to be re-sealed). */
    public boolean sealedWithOlderKey(byte[] sealed) {
        return Byte.toUnsignedInt(sealed[0]) != current;
    }

    /** A stored value cannot be opened: altered, moved, or sealed with a key no longer configured. */
    public static final class TamperedException extends RuntimeException {
        TamperedException(String message) {
            super(message);
        }
    }
}
