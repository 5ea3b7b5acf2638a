package cn.fupin.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client-credentials access tokens from Keycloak for the demo-data seeder ({@code fupin-seeder}, a city officer
 * of the whole county), with the API scopes it reads with ({@code households:read reports:read}: a machine client
 * reads an operation only with one of the scopes the contract lists for it). Tokens live 300 s, so one is reused
 * until shortly before it expires.
 */
final class AccessTokens {

    static final String SCOPES = "households:read reports:read";
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final String form;
    private String token;
    private Instant renewAt = Instant.MIN;

    AccessTokens(HttpClient http, String issuerUri, String clientId, String clientSecret) {
        this.http = http;
        this.tokenEndpoint = URI.create(issuerUri + "/protocol/openid-connect/token");
        this.form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret) + "&scope=" + encode(SCOPES);
    }

    synchronized String get() throws IOException, InterruptedException {
        if (Instant.now().isAfter(renewAt)) {
            HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("token request to " + tokenEndpoint + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            token = body.path("access_token").asString();
            renewAt = Instant.now().plusSeconds(body.path("expires_in").asLong(60)).minus(MARGIN);
        }
        return token;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
