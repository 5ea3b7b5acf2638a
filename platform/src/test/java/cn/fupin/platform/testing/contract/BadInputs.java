package cn.fupin.platform.testing.contract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad versions of a good request body: at one place the schema describes, a null, a value of another type, a
 * number out of its range or with a fraction it may not have, a string too long or not in its code list, a null
 * element or one element too many in a list, a field the contract does not have.
 */
public final class BadInputs {

    private BadInputs() {
    }

    /** One bad body and what was done to it, e.g. {@code members[1].health: null element}. */
    public record Mutant(String what, JsonNode body) {
    }

    private record Site(String path, List<Object> steps, Map<String, Object> schema, JsonNode value) {
    }

    private record Mutation(String name, UnaryOperator<JsonNode> change) {
    }

    /** Every single-place mutation of {@code body}, each equally likely. */
    public static Arbitrary<Mutant> of(Map<String, Object> schema, JsonNode body) {
        return Arbitraries.of(all(schema, body));
    }

    /** Every single-place mutation of {@code body}. */
    static List<Mutant> all(Map<String, Object> schema, JsonNode body) {
        List<Site> sites = new ArrayList<>();
        collect(schema, body, "", List.of(), sites);
        List<Mutant> mutants = new ArrayList<>();
        for (Site site : sites) {
            for (Mutation mutation : mutations(site)) {
                mutants.add(new Mutant((site.path().isEmpty() ? "body" : site.path()) + ": " + mutation.name(),
                        replace(body, site.steps(), mutation.change().apply(site.value()))));
            }
        }
        return mutants;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Map<String, Object> schema, JsonNode value, String path, List<Object> steps,
            List<Site> sites) {
        Map<String, Object> effective = admitted(schema, value);
        sites.add(new Site(path, steps, effective, value));
        if (value instanceof ObjectNode object) {
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) effective
                    .getOrDefault("properties", Map.of());
            for (var field : object.properties()) {
                Map<String, Object> property = properties.get(field.getKey());
                if (property == null && effective.get("additionalProperties") instanceof Map<?, ?> values) {
                    property = (Map<String, Object>) values;
                }
                if (property != null) {
                    collect(property, field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                            append(steps, field.getKey()), sites);
                }
            }
        }
        if (value instanceof ArrayNode array && effective.get("items") instanceof Map<?, ?> items) {
            for (int i = 0; i < array.size(); i++) {
                collect((Map<String, Object>) items, array.get(i), path + "[" + i + "]", append(steps, i), sites);
            }
        }
    }

    /** Of a {@code oneOf}, the alternative that is not the null one. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> admitted(Map<String, Object> schema, JsonNode value) {
        if (schema.get("oneOf") instanceof List<?> alternatives) {
            return alternatives.stream().map(a -> (Map<String, Object>) a)
                    .filter(a -> !Schemas.types(a).equals(List.of("null"))).findFirst().orElse(schema);
        }
        return schema;
    }

    private static List<Mutation> mutations(Site site) {
        Map<String, Object> schema = site.schema();
        List<Mutation> mutations = new ArrayList<>();
        mutations.add(new Mutation("null", v -> JsonSamples.NODES.nullNode()));
        switch (Schemas.type(schema)) {
            case "string" -> {
                mutations.add(new Mutation("a number for text", v -> JsonSamples.NODES.numberNode(7)));
                mutations.add(new Mutation("too long", v -> JsonSamples.NODES.stringNode(
                        "长".repeat(Schemas.maxLength(schema, 4999) + 1))));
                mutations.add(new Mutation("empty", v -> JsonSamples.NODES.stringNode("")));
                if (schema.containsKey("enum") || schema.containsKey("pattern") || schema.containsKey("format")) {
                    mutations.add(new Mutation("not a valid code or format",
                            v -> JsonSamples.NODES.stringNode("ZZ-未知")));
                }
            }
            case "integer", "number" -> {
                mutations.add(new Mutation("text for a number", v -> JsonSamples.NODES.stringNode("七")));
                mutations.add(new Mutation("huge", v -> JsonSamples.NODES.numberNode(new BigDecimal("1e30"))));
                mutations.add(new Mutation("negative", v -> JsonSamples.NODES.numberNode(-1)));
                mutations.add(new Mutation("fraction", v -> JsonSamples.NODES.numberNode(new BigDecimal("0.125"))));
                if (schema.get("minimum") instanceof Number min) {
                    mutations.add(new Mutation("below its minimum", v -> JsonSamples.NODES.numberNode(
                            new BigDecimal(min.toString()).subtract(BigDecimal.ONE))));
                }
                if (schema.get("maximum") instanceof Number max) {
                    mutations.add(new Mutation("above its maximum", v -> JsonSamples.NODES.numberNode(
                            new BigDecimal(max.toString()).add(BigDecimal.ONE))));
                }
            }
            case "boolean" -> mutations.add(new Mutation("text for true/false",
                    v -> JsonSamples.NODES.stringNode("是")));
            case "array" -> {
                mutations.add(new Mutation("an object for a list", v -> JsonSamples.NODES.objectNode().put("x", 1)));
                mutations.add(new Mutation("null element", v -> ((ArrayNode) v.deepCopy()).addNull()));
                int max = Schemas.integer(schema, "maxItems", 0);
                if (max > 0 && !site.value().isEmpty()) {
                    mutations.add(new Mutation("one element too many", v -> {
                        ArrayNode longer = JsonSamples.NODES.arrayNode();
                        for (int i = 0; i <= max; i++) {
                            longer.add(v.get(i % v.size()).deepCopy());
                        }
                        return longer;
                    }));
                }
            }
            case "object" -> {
                mutations.add(new Mutation("a list for an object", v -> JsonSamples.NODES.arrayNode().add(1)));
                mutations.add(new Mutation("an unknown field", v -> ((ObjectNode) v.deepCopy()).put("zzUnknown", 1)));
                mutations.add(new Mutation("empty object", v -> JsonSamples.NODES.objectNode()));
            }
            default -> {
            }
        }
        return mutations;
    }

    private static JsonNode replace(JsonNode root, List<Object> steps, JsonNode replacement) {
        if (steps.isEmpty()) {
            return replacement;
        }
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy;
        for (Object step : steps.subList(0, steps.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        Object last = steps.getLast();
        if (parent instanceof ArrayNode array) {
            array.set((Integer) last, replacement);
        }
        else {
            ((ObjectNode) parent).set((String) last, replacement);
        }
        return copy;
    }

    private static List<Object> append(List<Object> steps, Object step) {
        List<Object> longer = new ArrayList<>(steps);
        longer.add(step);
        return List.copyOf(longer);
    }
}
