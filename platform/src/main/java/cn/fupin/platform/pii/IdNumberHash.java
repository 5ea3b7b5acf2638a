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

    private final SecretKeySpec key;

    public IdNumberHash(String key) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("fupin.pii.id-hash-key must be at least 16 characters");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The hash of an ID number as written (blank and case-insensitive check letter normalised), or null. */
    public String of(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(
                    mac.doFinal(idNumber.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 unavailable", ex);
        }
    }
}
