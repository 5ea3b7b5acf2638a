package cn.fupin.platform.testing.contract;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A request made bad in one place, ready to send.
 *
 * @param what where and how it was made bad, e.g. {@code members[1].health: null element}
 * @param pathValues the path's parameters
 * @param query the query's parameters
 * @param body the JSON body, or null for none
 */
public record BadRequest(OpenApiOperations.Operation operation, String what, Map<String, String> pathValues,
        Map<String, String> query, JsonNode body) {

    @Override
    public String toString() {
        return operation + " with " + what + ", query " + query + (body == null ? "" : ", body " + body);
    }
}
