package cn.fupin.gateway;

import static cn.fupin.gateway.ExpectedProblems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

import reactor.core.publisher.Mono;

/** The gateway in front of a stand-in service that records what reaches it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/realms/test")
@AutoConfigureWebTestClient
class GatewayRoutingTests {

    static final AtomicReference<String> lastPath = new AtomicReference<>();
    static final AtomicReference<String> lastCorrelationId = new AtomicReference<>();
    static final HttpServer backend = backend();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        StandInService.route(registry, backend);
    }

    @BeforeEach
    void forget() {
        lastPath.set(null);
    }

    static void bearer(HttpHeaders headers) {
        headers.setBearerAuth("valid");
    }

    @Test
    void anInvalidTokenStopsAtTheEdgeWithAProblemAndTheBearerChallenge() {
        expectProblem(client.get().uri("/api/v1/households").header("Authorization", "Bearer forged").exchange()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"fupin\", error=\"invalid_token\""),
                401, "unauthenticated", "未认证", "/api/v1/households")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("无效或已过期"));
        assertThat(lastPath.get()).isNull();
    }

    /** Stands in for Keycloak's keys: one token is valid, every other is refused. */
    @TestConfiguration
    static class Tokens {

        @Bean
        ReactiveJwtDecoder jwtDecoder() {
            return token -> "valid".equals(token)
                    ? Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("u1")
                            .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build())
                    : Mono.error(new BadJwtException("invalid token"));
        }
    }

    @AfterAll
    static void stop() {
        backend.stop(0);
    }

    @Test
    void aCallWithoutATokenStopsAtTheEdgeWithAProblemAndTheBearerChallenge() {
        expectProblem(client.get().uri("/api/v1/households").exchange()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"fupin\""),
                401, "unauthenticated", "未认证", "/api/v1/households")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("缺少访问令牌"));
        assertThat(lastPath.get()).isNull();
    }

    @Test
    void aPathNoRouteServesIsANotFoundProblem() {
        expectProblem(client.get().uri("/api/v1/nothing-here").headers(GatewayRoutingTests::bearer).exchange(), 404,
                "not-found", "资源不存在", "/api/v1/nothing-here")
                .jsonPath("$.detail").isEqualTo("路径 /api/v1/nothing-here 不存在");
        assertThat(lastPath.get()).isNull();
    }

    /** The gateway's own endpoints (actuator) take only their methods; routed paths pass every method on. */
    @Test
    void aMethodTheGatewaysOwnEndpointDoesNotTakeIsAMethodNotAllowedProblem() {
        expectProblem(client.post().uri("/actuator/health").exchange()
                .expectHeader().value("Allow", allow -> assertThat(allow).contains("GET")),
                405, "method-not-allowed", "不支持的请求方法", "/actuator/health")
                .jsonPath("$.detail").isEqualTo("该资源不支持 POST 方法");
    }

    @Test
    void anAuthenticatedCallIsRoutedWithACorrelationIdThatComesBackOnce() {
        client.get().uri("/api/v1/reports/overview?areaCode=350481").headers(GatewayRoutingTests::bearer)
                .header("X-Correlation-Id", "trace-me-42").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", "trace-me-42");
        assertThat(lastPath.get()).isEqualTo("/api/v1/reports/overview");
        assertThat(lastCorrelationId.get()).isEqualTo("trace-me-42");
    }

    @Test
    void aMalformedCorrelationIdIsReplaced() {
        client.get().uri("/api/v1/codebook").headers(GatewayRoutingTests::bearer).header("X-Correlation-Id", "bad id; drop table")
                .exchange().expectStatus().isOk()
                .expectHeader().value("X-Correlation-Id", id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void theContractsAreOpenForTheSwaggerUi() {
        client.get().uri("/openapi/household.yaml").exchange().expectStatus().isOk();
        assertThat(lastPath.get()).isEqualTo("/openapi/household.yaml");
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        // the UI's own configuration (the four contracts, the login): without it the page shows none
        client.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.urls[0].url").isEqualTo("/openapi/household.yaml")
                .jsonPath("$.oauth2RedirectUrl").exists();
    }

    @Test
    void theDeveloperPortalIsServedWithoutATokenAndTheRootLeadsToIt() {
        client.get().uri("/").exchange().expectStatus().isFound().expectHeader()
                .valueEquals("Location", "/portal/index.html");
        client.get().uri("/portal/").exchange().expectStatus().isFound();
        client.get().uri("/portal/index.html").exchange().expectStatus().isOk().expectHeader()
                .contentTypeCompatibleWith("text/html").expectBody(String.class)
                .value(page -> assertThat(page).contains("开发者门户", "/swagger-ui.html"));
        client.get().uri("/portal/data/codebook.json").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.lists.A27_poverty_cause.options['07']").isEqualTo("缺技术");
        client.get().uri("/portal/no-such-page.html").exchange().expectStatus().isNotFound();
        client.post().uri("/portal/index.html").exchange().expectStatus().isUnauthorized();
    }

    private static HttpServer backend() {
        return StandInService.start(exchange -> {
            lastPath.set(exchange.getRequestURI().getPath());
            lastCorrelationId.set(exchange.getRequestHeaders().getFirst("X-Correlation-Id"));
            exchange.getResponseHeaders().add("X-Correlation-Id", lastCorrelationId.get());
        });
    }
}
