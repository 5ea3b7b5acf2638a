package cn.fupin.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The broker's users and their passwords, made once per data directory ({@code kafka/users.properties}, readable
 * by its owner only) and kept with the broker's data: the admin (the operator, who provisions the others) signs in
 * with SASL/PLAIN, checked against the broker's own configuration; the services and the audit reader with
 * SASL/SCRAM-SHA-512, whose credentials the admin stores in the cluster's metadata.
 */
final class KafkaUsers {

    static final String SCRAM = "SCRAM-SHA-512";
    static final String PLAIN = "PLAIN";
    static final String PROTOCOL = "SASL_PLAINTEXT";

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> passwords;

    private KafkaUsers(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    /** The users of the data directory's broker, any missing one given a new password. */
    static KafkaUsers of(Path file) {
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                stored.load(reader);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        boolean added = false;
        for (String user : Stream.concat(Stream.of(KafkaAccess.ADMIN), KafkaAccess.users().stream()).toList()) {
            String password = stored.getProperty(user);
            if (password == null) {
                password = newPassword();
                added = true;
            }
            passwords.put(user, password);
        }
        if (added) {
            writePrivate(file, passwords, "the local broker's users (deploy/local): admin signs in with PLAIN, the "
                    + "others with SCRAM-SHA-512");
        }
        return new KafkaUsers(passwords);
    }

    String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka user " + user);
        }
        return password;
    }

    /** A client's connection settings as the user, in the Kafka clients' own keys. */
    Map<String, String> client(String user) {
        boolean admin = user.equals(KafkaAccess.ADMIN);
        return Map.of("security.protocol", PROTOCOL, "sasl.mechanism", admin ? PLAIN : SCRAM,
                "sasl.jaas.config", jaas(admin ? PLAIN : SCRAM, user, password(user)));
    }

    /** What a service reads in its application.yml to sign in to the broker (none for the gateway). */
    Map<String, String> serviceEnvironment(String service) {
        if (!passwords.containsKey(service) || service.equals(KafkaAccess.ADMIN)) {
            return Map.of();
        }
        return Map.of("FUPIN_KAFKA_SECURITY_PROTOCOL", PROTOCOL, "FUPIN_KAFKA_SASL_MECHANISM", SCRAM,
                "FUPIN_KAFKA_USER", service, "FUPIN_KAFKA_PASSWORD", password(service));
    }

    /**
     * Writes the admin's and the audit reader's client settings beside the passwords ({@code <user>.properties}, as
     * Kafka's tools and Fupin's audit tools take them with {@code --command-config}).
     */
    void writeClientFiles(Path directory) {
        for (String user : java.util.List.of(KafkaAccess.ADMIN, KafkaAccess.AUDIT)) {
            writePrivate(directory.resolve(user + ".properties"), client(user),
                    "Kafka client settings of the local broker's " + user + " user (--command-config)");
        }
    }

    static String jaas(String mechanism, String user, String password) {
        String module = mechanism.equals(PLAIN) ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=\"" + user + "\" password=\"" + password + "\";";
    }

    private static String newPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static void writePrivate(Path file, Map<String, String> values, String comment) {
        Properties properties = new Properties();
        properties.putAll(values);
        try {
            Files.createDirectories(file.getParent());
            Path fresh = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(fresh);
            Files.createFile(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(fresh, StandardCharsets.UTF_8)) {
                properties.store(writer, comment);
            }
            Files.move(fresh, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
