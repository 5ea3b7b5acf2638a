package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Broken function level authorisation (OWASP API5), exhaustively: every operation of the four contracts, called
 * through the gateway by a real Keycloak user of every realm role its {@code x-roles} leave out, is refused with 403
 * — with a body that is not even JSON and made-up ids, because the role is checked before anything else (a 404
 * here would also show an operation the gateway does not route). The service-internal operations
 * ({@code /internal/**}, not routed by the gateway) are checked in each service's own tests.
 */
class RoleMatrixE2ETests {

    /** A demo user of each realm role. */
    static final Map<String, String> USER_OF_ROLE = Map.of("village-clerk", "xiyang.clerk", "township-officer",
            "xiyang.officer", "city-officer", "city.officer", "auditor", "auditor", "dept-provider", "dept.civil");

    @Test
    void everyRoleAnOperationLeavesOutIsRefusedWith403() throws InterruptedException {
        Map<String, Api> callers = new LinkedHashMap<>();
        USER_OF_ROLE.forEach((role, user) -> callers.put(role, Api.as(user)));
        List<String> wrong = new ArrayList<>();
        int refusals = 0;
        for (Contracts.Operation operation : Contracts.operations()) {
            assertThat(operation.roles()).as(operation.id() + " states its roles").isNotEmpty();
            if (operation.throughGateway()) {
                String path = operation.path().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000001");
                for (var caller : callers.entrySet()) {
                    if (operation.roles().contains(caller.getKey())) {
                        continue;
                    }
                    HttpResponse<String> answer = withinRateLimit(caller.getValue(), operation.method(), path);
                    refusals++;
                    if (answer.statusCode() != 403) {
                        wrong.add(operation.id() + " as " + caller.getKey() + ": " + answer.statusCode());
                    }
                }
            }
        }
        assertThat(wrong).as("role × operation pairs not refused with 403").isEmpty();
        assertThat(refusals).as("pairs tried").isGreaterThan(80);
    }

    /** The gateway limits each caller; a matrix of this size may hit it, so wait as Retry-After says. */
    static HttpResponse<String> withinRateLimit(Api caller, String method, String path) throws InterruptedException {
        while (true) {
            HttpResponse<String> answer = caller.call(method, path, method.equals("GET") ? null : "not json");
            if (answer.statusCode() != 429) {
                return answer;
            }
            Thread.sleep(1000L * Integer.parseInt(answer.headers().firstValue("Retry-After").orElse("1")));
        }
    }
}
