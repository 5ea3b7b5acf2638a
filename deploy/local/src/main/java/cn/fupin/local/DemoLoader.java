package cn.fupin.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.areas.DivisionTree.Division;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.household.model.HouseholdCategory;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.contracts.synthetic.SyntheticRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads demo data through the public API, as a client would: through the gateway, with a real token, so the data
 * passes the same validation, writes the same events and reaches every read model. First a synthetic county as the
 * national registry exports it ({@link SyntheticRegistry}: most households exited, some unstable or marginal, a few
 * still poor or returned) through the national-registry import; then a few new candidates (待识别) registered one by
 * one, so review has work. It only loads into an empty registry, so restarts never duplicate it; a stable
 * {@code Idempotency-Key} per registration makes a retried request harmless too.
 */
final class DemoLoader {

    static final String COUNTY = "350481";
    /** The county's households in the national registry: of the order of a real county-level city's. */
    static final int COUNTY_HOUSEHOLDS = 10_000;
    /** New candidates registered through the API, one by one. */
    static final int HOUSEHOLDS = 40;
    static final long SEED = 2020L;
    /** How long the county's import may take before the loader stops waiting (the import goes on). */
    private static final Duration IMPORT_PATIENCE = Duration.ofMinutes(5);

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
    private final URI imports;
    private final AccessTokens tokens;
    private final DemoWorkPlan workPlan;

    DemoLoader(Ports ports) {
        String gateway = ServiceSpec.local(ports.gateway());
        this.households = URI.create(gateway + "/api/v1/households");
        this.imports = URI.create(gateway + "/api/v1/imports/national-registry");
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
            loadCounty();
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

    /** The county from a national-registry export the generator writes, through the import, waited for. */
    private void loadCounty() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path file = Files.createTempFile("fupin-demo-county-", ".csv");
        try {
            new SyntheticRegistry(SEED, DivisionTree.ofCounty(COUNTY), Codebook.forYear(2020))
                    .writeCsv(file, StandardCharsets.UTF_8, COUNTY_HOUSEHOLDS);
            HttpRequest submit = authorized(imports)
                    .header("Content-Type", "text/csv")
                    .header("Content-Disposition", "attachment; filename=demo-county-" + SEED + ".csv")
                    .timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .build();
            HttpResponse<String> accepted = http.send(submit, HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 202) {
                throw new IOException("POST " + imports + " answered " + accepted.statusCode() + ": " + accepted.body());
            }
            URI job = imports.resolve(accepted.headers().firstValue("Location").orElseThrow());
            JsonNode finished = awaitFinished(job);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (finished == null) {
                Console.warn("demo data: the county's import is still running after " + Console.seconds(took)
                        + "; see GET " + job);
                return;
            }
            Console.say("demo data: " + finished.at("/households/created").asInt() + " of " + COUNTY_HOUSEHOLDS
                    + " households of a synthetic county (" + finished.get("rowsDone").asInt()
                    + " rows of a national-registry export) imported in " + Console.seconds(took) + ": "
                    + finished.get("state").asString());
            if (finished.path("errorCount").asInt() > 0) {
                Console.warn(finished.path("errorCount").asInt() + " rows were refused; the first: "
                        + finished.path("errors").path(0).path("message").asString());
            }
        }
        finally {
            Files.deleteIfExists(file);
        }
    }

    private JsonNode awaitFinished(URI job) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + IMPORT_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(authorized(job).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + job + " answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode state = JSON.readTree(response.body());
            if (Set.of("SUCCEEDED", "REJECTED", "FAILED").contains(state.get("state").asString())) {
                return state;
            }
            Thread.sleep(500);
        }
        return null;
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
        Console.say("demo data: " + created.get() + " of " + bodies.size() + " new candidates registered in "
                + Console.seconds(took) + " (" + THREADS + " threads)");
        if (!errors.isEmpty()) {
            Console.warn(errors.size() + " households were refused; the first: "
                    + String.join(" | ", errors.stream().limit(ERRORS_SHOWN).toList()));
        }
    }

    /** Round-robin over the county's villages in code order, so the first villages' clerks have candidates. */
    private static List<String> requests() {
        List<String> villages = DivisionTree.ofCounty(COUNTY).all().stream()
                .filter(division -> division.level() == DivisionTree.Level.VILLAGE)
                .map(Division::code)
                .sorted(Comparator.naturalOrder())
                .toList();
        // another seed than the county's: other people
        SyntheticHouseholds generator = new SyntheticHouseholds(SEED + 1);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            bodies.add(JSON.writeValueAsString(generator.next(villages.get(i % villages.size()),
                    HouseholdCategory.REGISTERED)));
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
