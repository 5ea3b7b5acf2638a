package cn.fupin.gateway;

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
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

import reactor.core.publisher.Mono;

/**
 * The gateway's limits, on small settings: a burst beyond a caller's bucket is a 429 with Retry-After and does
 * not touch another caller; a body beyond the size limit is a 413 that never reaches a service; answers carry
 * the security headers; CORS admits the configured front-end origins only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/realms/test",
    "fupin.gateway.rate-limit.capacity=3", "fupin.gateway.rate-limit.refill-per-second=1",
    "FUPIN_MAX_REQUEST_SIZE=1KB" })
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
    void aBurstBeyondTheCallersBucketIsA429WithRetryAfterAndOthersGoOn() {
        List<Integer> statuses = new ArrayList<>();
        String retryAfter = null;
        for (int i = 0; i < 6; i++) {
            var result = client.get().uri("/api/v1/households").header("Authorization", "Bearer burst").exchange()
                    .returnResult(String.class);
            statuses.add(result.getStatus().value());
            if (result.getStatus().value() == 429) {
                retryAfter = result.getResponseHeaders().getFirst("Retry-After");
            }
        }
        assertThat(statuses.subList(0, 3)).containsOnly(200);
        assertThat(statuses).contains(429);
        assertThat(retryAfter).isNotNull();
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 2);
        client.get().uri("/api/v1/households").header("Authorization", "Bearer calm").exchange().expectStatus()
                .isOk();
    }

    @Test
    void aBodyBeyondTheLimitIsA413AndNeverReachesAService() {
        int before = reached.size();
        client.post().uri("/api/v1/households").header("Authorization", "Bearer big")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"x\":\"" + "a".repeat(4096) + "\"}").exchange()
                .expectStatus().isEqualTo(413);
        assertThat(reached).hasSize(before);
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
        client.options().uri("/api/v1/households").header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST").exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
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
