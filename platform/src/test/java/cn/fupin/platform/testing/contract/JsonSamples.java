package cn.fupin.platform.testing.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON values a schema of the contracts admits, as far as its types, enumerations, patterns, formats and bounds
 * say (the codebook's meaning of a code, an ID number's check digit and the like are the services' to judge).
 */
public final class JsonSamples {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonSamples() {
    }

    @SuppressWarnings("unchecked")
    public static Arbitrary<JsonNode> of(Map<String, Object> schema) {
        if (schema == null || schema.isEmpty()) {
            return Arbitraries.just(NODES.stringNode("任意"));
        }
        if (schema.get("oneOf") instanceof List<?> alternatives) {
            List<Arbitrary<JsonNode>> admitted = alternatives.stream().map(each -> (Map<String, Object>) each)
                    .filter(each -> !Schemas.types(each).equals(List.of("null"))).map(JsonSamples::of).toList();
            return Arbitraries.oneOf(admitted);
        }
        if (schema.get("enum") instanceof List<?> values) {
            return Arbitraries.of(values).map(JsonSamples::node);
        }
        return switch (Schemas.type(schema)) {
            case "object" -> object(schema);
            case "array" -> array(schema);
            case "integer" -> Arbitraries.longs().between(Schemas.minimum(schema, 0).longValue(),
                    Schemas.maximum(schema, 1000).longValue()).map(NODES::numberNode);
            case "number" -> Arbitraries.bigDecimals().between(Schemas.minimum(schema, 0),
                    Schemas.maximum(schema, 100000)).ofScale(2).map(NODES::numberNode);
            case "boolean" -> Arbitraries.of(true, false).map(NODES::booleanNode);
            case "string" -> string(schema).map(NODES::stringNode);
            default -> Arbitraries.just(NODES.nullNode());
        };
    }

    private static Arbitrary<String> string(Map<String, Object> schema) {
        String format = String.valueOf(schema.get("format"));
        if (schema.get("pattern") instanceof String pattern) {
            return PatternStrings.matching(pattern);
        }
        return switch (format) {
            case "date" -> Arbitraries.integers().between(0, 2000)
                    .map(d -> LocalDate.of(2020, 1, 1).plusDays(d).toString());
            case "date-time" -> Arbitraries.integers().between(0, 2000)
                    .map(d -> OffsetDateTime.of(2020, 1, 1, 8, 0, 0, 0, ZoneOffset.ofHours(8)).plusDays(d).toString());
            case "uuid" -> Arbitraries.create(java.util.UUID::randomUUID).map(Object::toString);
            case "uri", "uri-reference" -> Arbitraries.just("https://fupin.example/evidence/1");
            default -> {
                int min = Math.max(1, Schemas.minLength(schema));
                yield Arbitraries.strings().withCharRange('一', '龥').ofMinLength(min)
                        .ofMaxLength(Math.max(min, Math.min(Schemas.maxLength(schema, 12), 12)));
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Arbitrary<JsonNode> object(Map<String, Object> schema) {
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema
                .getOrDefault("properties", Map.of());
        List<String> required = (List<String>) schema.getOrDefault("required", List.of());
        List<Arbitrary<Optional<Map.Entry<String, JsonNode>>>> fields = new ArrayList<>();
        properties.forEach((name, property) -> {
            Arbitrary<Optional<Map.Entry<String, JsonNode>>> field = of(property)
                    .map(value -> Optional.of(Map.entry(name, value)));
            fields.add(required.contains(name) ? field : Arbitraries.oneOf(field, Arbitraries.just(Optional.empty())));
        });
        if (schema.get("additionalProperties") instanceof Map<?, ?> values && properties.isEmpty()) {
            Arbitrary<JsonNode> value = of((Map<String, Object>) values);
            fields.add(value.map(v -> Optional.of(Map.entry("k1", v))));
        }
        if (fields.isEmpty()) {
            return Arbitraries.just(NODES.objectNode());
        }
        return Combinators.combine(fields).as(entries -> {
            ObjectNode object = NODES.objectNode();
            entries.forEach(entry -> entry.ifPresent(e -> object.set(e.getKey(), e.getValue())));
            return object;
        });
    }

    @SuppressWarnings("unchecked")
    private static Arbitrary<JsonNode> array(Map<String, Object> schema) {
        int min = Schemas.integer(schema, "minItems", 0);
        int max = Math.min(Schemas.integer(schema, "maxItems", min + 3), min + 3);
        var items = of((Map<String, Object>) schema.getOrDefault("items", Map.of())).list().ofMinSize(min)
                .ofMaxSize(max);
        if (Boolean.TRUE.equals(schema.get("uniqueItems"))) {
            items = items.uniqueElements();
        }
        return items.map(values -> {
            var array = NODES.arrayNode();
            values.forEach(array::add);
            return array;
        });
    }

    static JsonNode node(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case Double d -> NODES.numberNode(BigDecimal.valueOf(d));
            case Boolean b -> NODES.booleanNode(b);
            default -> NODES.stringNode(String.valueOf(value));
        };
    }
}
