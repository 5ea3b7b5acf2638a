package cn.fupin.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The images {@code -Pimages} built (target/image/*.tar), as a container runtime would take them: non-root, the
 * production JIT with container-sized memory, port 8080, and a root file system whose Java runtime really starts the
 * application — unpacked and run in a chroot (a user namespace of its own, as a rootless runtime would), where the
 * service gets as far as its database, which is not there.
 */
@EnabledIfSystemProperty(named = "fupin.images.tested", matches = "true",
        disabledReason = "the images are built with -Pimages only (deploy/images/README.md)")
class ImageTests {

    static final List<String> APPS = AppConfiguration.APPS;
    private static final Duration STARTUP = Duration.ofSeconds(90);

    @ParameterizedTest
    @FieldSource("APPS")
    void theImageRunsTheApplicationAsNonRootWithProductionFlags(String app, @TempDir Path unpacked) throws Exception {
        Path tar = Repo.resolve(app + "/target/image/" + app + ".tar");
        assertThat(tar).as("built by ./mvnw -Pimages package").exists();
        run(List.of("tar", "-xf", tar.toString(), "-C", unpacked.toString()), Duration.ofMinutes(2));
        JsonNode manifest = JsonMapper.shared().readTree(unpacked.resolve("manifest.json").toFile()).get(0);
        JsonNode config = JsonMapper.shared().readTree(unpacked.resolve(manifest.path("Config").asString()).toFile())
                .path("config");

        assertThat(manifest.path("RepoTags").get(0).asString()).isEqualTo("fupin/" + app + ":0.1.0-SNAPSHOT");
        assertThat(config.path("User").asString()).isEqualTo("10001:10001");
        assertThat(config.at("/ExposedPorts").has("8080/tcp")).isTrue();
        Map<String, String> environment = new TreeMap<>();
        config.path("Env").forEach(entry -> {
            String[] pair = entry.asString().split("=", 2);
            environment.put(pair[0], pair[1]);
        });
        assertThat(environment).containsEntry("SERVER_PORT", "8080").containsEntry("JAVA_HOME", "/opt/java");
        assertThat(environment.get("JDK_JAVA_OPTIONS")).contains("-XX:MaxRAMPercentage=75", "-XX:+UseG1GC",
                "-XX:+ExitOnOutOfMemoryError").doesNotContain("TieredStopAtLevel");
        List<String> entrypoint = config.path("Entrypoint").valueStream().map(JsonNode::asString).toList();
        assertThat(entrypoint).startsWith("java", "-cp", "@/app/jib-classpath-file");
        assertThat(config.at("/Labels/org.opencontainers.image.title").asString()).isEqualTo(app);

        Path root = Files.createDirectories(unpacked.resolve("rootfs"));
        for (JsonNode layer : manifest.path("Layers")) {
            run(List.of("tar", "-xzf", unpacked.resolve(layer.asString()).toString(), "-C", root.toString()),
                    Duration.ofMinutes(2));
        }
        String output = startInChroot(root, entrypoint, environment);
        assertThat(output).as("the application in its image").contains("Picked up JDK_JAVA_OPTIONS", "Starting ");
        if (app.equals("gateway")) {
            assertThat(output).as("the gateway needs no database").contains("Started ");
        }
        else {
            assertThat(output).as("a service gets as far as its database").contains("Connection to localhost:1 refused");
        }
    }

    /**
     * Runs the entry point in the unpacked root with the image's environment, its database, broker and realm at
     * addresses nothing serves, until it has started or given up; returns what it printed.
     */
    private static String startInChroot(Path root, List<String> entrypoint, Map<String, String> environment)
            throws IOException, InterruptedException {
        Files.createDirectories(root.resolve("proc"));
        // the host's programs by their full paths: the environment below is the image's, its PATH the image's
        // the application dies with unshare (--kill-child): it is the namespace's first process, nothing else ends it
        List<String> command = new ArrayList<>(List.of(hostProgram("unshare"), "--kill-child", "--user",
                "--map-root-user", "--mount", "--pid", "--fork", "--mount-proc=" + root.resolve("proc"),
                hostProgram("chroot"), root.toString(), "/opt/java/bin/java"));
        command.addAll(entrypoint.subList(1, entrypoint.size()));
        Path log = Files.createTempFile("image", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("FUPIN_DB_URL", "jdbc:postgresql://localhost:1/fupin");
        builder.environment().put("FUPIN_KAFKA", "localhost:2");
        builder.environment().put("FUPIN_ISSUER_URI", "http://localhost:3/realms/fupin");
        Process process = builder.start();
        try {
            long deadline = System.nanoTime() + STARTUP.toNanos();
            String output = "";
            while (process.isAlive() && System.nanoTime() < deadline && !output.contains("Started ")) {
                Thread.sleep(500);
                output = Files.readString(log, StandardCharsets.UTF_8);
            }
            return Files.readString(log, StandardCharsets.UTF_8);
        }
        finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(log);
        }
    }

    private static String hostProgram(String name) {
        for (String directory : (System.getenv("PATH") + ":/usr/sbin:/sbin").split(":")) {
            Path program = Path.of(directory, name);
            if (Files.isExecutable(program)) {
                return program.toString();
            }
        }
        throw new IllegalStateException(name + " is not on this machine (util-linux, coreutils)");
    }

    private static void run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
