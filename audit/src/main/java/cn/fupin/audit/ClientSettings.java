package cn.fupin.audit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The Kafka client settings the audit tools take on their command line, as Kafka's own tools do: {@code
 * --command-config FILE} (a properties file: security protocol, SASL mechanism and JAAS line, trust store) and
 * {@code --property KEY=VALUE}, the latter winning.
 */
public final class ClientSettings {

    private ClientSettings() {
    }

    /**
     * Adds the option's settings to the connection; false if the option is not one of these.
     *
     * @throws IllegalArgumentException naming what is wrong with the value
     */
    public static boolean apply(String option, String value, Properties connection) {
        switch (option) {
            case "--command-config" -> connection.putAll(load(Path.of(value)));
            case "--property" -> {
                int equals = value.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException("--property wants KEY=VALUE, not " + value);
                }
                connection.put(value.substring(0, equals), value.substring(equals + 1));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * What to say after a broker did not answer: one that wants its clients to sign in looks, to a client that does
     * not, like a broker that never answers.
     */
    public static String hint(Properties connection) {
        return connection.containsKey("sasl.jaas.config") ? ""
                : " (a broker that wants its clients to sign in answers no one who does not: --command-config FILE)";
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        catch (NoSuchFileException ex) {
            throw new IllegalArgumentException("--command-config: no such file " + file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return properties;
    }
}
