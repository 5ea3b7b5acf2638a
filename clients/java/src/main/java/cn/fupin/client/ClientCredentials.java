package cn.fupin.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A machine client's access tokens (OAuth 2 client credentials): fetched from the issuer's token endpoint when first
 * needed, kept while valid, fetched again {@code renewAhead} before they expire or once the API has refused one.
 * Safe for concurrent use: one fetch at a time, every caller given the same token.
 */
public final class ClientCredentials {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI issuer;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final HttpClient http;
    private final Clock clock;
    private final Duration renewAhead;

    private URI tokenEndpoint;
    private String token;
    private Instant renewAt = Instant.MIN;

    /** @param scope the optional scopes asked for besides the client's defaults (space-separated), or null */
    ClientCredentials(URI issuer, String clientId, String clientSecret, String scope, HttpClient http, Clock clock,
            Duration renewAhead) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
        this.http = http;
        this.clock = clock;
        this.renewAhead = renewAhead;
    }

    /** A valid access token: the one kept, or a new one when it is about to expire or was refused. */
    public synchronized String token() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    /** Forgets {@code refused} (the API answered 401 to it): the next call fetches a new token. */
    public synchronized void refused(String refused) {
        if (refused != null && refused.equals(token)) {
            token = null;
        }
    }

    private void fetch() {
        Instant asked = clock.instant();
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret) + (scope == null ? "" : "&scope=" + encode(scope));
        JsonNode answer = call(HttpRequest.newBuilder(tokenEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)), "token endpoint");
        String accessToken = answer.path("access_token").asText(null);
        if (accessToken == null) {
            throw new FupinClientException("the token endpoint " + tokenEndpoint + " gave no access_token");
        }
        long lifetime = answer.path("expires_in").asLong(0);
        token = accessToken;
        renewAt = asked.plusSeconds(lifetime).minus(renewAhead);
    }

    /** The issuer's token endpoint, as its OpenID discovery document names it. */
    private URI tokenEndpoint() {
        if (tokenEndpoint == null) {
            JsonNode discovery = call(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                    .header("Accept", "application/json").GET(), "discovery document");
            String endpoint = discovery.path("token_endpoint").asText(null);
            if (endpoint == null) {
                throw new FupinClientException("the discovery document of " + issuer + " names no token_endpoint");
            }
            tokenEndpoint = URI.create(endpoint);
        }
        return tokenEndpoint;
    }

    private JsonNode call(HttpRequest.Builder request, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("the issuer's " + what + " could not be reached", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new FupinClientException("interrupted while asking the issuer's " + what);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        }
        catch (IOException ex) {
            throw new FupinClientException("the issuer's " + what + " answered " + response.statusCode()
                    + " with no JSON");
        }
        if (response.statusCode() != 200) {
            // OAuth 2's error response (RFC 6749 §5.2): invalid_client, unauthorized_client, ...
            throw new FupinClientException("the issuer's " + what + " refused " + clientId + ": "
                    + response.statusCode() + " " + body.path("error").asText("") + " "
                    + body.path("error_description").asText(""));
        }
        return body;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
