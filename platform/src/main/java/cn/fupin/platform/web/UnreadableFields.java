package cn.fupin.platform.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Why a request body could not be bound, said of the field where it went wrong ({@code members[2].health[0]}): a
 * field the contract does not have, a null where a value is required, a value of the wrong type or format.
 */
final class UnreadableFields {

    private UnreadableFields() {
    }

    /** The field path of a binding failure, or null when the body failed before any field (not JSON at all). */
    static String path(DatabindException ex) {
        List<JacksonException.Reference> references = ex.getPath();
        if (references.isEmpty()) {
            return null;
        }
        return references.stream()
                .map(reference -> reference.getPropertyName() != null ? "." + reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    static String message(DatabindException ex) {
        return switch (ex) {
            case UnrecognizedPropertyException unknown -> "接口契约中没有该字段";
            case InvalidNullException nulls -> "不能为 null";
            case InvalidFormatException format -> "取值 " + format.getValue() + " 的格式不正确，应为"
                    + expected(format.getTargetType());
            case MismatchedInputException mismatch -> "类型不正确，应为" + expected(mismatch.getTargetType());
            case ValueInstantiationException value -> "取值不在允许的范围内";
            default -> "取值不正确";
        };
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "契约规定的类型";
        }
        if (type.isEnum()) {
            return "以下之一：" + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining("、"));
        }
        if (type == String.class) {
            return "文本";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "整数";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == BigDecimal.class) {
            return "数值";
        }
        if (type == Boolean.class || type == boolean.class) {
            return " true 或 false";
        }
        if (type == LocalDate.class) {
            return "日期（yyyy-MM-dd）";
        }
        if (type == OffsetDateTime.class) {
            return "带时区的日期时间（ISO 8601）";
        }
        if (type == UUID.class) {
            return " UUID";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "数组";
        }
        return Map.class.isAssignableFrom(type) ? "对象" : "对象（JSON object）";
    }
}
