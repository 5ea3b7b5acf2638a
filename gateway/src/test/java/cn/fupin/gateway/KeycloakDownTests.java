package cn.fupin.gateway;

import static cn.fupin.gateway.ExpectedProblems.expectProblem;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Boot's own token decoder against a Keycloak that is not there at all (its port refuses connections): a token is
 * the 503 of a token that cannot be checked now, as when Keycloak hangs (KeycloakHangsTests) — not a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT20S")
class KeycloakDownTests {

    static final int closedPort = closedPort();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> "http://127.0.0.1:" + closedPort + "/realms/fupin");
    }

    @Test
    void aTokenIsAServiceUnavailableProblemWhenKeycloakIsDown() throws Exception {
        String token = KeycloakHangsTests.forgedToken("http://127.0.0.1:" + closedPort + "/realms/fupin");
        expectProblem(client.get().uri("/api/v1/households").header("Authorization", "Bearer " + token).exchange(),
                503, "authentication-unavailable", "认证服务暂不可用", "/api/v1/households");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
