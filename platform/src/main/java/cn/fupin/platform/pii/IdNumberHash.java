package cn.fupin.platform.pii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash of an ID number (HMAC-SHA256, hex): equal numbers give equal hashes, so services match people
 * by ID number without passing or storing the number itself, and without the key nobody can test guesses against
 * the hashes. Every service configures the same key ({@code fupin.pii.id-hash-key}).
 */
public final class IdNumberHash {

    /** A keyed MAC per thread (each hash resets it): not looked up and keyed again for every number. */
    private final ThreadLocal<Mac> macs;

    public IdNumberHash(String key) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("fupin.pii.id-hash-key must be at least 16 characters");
        }
        SecretKeySpec spec = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
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
        if (idNumber == null || idNumber.isBlank()) {
            return null;
        }
        return HexFormat.of().formatHex(
                macs.get().doFinal(idNumber.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
    }
}
