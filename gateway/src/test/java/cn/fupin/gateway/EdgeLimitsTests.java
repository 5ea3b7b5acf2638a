package cn.fupin.gateway;

import static cn.fupin.gateway.ExpectedProblems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;

import reactor.core.publisher.Mono;

/**
 * The gateway's limits, on small settings: a burst beyond a caller's bucket is a 429 with Retry-After and does
 * not touch another caller; a body beyond the size limit (an import's file: its own, larger limit) is a 413 that
 * never reaches a service; answers carry
 * the security headers; CORS admits the configured front-end origins only. Each refusal is a problem body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/realms/test",
    "fupin.gateway.rate-limit.capacity=3", "fupin.gateway.rate-limit.refill-per-second=1",
    "FUPIN_MAX_REQUEST_SIZE=1KB", "FUPIN_MAX_UPLOAD_SIZE=8KB" })
@AutoConfigureWebTestClient
class EdgeLimitsTests {

    static final List<String> reached = new ArrayList<>();
    static final HttpServer backend = backend();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        StandInService.route(registry, backend);
    }

    @AfterAll
    static void stop() {
        backend.stop(0);
    }

    @Test
    void aBurstBeyondTheCallersBucketIsA429ProblemWithRetryAfterAndOthersGoOn() {
        List<Integer> statuses = new ArrayList<>();
        EntityExchangeResult<String> refused = null;
        for (int i = 0; i < 6; i++) {
            var result = client.get().uri("/api/v1/households").header("Authorization", "Bearer burst").exchange()
                    .expectBody(String.class).returnResult();
            statuses.add(result.getStatus().value());
            if (result.getStatus().value() == 429 && refused == null) {
                refused = result;
            }
        }
        assertThat(statuses.subList(0, 3)).containsOnly(200);
        assertThat(refused).isNotNull();
        HttpHeaders headers = refused.getResponseHeaders();
        assertThat(Integer.parseInt(headers.getFirst("Retry-After"))).isBetween(1, 2);
        assertThat(headers.getFirst("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        String problem = refused.getResponseBody();
        assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("https://fupin.cn/problems/too-many-requests");
        assertThat(JsonPath.<String>read(problem, "$.code")).isEqualTo("too-many-requests");
        assertThat(JsonPath.<String>read(problem, "$.title")).isEqualTo("请求过于频繁");
        assertThat(JsonPath.<Integer>read(problem, "$.status")).isEqualTo(429);
        assertThat(JsonPath.<String>read(problem, "$.instance")).isEqualTo("/api/v1/households");
        assertThat(JsonPath.<String>read(problem, "$.detail")).contains(headers.getFirst("Retry-After") + " 秒后重试");
        client.get().uri("/api/v1/households").header("Authorization", "Bearer calm").exchange().expectStatus()
                .isOk();
    }

    @Test
    void aBodyBeyondTheLimitIsA413ProblemNamingTheLimitAndNeverReachesAService() {
        int before = reached.size();
        expectProblem(client.post().uri("/api/v1/households").header("Authorization", "Bearer big")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"x\":\"" + "a".repeat(4096) + "\"}").exchange()
                .expectHeader().doesNotExist("errorMessage"),
                413, "payload-too-large", "请求体过大", "/api/v1/households")
                .jsonPath("$.detail").isEqualTo("请求体超过了 1 KB 的上限");
        assertThat(reached).hasSize(before);
    }

    /** A county's export is larger than any request: the imports have their own limit, and only they. */
    @Test
    void anImportFileMayBeLargerThanARequestUpToItsOwnLimit() {
        int before = reached.size();
        client.post().uri("/api/v1/imports/national-registry").header("Authorization", "Bearer upload")
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue("户编号\n" + "1\n".repeat(2048))
                .exchange().expectStatus().isOk();
        assertThat(reached).hasSize(before + 1);
        expectProblem(client.post().uri("/api/v1/imports/national-registry").header("Authorization", "Bearer upload")
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue("1\n".repeat(8192)).exchange(),
                413, "payload-too-large", "请求体过大", "/api/v1/imports/national-registry")
                .jsonPath("$.detail").isEqualTo("请求体超过了 8 KB 的上限");
        assertThat(reached).hasSize(before + 1);
    }

    @Test
    void answersCarryTheSecurityHeaders() {
        client.get().uri("/api/v1/households").header("Authorization", "Bearer headers").exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("Content-Security-Policy", "frame-ancestors 'none'")
                .expectHeader().exists("X-Frame-Options");
    }

    /** Front ends of the configured origins may call the API from the browser; any other origin may not. */
    @Test
    void onlyConfiguredFrontEndOriginsPassCors() {
        client.options().uri("/api/v1/households").header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:5173");
        expectProblem(client.options().uri("/api/v1/households").header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST").exchange()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin"),
                403, "origin-not-allowed", "跨域来源不被允许", "/api/v1/households")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("http://evil.example"));
    }

    /** Stands in for Keycloak's keys: the token's text is its subject. */
    @TestConfiguration
    static class Tokens {

        @Bean
        ReactiveJwtDecoder jwtDecoder() {
            return token -> token.matches("[a-z]+")
                    ? Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                            .claim("azp", "fupin-cli").issuedAt(Instant.now())
                            .expiresAt(Instant.now().plusSeconds(60)).build())
                    : Mono.error(new BadJwtException("invalid token"));
        }
    }

    private static HttpServer backend() {
        return StandInService.start(exchange -> {
            synchronized (reached) {
                reached.add(exchange.getRequestURI().getPath());
            }
        });
    }
}
