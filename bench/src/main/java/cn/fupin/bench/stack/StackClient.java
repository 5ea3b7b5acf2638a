package cn.fupin.bench.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The plain calls a benchmark makes outside its load: what to search for. */
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

    private JsonNode get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", tokens.bearer()).header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        }
        catch (IOException ex) {
            throw new IllegalStateException("GET " + baseUrl + path + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }
}
