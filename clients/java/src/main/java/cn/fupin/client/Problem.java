package cn.fupin.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An error as Fupin answers it (RFC 9457 problem details): a stable {@code code} to program against, a Chinese
 * {@code title} and {@code detail}, the {@code correlationId} that finds the log lines, and for bad input the fields
 * at fault. Read from a generated API's exception: {@code Problem.of(ex.getResponseBody())}.
 *
 * @param type {@code https://fupin.cn/problems/<code>}
 * @param errors for bad input, each field at fault: its JSON path, its national indicator code (or null), why
 */
public record Problem(String type, String title, int status, String detail, String code, String correlationId,
        List<FieldError> errors) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param indicator the national indicator code of the field (A4: 证件号码), null if it has none */
    public record FieldError(String field, String indicator, String message) {
    }

    /** The problem an error answer carries, if its body is one. */
    public static Optional<Problem> of(String responseBody) {
        if (responseBody == null || responseBody.isBlank()) {
            return Optional.empty();
        }
        JsonNode body;
        try {
            body = JSON.readTree(responseBody);
        }
        catch (IOException ex) {
            return Optional.empty();
        }
        if (!body.isObject() || !body.hasNonNull("code")) {
            return Optional.empty();
        }
        List<FieldError> errors = new ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            errors.add(new FieldError(text(error, "field"), text(error, "indicator"), text(error, "message")));
        }
        return Optional.of(new Problem(text(body, "type"), text(body, "title"), body.path("status").asInt(),
                text(body, "detail"), text(body, "code"), text(body, "correlationId"), List.copyOf(errors)));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
