package cn.fupin.platform.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.NullValueProvider;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.impl.NullsFailProvider;
import tools.jackson.databind.util.AccessPattern;

/**
 * Nulls as the contract means them. A required property whose schema admits no null fails while binding when a
 * body sends null for it — a 400 naming the field. An optional list whose schema admits no null is read as an
 * empty one: {@code "objections": null} says "none", as leaving it out does, and never reaches the service as a
 * missing list. An optional scalar or object sent as null stays absent, as generated clients send it. The generated
 * request classes carry their schema's name, which is how a class finds its properties.
 */
public final class ContractNulls extends ValueDeserializerModifier {

    private record Rules(Set<String> required, Set<String> lists) {
    }

    private final Map<String, Rules> bySchema;

    private ContractNulls(Map<String, Rules> bySchema) {
        this.bySchema = bySchema;
    }

    @SuppressWarnings("unchecked")
    public static ContractNulls fromContract(String classpathLocation) {
        Map<String, Rules> found = new HashMap<>();
        ContractSchemas.of(classpathLocation).forEach((name, schema) -> {
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema
                    .getOrDefault("properties", Map.of());
            List<String> required = (List<String>) schema.getOrDefault("required", List.of());
            Set<String> requiredNonNull = new LinkedHashSet<>();
            Set<String> optionalLists = new LinkedHashSet<>();
            properties.forEach((property, definition) -> {
                if (nullable(definition)) {
                    return;
                }
                if (required.contains(property)) {
                    requiredNonNull.add(property);
                }
                else if ("array".equals(definition.get("type")) || "object".equals(definition.get("type"))
                        && definition.containsKey("additionalProperties")) {
                    optionalLists.add(property);
                }
            });
            found.put(name, new Rules(Set.copyOf(requiredNonNull), Set.copyOf(optionalLists)));
        });
        return new ContractNulls(Map.copyOf(found));
    }

    private static boolean nullable(Map<String, Object> property) {
        if (property.get("oneOf") instanceof List<?> alternatives) {
            return alternatives.stream().anyMatch(a -> a instanceof Map<?, ?> m && "null".equals(m.get("type")));
        }
        Object type = property.get("type");
        if (type instanceof List<?> types) {
            return types.contains("null");
        }
        // a bare $ref names an object or a code list; no type at all admits anything
        return type == null ? !property.containsKey("$ref") : "null".equals(type);
    }

    @Override
    public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription.Supplier bean,
            BeanDeserializerBuilder builder) {
        Rules rules = bySchema.get(bean.getBeanClass().getSimpleName());
        if (rules == null) {
            return builder;
        }
        List<SettableBeanProperty> properties = new ArrayList<>();
        builder.getProperties().forEachRemaining(properties::add);
        for (SettableBeanProperty property : properties) {
            if (rules.required().contains(property.getName())) {
                builder.addOrReplaceProperty(
                        property.withNullProvider(NullsFailProvider.constructForProperty(property)), true);
            }
            else if (rules.lists().contains(property.getName())) {
                builder.addOrReplaceProperty(property.withNullProvider(new EmptyContainer(property.getType()
                        .getRawClass())), true);
            }
        }
        return builder;
    }

    /** A fresh empty list, set or map for a null: the request classes add to what they hold. */
    private record EmptyContainer(Class<?> type) implements NullValueProvider {

        @Override
        public Object getNullValue(DeserializationContext context) {
            if (Set.class.isAssignableFrom(type)) {
                return new LinkedHashSet<>();
            }
            return Map.class.isAssignableFrom(type) ? new LinkedHashMap<>() : new ArrayList<>();
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC;
        }
    }
}
