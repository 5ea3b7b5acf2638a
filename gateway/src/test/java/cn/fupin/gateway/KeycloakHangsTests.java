package cn.fupin.gateway;

import static cn.fupin.gateway.ExpectedProblems.expectProblem;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Boot's own token decoder (no stand-in) against a Keycloak that takes connections and never answers: a token is
 * refused with the 503 of a token that cannot be checked now, once the bounded wait for Keycloak's discovery
 * document and keys is over, not a request held open as long as its client waits (without the bound it never
 * ends: the client here gives up after 20 s; the bound is one second).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fupin.security.keys-timeout=PT1S")
@AutoConfigureWebTestClient(timeout = "PT20S")
class KeycloakHangsTests {

    static final ServerSocket keycloak = StandInService.silent();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> "http://127.0.0.1:" + keycloak.getLocalPort() + "/realms/fupin");
    }

    @AfterAll
    static void stop() throws IOException {
        keycloak.close();
    }

    @Test
    void aTokenIsAServiceUnavailableProblemWhenKeycloakNeverAnswers() throws Exception {
        String token = forgedToken("http://127.0.0.1:" + keycloak.getLocalPort() + "/realms/fupin");
        expectProblem(client.get().uri("/api/v1/households").header("Authorization", "Bearer " + token).exchange(),
                503, "authentication-unavailable", "认证服务暂不可用", "/api/v1/households");
    }

    static String forgedToken(String issuer) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("never-issued").build(),
                new JWTClaimsSet.Builder().issuer(issuer).subject("attacker").audience("fupin-api")
                        .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
        token.sign(new RSASSASigner((RSAPrivateKey) generator.generateKeyPair().getPrivate()));
        return token.serialize();
    }
}
