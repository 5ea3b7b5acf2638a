package cn.fupin.platform.pii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash of an ID number (HMAC-SHA256, hex): equal numbers give equal hashes, so services match people
 * by ID number without passing or storing the number itself, and without the key nobody can test guesses against
 * the hashes. Every service configures the same key ({@code fupin.pii.id-hash-key}).
 *
 * <p>While the key is rotated, the key it replaces is configured too ({@code fupin.pii.id-hash-key-previous}): new
 * hashes are made with the new key, and a number is looked for under both ({@link #candidates}) until the hashes
 * stored under the previous one have all been made again (docs/operations.md).
 */
public final class IdNumberHash {

    /** A keyed MAC per thread (each hash resets it): not looked up and keyed again for every number. */
    private final ThreadLocal<Mac> macs;
    private final ThreadLocal<Mac> previousMacs;

    public IdNumberHash(String key) {
        this(key, null);
    }

    /** @param previousKey the key being rotated out, or null (blank: none) when no rotation is under way */
    public IdNumberHash(String key, String previousKey) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("fupin.pii.id-hash-key must be at least 16 characters");
        }
        boolean rotating = previousKey != null && !previousKey.isBlank();
        if (rotating && previousKey.equals(key)) {
            throw new IllegalArgumentException("fupin.pii.id-hash-key-previous is the current key: nothing to rotate");
        }
        this.macs = macs(key);
        this.previousMacs = rotating ? macs(previousKey) : null;
    }

    private static ThreadLocal<Mac> macs(String key) {
        SecretKeySpec spec = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return mac;
            }
            catch (GeneralSecurityException ex) {
                throw new IllegalStateException("HmacSHA256 unavailable", ex);
            }
        });
    }

    /** The hash of an ID number as written (blank and case-insensitive check letter normalised), or null. */
    public String of(String idNumber) {
        return hash(macs, idNumber);
    }

    /** Its hash under the key being rotated out, while one is. */
    public Optional<String> previous(String idNumber) {
        return previousMacs == null ? Optional.empty() : Optional.ofNullable(hash(previousMacs, idNumber));
    }

    /** The hashes a stored number may carry: the current key's, then, during a rotation, the previous key's. */
    public List<String> candidates(String idNumber) {
        String current = of(idNumber);
        if (current == null) {
            return List.of();
        }
        return previous(idNumber).map(previous -> List.of(current, previous)).orElse(List.of(current));
    }

    /** Whether a key is being rotated out. */
    public boolean rotating() {
        return previousMacs != null;
    }

    private static String hash(ThreadLocal<Mac> macs, String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return null;
        }
        return HexFormat.of().formatHex(
                macs.get().doFinal(idNumber.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
    }
}
