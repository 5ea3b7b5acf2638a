package cn.fupin.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A caller of the running system: real tokens from Keycloak, requests through the gateway. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** HTTP/1.1 as front ends speak to the gateway; no h2c upgrade attempts on fresh connections. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String gateway;
    private final String token;

    private Api(String gateway, String token) {
        this.gateway = gateway;
        this.token = token;
    }

    /** Logs a demo user in with the password grant of the {@code fupin-cli} client. */
    static Api as(String username) {
        var stack = Stack.get();
        String form = "grant_type=password&client_id=fupin-cli&username=" + URLEncoder.encode(username,
                StandardCharsets.UTF_8) + "&password=demo123";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(stack.issuerUri()
                + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + response.body());
        }
        return new Api(stack.gatewayUrl(), JSON.readTree(response.body()).get("access_token").asString());
    }

    /** A machine client of the realm (client credentials), with the optional scopes it asks for, if any. */
    static Api client(String clientId, String secret, String scope) {
        var stack = Stack.get();
        String form = "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret
                + (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(stack.issuerUri()
                + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("client credentials of " + clientId + " refused: " + response.body());
        }
        return new Api(stack.gatewayUrl(), JSON.readTree(response.body()).get("access_token").asString());
    }

    /** Whatever token the caller made up (forged, tampered, from another realm or client). */
    static Api withToken(String token) {
        return new Api(Stack.get().gatewayUrl(), token);
    }

    /** A demo user logged in through another client of the realm (password grant). */
    static String token(String issuer, String clientId, String username, String password) {
        String form = "grant_type=password&client_id=" + clientId + "&username=" + URLEncoder.encode(username,
                StandardCharsets.UTF_8) + "&password=" + password;
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(issuer
                + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login of " + username + " at " + issuer + " failed: " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    String token() {
        return token;
    }

    /**
     * The same caller straight to a service, past the gateway: for bursts the gateway's per-caller limit would answer
     * in part with 429 (that limit is the gateway's own tests' concern), when what is tested is the service's.
     */
    Api direct(String service) {
        return new Api(Stack.get().serviceUrl(service), token);
    }

    HttpResponse<String> postRaw(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** No token at all. */
    static Api anonymous() {
        return new Api(Stack.get().gatewayUrl(), null);
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** A file to download, e.g. a workbook. */
    HttpResponse<byte[]> download(String path) {
        return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, Object body, String... headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    HttpResponse<String> put(String path, Object body, String... headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    HttpResponse<String> patch(String path, Object body, String... headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    /** A file as the body, e.g. an import's. */
    HttpResponse<String> upload(String path, String contentType, byte[] file) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build());
    }

    /** Any method with a raw body (or none), e.g. to test what happens before the body is read. */
    HttpResponse<String> call(String method, String path, String body) {
        HttpRequest.Builder request = request(path);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    static HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request, body);
        }
        catch (IOException ex) {
            throw new IllegalStateException(request.uri() + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
