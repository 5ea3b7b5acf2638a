package cn.fupin.bench.stack;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The plain calls a benchmark makes outside its load: what to search for, what to import, what is counted. */
public final class StackClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Tokens tokens;

    public StackClient(String baseUrl, Tokens tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    /** The ID numbers of the members of up to {@code households} households of a village. */
    public List<String> idNumbersOf(String village, int households) {
        List<String> idNumbers = new ArrayList<>();
        for (JsonNode household : get("/api/v1/households?areaCode=" + village + "&size=" + households)
                .get("content")) {
            for (JsonNode member : get("/api/v1/households/" + household.get("id").asString()).get("members")) {
                idNumbers.add(member.get("idNumber").asString());
            }
        }
        if (idNumbers.isEmpty()) {
            throw new IllegalStateException("village " + village + " has no households to search for: is the demo"
                    + " county loaded?");
        }
        return idNumbers;
    }

    /** A GET answered with 200, its JSON body. */
    public JsonNode get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", tokens.bearer()).header("Accept", "application/json").build();
        return JSON.readTree(send(request, 200).body());
    }

    /** A file POSTed as the body, answered with 202: the Location of what it started. */
    public String postFile(String path, Path file, String contentType) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(5))
                    .header("Authorization", tokens.bearer()).header("Content-Type", contentType)
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofFile(file)).build();
            return send(request, 202).headers().firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException("POST " + path + " answered 202 without a Location"));
        }
        catch (FileNotFoundException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static HttpResponse<String> send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response;
        }
        catch (IOException ex) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }
}
