package cn.fupin.platform.testing.contract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Reading the parts of a JSON Schema (OpenAPI 3.1) the generators need. */
final class Schemas {

    private Schemas() {
    }

    /** The declared types: {@code type: string} or {@code type: [string, 'null']}. */
    static List<String> types(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (type != null) {
            return List.of(String.valueOf(type));
        }
        return schema.containsKey("properties") ? List.of("object") : List.of();
    }

    /** The one non-null type. */
    static String type(Map<String, Object> schema) {
        return types(schema).stream().filter(t -> !t.equals("null")).findFirst().orElse("");
    }

    static boolean nullable(Map<String, Object> schema) {
        if (schema.get("oneOf") instanceof List<?> alternatives) {
            return alternatives.stream().anyMatch(a -> a instanceof Map<?, ?> m && "null".equals(m.get("type")));
        }
        return types(schema).contains("null");
    }

    static BigDecimal minimum(Map<String, Object> schema, long otherwise) {
        return schema.get("minimum") instanceof Number n ? new BigDecimal(n.toString()) : BigDecimal.valueOf(otherwise);
    }

    static BigDecimal maximum(Map<String, Object> schema, long otherwise) {
        return schema.get("maximum") instanceof Number n ? new BigDecimal(n.toString()) : BigDecimal.valueOf(otherwise);
    }

    static int minLength(Map<String, Object> schema) {
        return integer(schema, "minLength", 0);
    }

    static int maxLength(Map<String, Object> schema, int otherwise) {
        return integer(schema, "maxLength", otherwise);
    }

    static int integer(Map<String, Object> schema, String name, int otherwise) {
        return schema.get(name) instanceof Number n ? n.intValue() : otherwise;
    }
}
