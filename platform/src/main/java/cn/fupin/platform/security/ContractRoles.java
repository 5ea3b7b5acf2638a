package cn.fupin.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPatternParser;
import org.yaml.snakeyaml.Yaml;

/**
 * Who may call each operation of a service's contract: every operation states its realm roles in {@code x-roles},
 * and the service enforces them in its security filter chain, before anything reads the request — a caller
 * outside them gets 403 whatever the body, path or area. A contract operation without {@code x-roles} stops the
 * service from starting. The controllers' {@code @PreAuthorize} says the same at the method; a test of each
 * service keeps the two in agreement. A machine client (client credentials) needs besides its role one of the
 * OAuth scopes the operation lists in {@code x-scopes}, e.g. {@code households:read}.
 */
public record ContractRoles(List<Operation> operations) {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    /**
     * One operation: method, path template as the contract writes it, its id, the roles that may call it and the
     * scopes of which a machine client must hold one (none: roles decide alone).
     */
    public record Operation(HttpMethod method, String path, String operationId, List<String> roles,
            List<String> scopes) {
    }

    /** The operations of the contract at a classpath location, most specific paths first; none without one. */
    @SuppressWarnings("unchecked")
    public static ContractRoles fromContract(String classpathLocation) {
        if (classpathLocation == null || classpathLocation.isBlank()
                || !new ClassPathResource(classpathLocation).exists()) {
            return new ContractRoles(List.of());
        }
        Map<String, Object> document;
        try (InputStream in = new ClassPathResource(classpathLocation).getInputStream()) {
            document = new Yaml().load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        List<Operation> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.getOrDefault("paths",
                Map.of());
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (METHODS.contains(method) && value instanceof Map<?, ?> operation) {
                String id = String.valueOf(operation.get("operationId"));
                if (!(operation.get("x-roles") instanceof List<?> roles) || roles.isEmpty()) {
                    throw new IllegalStateException(classpathLocation + ": operation " + id
                            + " does not state which roles may call it (x-roles)");
                }
                List<?> scopes = operation.get("x-scopes") instanceof List<?> listed ? listed : List.of();
                operations.add(new Operation(HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), path, id,
                        roles.stream().map(String::valueOf).toList(), scopes.stream().map(String::valueOf).toList()));
            }
        }));
        operations.sort(Comparator.comparing((Operation operation) -> PathPatternParser.defaultInstance
                .parse(operation.path()), org.springframework.web.util.pattern.PathPattern.SPECIFICITY_COMPARATOR));
        return new ContractRoles(List.copyOf(operations));
    }

    public Optional<Operation> operation(String operationId) {
        return operations.stream().filter(operation -> operation.operationId().equals(operationId)).findFirst();
    }
}
