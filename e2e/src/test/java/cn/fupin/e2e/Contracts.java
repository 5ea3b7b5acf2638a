package cn.fupin.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/** The operations of the four services' contracts (from the contracts jar), as the attack tests enumerate them. */
final class Contracts {

    static final List<String> SERVICES = List.of("household", "monitoring", "review", "reporting");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private Contracts() {
    }

    /**
     * One operation.
     *
     * @param queryParameters the names of its query parameters
     */
    record Operation(String method, String path, String id, List<String> roles, List<String> queryParameters) {

        /** Served through the gateway (the services' {@code /internal/**} operations are not). */
        boolean throughGateway() {
            return !path.startsWith("/internal/");
        }
    }

    /** Every operation of every contract. */
    static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        SERVICES.forEach(service -> operations.addAll(operations(service)));
        return operations;
    }

    @SuppressWarnings("unchecked")
    static List<Operation> operations(String service) {
        Map<String, Object> document;
        try (InputStream in = Contracts.class.getResourceAsStream("/openapi/" + service + ".yaml")) {
            document = new Yaml().load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Map<String, Map<String, Object>> shared = (Map<String, Map<String, Object>>) ((Map<String, Object>) document
                .getOrDefault("components", Map.of())).getOrDefault("parameters", Map.of());
        List<Operation> operations = new ArrayList<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, item) -> item.forEach(
                (method, value) -> {
                    if (METHODS.contains(method) && value instanceof Map<?, ?> found) {
                        Map<String, Object> operation = (Map<String, Object>) found;
                        List<String> query = new ArrayList<>();
                        for (Object each : (List<Object>) operation.getOrDefault("parameters", List.of())) {
                            Map<String, Object> parameter = (Map<String, Object>) each;
                            if (parameter.get("$ref") instanceof String ref) {
                                parameter = shared.get(ref.substring(ref.lastIndexOf('/') + 1));
                            }
                            if ("query".equals(parameter.get("in"))) {
                                query.add((String) parameter.get("name"));
                            }
                        }
                        operations.add(new Operation(method.toUpperCase(Locale.ROOT), path,
                                (String) operation.get("operationId"), (List<String>) operation.get("x-roles"),
                                List.copyOf(query)));
                    }
                }));
        return operations;
    }
}
