package cn.fupin.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What an application reads of its environment, from the sources its image is built of: its own module and, for a
 * service, the platform and the work plan it runs on ({@code ${FUPIN_…}} in its application.yml, the platform's
 * defaults and the {@code @Value}s of its code).
 */
final class AppConfiguration {

    static final List<String> SERVICES = List.of("household-service", "monitoring-service", "review-service",
            "reporting-service");
    static final List<String> APPS = Stream.concat(SERVICES.stream(), Stream.of("gateway")).toList();

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(FUPIN_[A-Z0-9_]+)");
    private static final YAMLMapper YAML = new YAMLMapper();

    private AppConfiguration() {
    }

    static List<Path> modules(String app) {
        return app.equals("gateway") ? List.of(Repo.resolve("gateway"))
                : List.of(Repo.resolve(app), Repo.resolve("platform"), Repo.resolve("work-plan"));
    }

    /** Every FUPIN_ variable the application's configuration or code reads. */
    static Set<String> variables(String app) {
        Set<String> variables = new TreeSet<>();
        for (Path module : modules(app)) {
            Path main = module.resolve("src/main");
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(Files::isRegularFile)
                        .filter(file -> file.toString().matches(".*\\.(java|ya?ml|properties)$"))
                        .forEach(file -> {
                            Matcher matcher = VARIABLE.matcher(read(file));
                            while (matcher.find()) {
                                variables.add(matcher.group(1));
                            }
                        });
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return variables;
    }

    /**
     * The application's settings as Spring Boot reads them at a dotted path: its application.yml first, then (a
     * service) the platform's defaults; missing if neither sets it.
     */
    static JsonNode setting(String app, String dottedPath) {
        String pointer = "/" + dottedPath.replace('.', '/');
        List<Path> files = app.equals("gateway") ? List.of(Repo.resolve("gateway/src/main/resources/application.yml"))
                : List.of(Repo.resolve(app + "/src/main/resources/application.yml"),
                        Repo.resolve("platform/src/main/resources/fupin-platform-defaults.yml"));
        for (Path file : files) {
            JsonNode value = YAML.readTree(read(file)).at(pointer);
            if (!value.isMissingNode()) {
                return value;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
