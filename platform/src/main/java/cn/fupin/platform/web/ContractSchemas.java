package cn.fupin.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/** The component schemas of the service's own OpenAPI contract on the class path; none without one. */
final class ContractSchemas {

    private ContractSchemas() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> of(String classpathLocation) {
        if (classpathLocation == null || classpathLocation.isBlank()
                || !new ClassPathResource(classpathLocation).exists()) {
            return Map.of();
        }
        try (InputStream in = new ClassPathResource(classpathLocation).getInputStream()) {
            Map<String, Object> document = new Yaml().load(in);
            Map<String, Object> components = (Map<String, Object>) document.getOrDefault("components", Map.of());
            return (Map<String, Map<String, Object>>) components.getOrDefault("schemas", Map.of());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
