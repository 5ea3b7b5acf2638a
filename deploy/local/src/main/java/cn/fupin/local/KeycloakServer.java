package cn.fupin.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keycloak, the real OIDC provider, run from the distribution archive in {@code target/lib}. It is unpacked
 * once into the data directory and started in dev mode, whose H2 database then keeps the realm between runs.
 */
final class KeycloakServer {

    static final String PART = "keycloak";
    static final String REALM = "fupin";
    static final String ADMIN = "admin";

    /** The first start builds Keycloak's optimized image (one-off) and imports the realm: slow on two cores. */
    private static final Duration STARTUP = Duration.ofSeconds(240);
    private static final Duration UNPACK = Duration.ofSeconds(180);

    private KeycloakServer() {
    }

    static ChildProcess start(StackPaths paths, Ports ports, RealmImport realm) {
        unpackOnce(paths);
        realm.prepare();
        Path home = paths.keycloakHome();
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + ports.keycloak(), "--http-management-port=" + ports.keycloakManagement(),
                "--import-realm");
        Map<String, String> environment = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + paths.tmp() + " -Xmx768m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN);
        return ChildProcess.start(PART, command, environment, home, paths.log(PART));
    }

    /** Ready when the realm's discovery document is served, i.e. the realm exists and tokens can be issued. */
    static Duration awaitReady(ChildProcess keycloak, Ports ports) {
        URI discovery = URI.create(ServiceSpec.issuerUri(ports) + "/.well-known/openid-configuration");
        return Readiness.await("Keycloak", Optional.of(keycloak.process()), keycloak.log(), STARTUP,
                Readiness.httpOk(discovery, "\"issuer\""));
    }

    /** Unpacks into a sibling directory first, so an interrupted unpack is never mistaken for a finished one. */
    private static void unpackOnce(StackPaths paths) {
        Path home = paths.keycloakHome();
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return;
        }
        Path partial = home.resolveSibling(home.getFileName() + ".unpacking");
        try {
            if (Files.exists(partial)) {
                RealmImport.deleteRecursively(partial);
            }
            if (Files.exists(home)) {
                RealmImport.deleteRecursively(home);
            }
            Files.createDirectories(partial);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Console.say("Keycloak: unpacking " + paths.keycloakArchive().getFileName() + " into " + home + " (once)");
        List<String> tar = List.of("tar", "-xzf", paths.keycloakArchive().toString(), "-C", partial.toString(),
                "--strip-components=1");
        int exit = ChildProcess.start("tar", tar, Map.of(), paths.dataDir(), paths.log(PART)).awaitExit(UNPACK);
        if (exit != 0) {
            throw new StackStartException("Keycloak: unpacking " + paths.keycloakArchive() + " failed (tar exit "
                    + exit + "); see " + paths.log(PART) + Readiness.tail(paths.log(PART)));
        }
        try {
            Files.move(partial, home);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
