package cn.fupin.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Keeps Keycloak's realm in step with {@code deploy/keycloak/fupin-realm.json}. Keycloak's
 * {@code --import-realm} silently skips a realm that already exists, so an edited file would never arrive;
 * the hash of the last imported file is kept next to Keycloak's data, and when the file has changed the H2
 * database is deleted before the start so the realm is imported afresh (demo users and clients are all in the
 * file; the master admin is recreated from {@code KC_BOOTSTRAP_ADMIN_*}).
 */
final class RealmImport {

    private final Path realmFile;
    private final Path keycloakHome;

    RealmImport(Path realmFile, Path keycloakHome) {
        this.realmFile = realmFile;
        this.keycloakHome = keycloakHome;
    }

    /** Copies the realm file into {@code data/import}, resetting the database first if the file changed. */
    void prepare() {
        try {
            Path database = keycloakHome.resolve("data/h2");
            if (Files.exists(database) && !sha256(realmFile).equals(importedHash())) {
                Console.say("Keycloak: " + realmFile.getFileName() + " changed since it was last imported:"
                        + " deleting " + database + " so that it is imported again");
                deleteRecursively(database);
            }
            Path importDir = Files.createDirectories(keycloakHome.resolve("data/import"));
            Files.copy(realmFile, importDir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Called once Keycloak serves the realm, i.e. once the import has certainly happened. */
    void recordImported() {
        try {
            Files.writeString(hashFile(), sha256(realmFile) + "\n", StandardCharsets.US_ASCII);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private String importedHash() throws IOException {
        return Files.exists(hashFile()) ? Files.readString(hashFile(), StandardCharsets.US_ASCII).strip() : "";
    }

    private Path hashFile() {
        return keycloakHome.resolve("data/" + realmFile.getFileName() + ".sha256");
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JDK has SHA-256", ex);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
