package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.JsonNode;

/**
 * A front-end team's first program against the npm package (clients/typescript, packed by the build): the sample
 * {@code registry-tour.ts} installed beside the package from its tarball, compiled with {@code tsc} from npm, and run
 * with Node.js against the started stack, through the gateway, as a clerk.
 */
class TypeScriptClientE2ETests {

    private static final Path CLIENT = Path.of("..", "clients", "typescript").toAbsolutePath().normalize();
    private static final Path TOOLCHAIN = CLIENT.resolve("target/npm/node_modules");

    @BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    @Test
    void theSampleCompilesAgainstThePackageAndRunsAgainstTheStack() throws Exception {
        Path project = Path.of("target", "typescript-sample").toAbsolutePath();
        FileSystemUtils.deleteRecursively(project);
        Files.createDirectories(project);
        try (Stream<Path> sample = Files.list(CLIENT.resolve("sample"))) {
            for (Path file : sample.toList()) {
                Files.copy(file, project.resolve(file.getFileName()));
            }
        }
        run(project, Map.of(), "npm", "install", "--offline", "--no-audit", "--no-fund", tarball().toString());
        // the package's own compiler and Node.js's types, as a team's project would have them
        Files.createSymbolicLink(project.resolve("node_modules/@types"), TOOLCHAIN.resolve("@types"));
        run(project, Map.of(), "node", TOOLCHAIN.resolve("typescript/bin/tsc").toString(), "-p", "tsconfig.json");

        var stack = Stack.get();
        String registration = Api.JSON.writeValueAsString(WorkPlanFixture.SYNTHETIC.next(WalkingSkeletonE2ETests.VILLAGE));
        Map<String, JsonNode> steps = new HashMap<>();
        for (String line : run(project, Map.of("FUPIN_GATEWAY", stack.gatewayUrl(), "FUPIN_ISSUER", stack.issuerUri(),
                "FUPIN_USER", "xiyang.clerk", "FUPIN_PASSWORD", "demo123", "FUPIN_REGISTRATION", registration),
                "node", "dist/registry-tour.js")) {
            if (!line.startsWith("{")) {
                continue; // Node.js's own warnings
            }
            JsonNode step = Api.JSON.readTree(line);
            steps.put(step.get("step").asString(), step);
        }

        assertThat(steps.get("registered").get("status").asInt()).isEqualTo(201);
        assertThat(steps.get("registered").get("sameOnRetry").asBoolean()).as("one Idempotency-Key, one household")
                .isTrue();
        assertThat(steps.get("read").get("village").asString()).as("named by the package's division tree").isNotBlank();
        assertThat(steps.get("updated").get("status").asInt()).isEqualTo(200);
        assertThat(steps.get("updated").get("etag").asString()).isNotEqualTo(steps.get("read").get("etag").asString());
        assertThat(steps.get("stale").get("status").asInt()).isEqualTo(412);
        assertThat(steps.get("stale").get("code").asString()).isEqualTo("version-mismatch");
        assertThat(steps.get("bad-input").get("status").asInt()).isEqualTo(400);
        assertThat(steps.get("bad-input").get("code").asString()).isEqualTo("validation-failed");
        assertThat(steps.get("bad-input").get("fields").toString()).contains("members[0].idNumber");
        String household = steps.get("registered").get("household").asString();
        assertThat(Api.json(Api.as("xiyang.clerk").get("/api/v1/households/" + household)).get("phone").asString())
                .as("the update, read by another client").endsWith("0000");
    }

    private static Path tarball() throws IOException {
        try (Stream<Path> built = Files.list(CLIENT.resolve("target"))) {
            return built.filter(file -> file.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no npm package in " + CLIENT.resolve("target")
                            + ": build clients/typescript first"));
        }
    }

    /** Runs a command in the directory and returns its output's lines; fails with its output if it fails. */
    private static List<String> run(Path directory, Map<String, String> environment, String... command)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (var output = process.inputReader(StandardCharsets.UTF_8)) {
            output.lines().forEach(lines::add);
        }
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command) + " ended").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + String.join("\n", lines)).isZero();
        return lines;
    }
}
