package cn.fupin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The token handling against an issuer of the test's own (the e2e test signs in at the stack's Keycloak). */
class ClientCredentialsTests {

    private HttpServer issuer;
    private final List<String> grants = new ArrayList<>();
    private String secret = "s3cret";
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T08:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @BeforeEach
    void startIssuer() throws IOException {
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer.createContext("/realms/fupin/.well-known/openid-configuration", exchange -> answer(exchange, 200,
                "{\"token_endpoint\":\"" + base() + "/realms/fupin/protocol/openid-connect/token\"}"));
        issuer.createContext("/realms/fupin/protocol/openid-connect/token", exchange -> {
            String form = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            if (!form.contains("client_secret=" + secret)) {
                answer(exchange, 401, "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client"
                        + " or Invalid client credentials\"}");
                return;
            }
            grants.add(form);
            answer(exchange, 200, "{\"access_token\":\"token-" + grants.size() + "\",\"expires_in\":300}");
        });
        issuer.start();
    }

    @AfterEach
    void stopIssuer() {
        issuer.stop(0);
    }

    @Test
    void aTokenIsFetchedOnceAndKeptUntilShortlyBeforeItExpires() {
        ClientCredentials credentials = credentials();

        assertThat(credentials.token()).isEqualTo("token-1");
        now.set(now.get().plusSeconds(269));
        assertThat(credentials.token()).isEqualTo("token-1");
        now.set(now.get().plusSeconds(1));
        assertThat(credentials.token()).as("30 s before its expiry").isEqualTo("token-2");
        assertThat(grants).hasSize(2).allSatisfy(grant -> assertThat(grant)
                .contains("grant_type=client_credentials", "client_id=gov-data-exchange", "scope=reports:read"));
    }

    @Test
    void aTokenTheApiRefusedIsReplacedAndAnOlderRefusalForgetsNothing() {
        ClientCredentials credentials = credentials();
        String first = credentials.token();

        credentials.refused(first);
        String second = credentials.token();
        credentials.refused(first);

        assertThat(second).isNotEqualTo(first);
        assertThat(credentials.token()).isEqualTo(second);
    }

    @Test
    void aRefusedClientIsToldWhyTheIssuerRefusedIt() {
        secret = "rotated";

        assertThatThrownBy(credentials()::token).isInstanceOf(FupinClientException.class)
                .hasMessageContaining("gov-data-exchange").hasMessageContaining("401")
                .hasMessageContaining("unauthorized_client");
    }

    private ClientCredentials credentials() {
        return new ClientCredentials(URI.create(base() + "/realms/fupin"), "gov-data-exchange", "s3cret",
                "reports:read", HttpClient.newHttpClient(), clock, Duration.ofSeconds(30));
    }

    private String base() {
        return "http://127.0.0.1:" + issuer.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
