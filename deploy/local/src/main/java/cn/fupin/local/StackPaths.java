package cn.fupin.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Properties;

/**
 * Where everything lives. One place, so {@code up} and {@code down} (a different JVM, possibly much later) agree
 * on the pid file, the PostgreSQL data directory and the log files.
 */
record StackPaths(Path repoRoot, Path dataDir) {

    static StackPaths of(StackOptions options) {
        return new StackPaths(options.repoRoot(), options.dataDir());
    }

    Path logs() {
        return dataDir.resolve("logs");
    }

    Path log(String part) {
        return logs().resolve(part + ".log");
    }

    /** java.io.tmpdir of the child JVMs, so nothing of the stack lands in the machine's /tmp. */
    Path tmp() {
        return dataDir.resolve("tmp");
    }

    Path pidFile() {
        return dataDir.resolve("stack.pids");
    }

    Path postgresData() {
        return dataDir.resolve("postgres");
    }

    /** Where zonky unpacks the PostgreSQL binaries (it would use java.io.tmpdir otherwise). */
    Path postgresBinaries() {
        return dataDir.resolve("postgres-bin");
    }

    Path kafka() {
        return dataDir.resolve("kafka");
    }

    /** The broker's users and passwords ({@link KafkaUsers}), kept with its data. */
    Path kafkaUsers() {
        return kafka().resolve("users.properties");
    }

    Path keycloakHome() {
        return dataDir.resolve("keycloak");
    }

    /** The broker's class path and the Keycloak archive, copied there by this module's pom. */
    Path lib() {
        return repoRoot.resolve("deploy/local/target/lib");
    }

    Path keycloakArchive() {
        return lib().resolve("keycloak-quarkus-dist-" + keycloakVersion() + ".tar.gz");
    }

    Path realmFile() {
        return repoRoot.resolve("deploy/keycloak/fupin-realm.json");
    }

    Path jar(String module) {
        return repoRoot.resolve(module).resolve("target").resolve(module + "-" + projectVersion() + ".jar");
    }

    static String projectVersion() {
        return buildProperty("version");
    }

    static String keycloakVersion() {
        return buildProperty("keycloak.version");
    }

    private static String buildProperty(String key) {
        try (InputStream in = StackPaths.class.getResourceAsStream("stack.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(key);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Starts a part's log afresh for this run, so "see the log" means this run's log. */
    void freshLog(String part) {
        try {
            Files.writeString(log(part), "=== " + part + ", started by the Fupin local stack at " + LocalDateTime.now()
                    + " ===\n", StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    void createDirectories() {
        try {
            Files.createDirectories(logs());
            Files.createDirectories(tmp());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
