package cn.fupin.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;


/**
 * A token signed with a key Keycloak never issued makes the decoder fetch Keycloak's keys again; when Keycloak takes
 * the connection and never answers, the fetch gives up within its bound and the token is refused, instead of the
 * request hanging as long as its client waits.
 */
class KeyFetchTests {

    @Test
    void aKeycloakThatNeverAnswersFailsTheTokenWithinTheBound() throws Exception {
        try (ServerSocket keycloak = StandInService.silent()) {
            var builder = NimbusReactiveJwtDecoder
                    .withJwkSetUri("http://127.0.0.1:" + keycloak.getLocalPort() + "/realms/fupin/certs");
            new EdgeSecurity().boundedKeyFetches(Duration.ofMillis(500)).customize(builder);
            ReactiveJwtDecoder decoder = builder.build();

            Instant start = Instant.now();
            // the bound on block() only stops the test from hanging if the decoder does: it is not the assertion
            assertThatThrownBy(() -> decoder.decode(forgedToken()).block(Duration.ofSeconds(30)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("keys");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        }
    }

    private static String forgedToken() throws Exception {
        return KeycloakHangsTests.forgedToken("http://127.0.0.1/realms/fupin");
    }
}
