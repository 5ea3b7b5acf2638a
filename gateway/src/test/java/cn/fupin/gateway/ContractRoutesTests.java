package cn.fupin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.yaml.snakeyaml.Yaml;

import com.sun.net.httpserver.HttpServer;

import reactor.core.publisher.Mono;

/**
 * Every path a service publishes in its contract reaches that service through the gateway, and none of the
 * services' internal paths is reachable from outside: a path added to a contract without its route (as the forms'
 * templates and the exports once were) fails here, not in front of a user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/realms/test",
                // every path of four contracts as one caller, faster than the limit refills (EdgeLimitsTests tests it)
                "fupin.gateway.rate-limit.capacity=100000" })
@AutoConfigureWebTestClient
class ContractRoutesTests {

    static final List<String> SERVICES = List.of("household", "monitoring", "review", "reporting");
    /** The path each stand-in service last saw. */
    static final Map<String, String> seen = new ConcurrentHashMap<>();
    static final Map<String, HttpServer> standIns = new ConcurrentHashMap<>();

    static {
        for (String service : SERVICES) {
            standIns.put(service, StandInService.start(exchange -> seen.put(service,
                    exchange.getRequestURI().getPath())));
        }
    }

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        standIns.forEach((service, server) -> registry.add("FUPIN_" + service.toUpperCase() + "_URL",
                () -> "http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterAll
    static void stop() {
        standIns.values().forEach(server -> server.stop(0));
    }

    @Test
    void everyPathOfAServicesContractReachesThatServiceAndNoInternalPathIsReachable() {
        List<String> wrong = new ArrayList<>();
        int routed = 0;
        for (String service : SERVICES) {
            for (String template : paths(service)) {
                String path = example(template);
                seen.clear();
                int status = client.get().uri(path).headers(headers -> headers.setBearerAuth("valid")).exchange()
                        .returnResult(String.class).getStatus().value();
                if (template.startsWith("/internal/")) {
                    if (!seen.isEmpty() || status != 404) {
                        wrong.add(path + " is internal but reached " + seen.keySet() + " (" + status + ")");
                    }
                    continue;
                }
                routed++;
                if (!path.equals(seen.get(service)) || seen.size() != 1) {
                    wrong.add(path + " of " + service + " reached " + seen + " (" + status + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(routed).as("the contracts' public paths").isGreaterThan(70);
    }

    @SuppressWarnings("unchecked")
    private static List<String> paths(String service) {
        try (InputStream in = ContractRoutesTests.class.getClassLoader()
                .getResourceAsStream("openapi/" + service + ".yaml")) {
            Map<String, Object> contract = new Yaml().load(in);
            return new ArrayList<>(((Map<String, Object>) contract.get("paths")).keySet());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The template with each parameter filled as a client would: ids, codes, years, form numbers. */
    private static String example(String template) {
        return template.replaceAll("\\{[a-zA-Z]*[iI]d}", "0b6f0a57-6b2f-4a8e-9a43-5c1d2e3f4a5b")
                .replace("{code}", "350481100201").replace("{areaCode}", "350481100201").replace("{year}", "2020")
                .replace("{form}", "1").replaceAll("\\{[a-zA-Z]+}", "x");
    }

    @TestConfiguration
    static class Tokens {

        /** Stands in for Keycloak's keys: one token is valid. */
        @Bean
        ReactiveJwtDecoder jwtDecoder() {
            return token -> Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("u1")
                    .claim("azp", "fupin-web").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                    .build());
        }
    }
}
