package cn.fupin.platform.web;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.MessageSourceResolvable;

/**
 * Names fields in error messages the way the forms do: the national indicator code ({@code x-indicator}) of
 * each request field, read from the service's own OpenAPI contract, and Chinese messages for constraint
 * violations.
 */
public class IndicatorNames {

    private final Map<String, String> byProperty;

    private IndicatorNames(Map<String, String> byProperty) {
        this.byProperty = Map.copyOf(byProperty);
    }

    /** Reads the {@code x-indicator} of every schema property of an OpenAPI document on the class path. */
    public static IndicatorNames fromContract(String classpathLocation) {
        Map<String, String> found = new HashMap<>();
        ContractSchemas.of(classpathLocation).values().forEach(schema -> collect(schema, found));
        return new IndicatorNames(found);
    }

    @SuppressWarnings("unchecked")
    private static void collect(Map<String, Object> schema, Map<String, String> found) {
        Object properties = schema.get("properties");
        if (properties instanceof Map<?, ?> map) {
            map.forEach((name, property) -> {
                if (property instanceof Map<?, ?> definition && definition.get("x-indicator") != null) {
                    found.putIfAbsent((String) name, definition.get("x-indicator").toString());
                }
            });
        }
    }

    /** The indicator code of a field path such as {@code members[0].idNumber}, or null. */
    public String of(String fieldPath) {
        if (fieldPath == null) {
            return null;
        }
        String last = fieldPath.substring(fieldPath.lastIndexOf('.') + 1).replaceAll("\\[\\d*]$", "");
        return byProperty.get(last);
    }

    /** A Chinese message for a Bean Validation error, with its limits. */
    public String message(MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        String constraint = codes == null || codes.length == 0 ? "" : codes[codes.length - 1];
        Object[] args = error.getArguments();
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "必填";
            case "Pattern" -> "格式不正确";
            case "Size" -> "长度或数量应在 " + arg(args, 2) + " 到 " + arg(args, 1) + " 之间";
            case "Min", "DecimalMin" -> "不能小于 " + arg(args, 1);
            case "Max", "DecimalMax" -> "不能大于 " + arg(args, 1);
            case "Email" -> "不是有效的电子邮件地址";
            default -> error.getDefaultMessage() == null ? "取值不正确" : error.getDefaultMessage();
        };
    }

    private static Object arg(Object[] args, int index) {
        return args != null && args.length > index ? args[index] : "?";
    }
}
