package cn.fupin.gateway;

import static cn.fupin.gateway.ExpectedProblems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

import reactor.core.publisher.Mono;

/**
 * The gateway's own 5xx, as problem details that name no host, port or exception: review-service is down,
 * monitoring-service hangs up without answering, Keycloak's keys are out of reach, and a failure inside the
 * gateway itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/realms/test")
@AutoConfigureWebTestClient
class EdgeProblemsTests {

    static final HttpServer backend = StandInService.start(exchange -> { });
    static final ServerSocket hangingUp = StandInService.hangingUp();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        String standIn = "http://127.0.0.1:" + backend.getAddress().getPort();
        registry.add("FUPIN_HOUSEHOLD_URL", () -> standIn);
        registry.add("FUPIN_REPORTING_URL", () -> standIn);
        registry.add("FUPIN_REVIEW_URL", () -> "http://127.0.0.1:" + StandInService.downPort());
        registry.add("FUPIN_MONITORING_URL", () -> "http://127.0.0.1:" + hangingUp.getLocalPort());
    }

    @AfterAll
    static void stop() throws IOException {
        backend.stop(0);
        hangingUp.close();
    }

    @Test
    void aServiceThatIsDownIsAServiceUnavailableProblem() {
        expectProblem(get("/api/v1/reviews"), 503, "service-unavailable", "服务暂不可用", "/api/v1/reviews")
                .jsonPath("$.detail").value(String.class, EdgeProblemsTests::namesNoInternals);
    }

    @Test
    void aServiceThatHangsUpIsABadGatewayProblem() {
        expectProblem(get("/api/v1/monitoring-objects"), 502, "bad-gateway", "服务应答异常", "/api/v1/monitoring-objects")
                .jsonPath("$.detail").value(String.class, EdgeProblemsTests::namesNoInternals);
    }

    /** Not a 401: the token may well be good, the gateway just cannot tell now. */
    @Test
    void keycloaksKeysOutOfReachAreAServiceUnavailableProblem() {
        expectProblem(client.get().uri("/api/v1/households").header("Authorization", "Bearer keysdown").exchange(),
                503, "authentication-unavailable", "认证服务暂不可用", "/api/v1/households");
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorProblemThatTellsNothingOfItsCause() {
        expectProblem(get("/api/v1/reports/fail"), 500, "internal-error", "服务内部错误", "/api/v1/reports/fail")
                .jsonPath("$.detail").value(String.class, EdgeProblemsTests::namesNoInternals);
    }

    private WebTestClient.ResponseSpec get(String path) {
        return client.get().uri(path).header("Authorization", "Bearer valid").exchange();
    }

    private static void namesNoInternals(String detail) {
        assertThat(detail).doesNotContain("127.0.0.1", "Exception", "secret").containsPattern("\\p{IsHan}");
    }

    @TestConfiguration
    static class Failures {

        /** Stands in for Keycloak's keys: one token is valid; for another, the keys cannot be fetched. */
        @Bean
        ReactiveJwtDecoder jwtDecoder() {
            return token -> "valid".equals(token)
                    ? Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("u1")
                            .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build())
                    : Mono.error(new JwtException("Couldn't retrieve remote JWK set: Connection refused"));
        }

        /** A fault inside the gateway on one path, with a message that must not reach the caller. */
        @Bean
        GlobalFilter failing() {
            return (exchange, chain) -> exchange.getRequest().getPath().value().endsWith("/fail")
                    ? Mono.error(new IllegalStateException("secret internals"))
                    : chain.filter(exchange);
        }
    }
}
