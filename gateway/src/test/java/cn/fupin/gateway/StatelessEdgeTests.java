package cn.fupin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

import com.sun.net.httpserver.HttpServer;

import reactor.core.publisher.Mono;

/**
 * The edge keeps no session: calls without a token, with a bad one and with a good one open none. A refused call
 * used to be saved into a new in-memory session (the default request cache): memory per anonymous call, and the
 * session store's hop to another thread finished the 401 off the connection's event loop, where Reactor Netty could
 * leave the connection's next keep-alive request unread — the attack suite's client timing out after a 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/realms/test")
@AutoConfigureWebTestClient
class StatelessEdgeTests {

    static final AtomicInteger sessions = new AtomicInteger();
    static final HttpServer backend = StandInService.start(exchange -> { });

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
    void noCallOpensASession() {
        client.get().uri("/api/v1/reports/overview").exchange().expectStatus().isUnauthorized()
                .expectHeader().doesNotExist("Set-Cookie");
        client.get().uri("/api/v1/reports/overview").header("Authorization", "Bearer forged").exchange()
                .expectStatus().isUnauthorized();
        client.get().uri("/api/v1/reports/overview").header("Authorization", "Bearer valid").exchange()
                .expectStatus().isOk();
        assertThat(sessions.get()).as("sessions asked for").isZero();
    }

    @TestConfiguration
    static class Counting {

        /** The real session manager, counting the sessions asked for (the exchange asks lazily, when subscribed). */
        @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
        WebSessionManager webSessionManager() {
            DefaultWebSessionManager sessionsOfSpring = new DefaultWebSessionManager();
            return exchange -> Mono.defer(() -> {
                sessions.incrementAndGet();
                return sessionsOfSpring.getSession(exchange);
            });
        }

        @Bean
        ReactiveJwtDecoder jwtDecoder() {
            return StandInTokens.validOnly();
        }
    }
}
