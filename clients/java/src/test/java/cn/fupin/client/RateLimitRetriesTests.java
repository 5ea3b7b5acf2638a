package cn.fupin.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The gateway's 429 waited out, against a server of the test's own that answers what each test lines up. */
class RateLimitRetriesTests {

    private HttpServer gateway;
    private final Deque<String> retryAfters = new ArrayDeque<>();
    private final List<String> bodies = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/api/v1/households", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String retryAfter = retryAfters.poll();
            byte[] body = (retryAfter == null ? "{\"ok\":true}" : "{\"code\":\"too-many-requests\"}")
                    .getBytes(StandardCharsets.UTF_8);
            if (retryAfter != null) {
                exchange.getResponseHeaders().set("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(retryAfter == null ? 201 : 429, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void a429IsWaitedOutAndTheSameRequestSentAgain() throws Exception {
        retryAfters.add("1");

        long started = System.nanoTime();
        HttpResponse<InputStream> answer = send(3, Duration.ofSeconds(30));

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(bodies).containsExactly("{\"name\":\"x\"}", "{\"name\":\"x\"}");
    }

    @Test
    void a429AskingTooLongAWaitOrTheLastOneIsGivenBack() throws Exception {
        retryAfters.add("120");
        assertThat(send(3, Duration.ofSeconds(30)).statusCode()).isEqualTo(429);
        assertThat(bodies).hasSize(1);

        retryAfters.clear();
        bodies.clear();
        retryAfters.add("0");
        retryAfters.add("0");
        assertThat(send(1, Duration.ofSeconds(30)).statusCode()).as("one retry, then given back").isEqualTo(429);
        assertThat(bodies).hasSize(2);
    }

    private HttpResponse<InputStream> send(int retries, Duration maxWait) throws Exception {
        HttpClient http = RateLimitRetries.around(HttpClient.newBuilder(), retries, maxWait).build();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.getAddress().getPort()
                + "/api/v1/households")).POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}"))
                .header("Idempotency-Key", "k-1").build(), HttpResponse.BodyHandlers.ofInputStream());
    }
}
