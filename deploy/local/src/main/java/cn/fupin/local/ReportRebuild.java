package cn.fupin.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code fupin rebuild-reports}: asks the running stack's reporting-service, as the city office (the seeder's
 * service account), to rebuild every read model from the event streams, and follows it until it has switched.
 */
final class ReportRebuild {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofMinutes(30);

    private ReportRebuild() {
    }

    static boolean run(StackOptions options) {
        Ports ports = options.ports();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AccessTokens tokens = new AccessTokens(http, ServiceSpec.issuerUri(ports), DemoLoader.SEEDER,
                DemoLoader.SEEDER_SECRET);
        String rebuilds = ServiceSpec.local(ports.gateway()) + "/api/v1/reports/rebuilds";
        try {
            HttpResponse<String> started = http.send(request(URI.create(rebuilds), tokens)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202) {
                Console.warn("rebuild not started: " + started.statusCode() + " " + started.body());
                return false;
            }
            String id = JSON.readTree(started.body()).get("id").asString();
            Console.say("rebuilding the read models into " + JSON.readTree(started.body()).get("targetSchema")
                    .asString() + " (" + id + ")");
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                Thread.sleep(1000);
                JsonNode rebuild = JSON.readTree(http.send(request(URI.create(rebuilds + "/" + id), tokens).GET()
                        .build(), HttpResponse.BodyHandlers.ofString()).body());
                String state = rebuild.get("state").asString();
                if (state.equals("DONE")) {
                    Console.say("done: " + rebuild.get("events").asLong() + " events replayed; reports now read "
                            + rebuild.get("targetSchema").asString());
                    return true;
                }
                if (state.equals("FAILED")) {
                    Console.warn("rebuild failed, the previous read models stay in use: " + rebuild.path("error")
                            .asString());
                    return false;
                }
            }
            Console.warn("rebuild still running after " + PATIENCE.toMinutes() + " minutes; follow it at " + rebuilds
                    + "/" + id);
            return false;
        }
        catch (IOException ex) {
            Console.warn("the stack does not answer at " + rebuilds + ": " + ex.getMessage());
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpRequest.Builder request(URI uri, AccessTokens tokens) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.get()).header("Accept", "application/json");
    }
}
