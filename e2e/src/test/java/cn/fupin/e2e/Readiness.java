package cn.fupin.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A service's readiness as its orchestrator's probe reads it, straight from the service. */
final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Readiness() {
    }

    /** UP, DOWN, or what else the probe answered ("NO ANSWER" within the probe's 10 s, "NOT RUNNING"). */
    static String of(String service) {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(Stack.get().serviceUrl(service)
                + "/actuator/health/readiness")).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            String body = HTTP.send(probe, HttpResponse.BodyHandlers.ofString()).body();
            return Api.JSON.readTree(body).get("status").asString();
        }
        catch (java.net.http.HttpTimeoutException ex) {
            return "NO ANSWER";
        }
        catch (java.io.IOException ex) {
            return "NOT RUNNING";
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "NO ANSWER";
        }
    }
}
