package cn.fupin.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.areas.DivisionTree.Division;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers demo households through the public API, as a client would: through the gateway, with a real token,
 * so the data passes the same validation, writes the same events and reaches every read model. It only loads
 * into an empty registry, so restarts never duplicate it; a stable {@code Idempotency-Key} per household makes
 * a retried request harmless too.
 */
final class DemoLoader {

    static final String COUNTY = "350481";
    static final int HOUSEHOLDS = 300;
    static final long SEED = 2020L;

    static final String SEEDER = "fupin-seeder";
    static final String SEEDER_SECRET = "fupin-seeder-secret";
    private static final int THREADS = 4;
    private static final int ERRORS_SHOWN = 3;
    /** How long to keep trying a household the gateway throttled or household-service was not yet open for. */
    private static final Duration WINDOW_PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI households;
    private final AccessTokens tokens;
    private final DemoWorkPlan workPlan;

    DemoLoader(Ports ports) {
        String gateway = ServiceSpec.local(ports.gateway());
        this.households = URI.create(gateway + "/api/v1/households");
        this.tokens = new AccessTokens(http, ServiceSpec.issuerUri(ports), SEEDER, SEEDER_SECRET);
        this.workPlan = new DemoWorkPlan(http, gateway, tokens);
    }

    /** Never fails the stack: the system is up either way, and the message says what went wrong. */
    void loadIfEmpty() {
        try {
            workPlan.publishIfMissing(COUNTY);
            long existing = countHouseholds();
            if (existing > 0) {
                Console.say("demo data: the registry already holds " + existing + " households; nothing loaded");
                return;
            }
            load();
        }
        catch (IOException | RuntimeException ex) {
            Console.warn("demo data not loaded: " + ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private long countHouseholds() throws IOException, InterruptedException {
        HttpRequest request = authorized(URI.create(households + "?size=1")).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body()).path("totalElements").asLong();
    }

    private void load() throws InterruptedException {
        long start = System.nanoTime();
        List<String> bodies = requests();
        AtomicInteger created = new AtomicInteger();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int i = 0; i < bodies.size(); i++) {
            String key = "fupin-demo-" + SEED + "-" + i;
            String body = bodies.get(i);
            pool.execute(() -> register(key, body, created, errors));
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Console.say("demo data: " + created.get() + " of " + bodies.size() + " households registered in "
                + Console.seconds(took) + " (" + THREADS + " threads)");
        if (!errors.isEmpty()) {
            Console.warn(errors.size() + " households were refused; the first: "
                    + String.join(" | ", errors.stream().limit(ERRORS_SHOWN).toList()));
        }
    }

    /** Round-robin over the county's villages in code order, so every village (and every demo clerk) has some. */
    private static List<String> requests() {
        List<String> villages = DivisionTree.ofCounty(COUNTY).all().stream()
                .filter(division -> division.level() == DivisionTree.Level.VILLAGE)
                .map(Division::code)
                .sorted(Comparator.naturalOrder())
                .toList();
        SyntheticHouseholds generator = new SyntheticHouseholds(SEED);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            bodies.add(JSON.writeValueAsString(generator.next(villages.get(i % villages.size()))));
        }
        return bodies;
    }

    private void register(String idempotencyKey, String body, AtomicInteger created, ConcurrentLinkedQueue<String> errors) {
        try {
            HttpRequest request = authorized(households)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long patience = System.nanoTime() + WINDOW_PATIENCE.toNanos();
            while (System.nanoTime() < patience && (response.statusCode() == 429
                    || response.statusCode() == 409 && response.body().contains("functions-closed"))) {
                // the gateway's rate limit says when to come back; household-service may still be learning
                // that the county's functions were just opened
                long waitMillis = response.statusCode() == 429 ? 1000L * response.headers().firstValueAsLong(
                        "Retry-After").orElse(1) : 250;
                Thread.sleep(waitMillis);
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() == 201) {
                created.incrementAndGet();
            }
            else {
                errors.add(response.statusCode() + " " + response.body());
            }
        }
        catch (IOException | RuntimeException ex) {
            errors.add(ex.toString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest.Builder authorized(URI uri) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.get())
                .header("Accept", "application/json");
    }
}
