package cn.fupin.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The audit trail's hashes, as publishers write them and audit tools check them (SHA-256, lower-case hex):
 * <ul>
 * <li>an <b>event's hash</b> is the hash of its Kafka record value (the CloudEvent's JSON as published); each event
 * carries its aggregate's previous event's hash ({@code prevhash}), so changing, dropping or inserting an event of
 * an aggregate breaks the link to the next one;</li>
 * <li>a <b>partition's running hash</b> starts at {@link #GENESIS} and takes in each record of the partition in
 * offset order: {@code next = H(running ‖ H(key) ‖ H(value))}; a signed {@link Checkpoint} states it after a count of
 * records, so the last events of an aggregate, and the order and number of all of them, are covered too.</li>
 * </ul>
 */
public final class ChainHashes {

    /** The running hash of a partition before its first record. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] NOTHING = new byte[0];

    private ChainHashes() {
    }

    /** The hash of an event: of its record value's bytes. */
    public static String ofEvent(byte[] value) {
        return HEX.formatHex(sha256().digest(value));
    }

    /** The hash of an event whose record value is this text (UTF-8, as the publishers' serialiser writes it). */
    public static String ofEvent(String value) {
        return ofEvent(value.getBytes(StandardCharsets.UTF_8));
    }

    /** The running hash after one more record (a null key or value counts as empty). */
    public static String next(String running, byte[] key, byte[] value) {
        MessageDigest digest = sha256();
        digest.update(HEX.parseHex(running));
        digest.update(sha256().digest(key == null ? NOTHING : key));
        digest.update(sha256().digest(value == null ? NOTHING : value));
        return HEX.formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }
}
