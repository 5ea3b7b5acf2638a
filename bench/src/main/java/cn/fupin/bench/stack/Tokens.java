package cn.fupin.bench.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

/**
 * A demo user's access token from the stack's Keycloak (password grant, the public client {@code fupin-cli}),
 * fetched again once a minute: Keycloak's tokens last five, a benchmark longer. Shared by every virtual user.
 */
public final class Tokens {

    private static final Duration RENEW_AFTER = Duration.ofMinutes(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI tokenEndpoint;
    private final String form;
    private String bearer;
    private long fetchedAt;

    public Tokens(String issuerUri, String user) {
        this.tokenEndpoint = URI.create(issuerUri + "/protocol/openid-connect/token");
        this.form = "grant_type=password&client_id=fupin-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=demo123";
    }

    /** {@code Bearer <token>}, as the Authorization header wants it. */
    public synchronized String bearer() {
        if (bearer == null || System.nanoTime() - fetchedAt > RENEW_AFTER.toNanos()) {
            bearer = "Bearer " + fetch();
            fetchedAt = System.nanoTime();
        }
        return bearer;
    }

    private String fetch() {
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): "
                        + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asString();
        }
        catch (IOException ex) {
            throw new IllegalStateException("Keycloak did not answer at " + tokenEndpoint, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a token", ex);
        }
    }
}
