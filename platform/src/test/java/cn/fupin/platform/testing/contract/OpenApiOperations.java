package cn.fupin.platform.testing.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * The operations of one OpenAPI contract as a test drives them: method, path, parameters and request body, with
 * every {@code $ref} resolved, so requests can be generated from what the contract says and nothing else.
 */
public final class OpenApiOperations {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private OpenApiOperations() {
    }

    /**
     * One operation.
     *
     * @param parameters path, query and header parameters, resolved
     * @param body the JSON request body's schema, resolved, or null when it takes none (or not JSON)
     * @param roles the realm roles it admits ({@code x-roles})
     */
    public record Operation(String id, String method, String path, List<Parameter> parameters,
            Map<String, Object> body, boolean bodyRequired, List<String> roles) {

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return id + " (" + method.toUpperCase() + " " + path + ")";
        }
    }

    public record Parameter(String name, String in, boolean required, Map<String, Object> schema) {
    }

    /** The operations of the contract at a classpath location such as {@code openapi/household.yaml}. */
    @SuppressWarnings("unchecked")
    public static List<Operation> of(String classpathLocation) {
        Map<String, Object> document;
        try (InputStream in = OpenApiOperations.class.getClassLoader().getResourceAsStream(classpathLocation)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract at " + classpathLocation);
            }
            document = new Yaml().load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        List<Operation> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((path, item) -> {
            List<Object> shared = (List<Object>) item.getOrDefault("parameters", List.of());
            for (String method : METHODS) {
                Map<String, Object> operation = (Map<String, Object>) item.get(method);
                if (operation != null) {
                    operations.add(operation(document, path, method, shared, operation));
                }
            }
        });
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static Operation operation(Map<String, Object> document, String path, String method, List<Object> shared,
            Map<String, Object> operation) {
        List<Parameter> parameters = new ArrayList<>();
        List<Object> declared = new ArrayList<>(shared);
        declared.addAll((List<Object>) operation.getOrDefault("parameters", List.of()));
        for (Object each : declared) {
            Map<String, Object> parameter = (Map<String, Object>) resolve(document, each);
            parameters.add(new Parameter((String) parameter.get("name"), (String) parameter.get("in"),
                    Boolean.TRUE.equals(parameter.get("required")),
                    (Map<String, Object>) resolve(document, parameter.getOrDefault("schema", Map.of()))));
        }
        Map<String, Object> body = null;
        boolean bodyRequired = false;
        if (operation.get("requestBody") != null) {
            Map<String, Object> requestBody = (Map<String, Object>) resolve(document, operation.get("requestBody"));
            Map<String, Object> content = (Map<String, Object>) requestBody.getOrDefault("content", Map.of());
            Map<String, Object> json = (Map<String, Object>) content.get("application/json");
            if (json != null) {
                body = (Map<String, Object>) resolve(document, json.get("schema"));
                bodyRequired = Boolean.TRUE.equals(requestBody.get("required"));
            }
        }
        return new Operation((String) operation.get("operationId"), method, path, List.copyOf(parameters), body,
                bodyRequired, (List<String>) operation.getOrDefault("x-roles", List.of()));
    }

    /** A node with every {@code $ref} in it replaced by what it points at (the contracts have no cycles). */
    @SuppressWarnings("unchecked")
    static Object resolve(Map<String, Object> document, Object node) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("$ref") instanceof String ref && ref.startsWith("#/")) {
                Object target = document;
                for (String step : ref.substring(2).split("/")) {
                    target = ((Map<String, Object>) target).get(step);
                }
                return resolve(document, target);
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((key, value) -> resolved.put((String) key, resolve(document, value)));
            return resolved;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(each -> resolve(document, each)).toList();
        }
        return node;
    }
}
