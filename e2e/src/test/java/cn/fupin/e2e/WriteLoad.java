package cn.fupin.e2e;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import cn.fupin.contracts.household.model.RegisterHouseholdRequest;

/**
 * Clerks registering households of a village while something fails: each registration sent with an
 * {@code Idempotency-Key} of its own, and its answer kept — 201, an error, or none at all (a connection cut, a
 * timeout). {@link #settle} then sends each one not acknowledged again with its key, as a client that cannot know
 * whether its request took effect must, until it is told 201 (or 409 {@code duplicate-id-number}: it had taken
 * effect, and its key's answer was not kept).
 */
final class WriteLoad implements AutoCloseable {

    private static final Set<Integer> RETRYABLE_OR_ACKNOWLEDGED = Set.of(201, 503, 429, 0);

    /** One registration and the last answer to it (status 0: no answer). */
    record Attempt(RegisterHouseholdRequest form, String key, int status, String body) {

        String idNumber() {
            return form.getMembers().getFirst().getIdNumber();
        }

        boolean acknowledged() {
            return status == 201;
        }

        /** Told 201 or what a client may retry (503, 429, no answer): never a 500, never a refusal of its own. */
        boolean answeredAsPromised() {
            return RETRYABLE_OR_ACKNOWLEDGED.contains(status);
        }

        String household() {
            return Api.JSON.readTree(body).get("id").asString();
        }
    }

    private final Api clerk;
    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService clients;
    private volatile boolean running = true;

    /** Starts {@code clients} clerks, each sending a registration, then pausing {@code pause}, until stopped. */
    WriteLoad(Api clerk, String village, int clients, Duration pause) {
        this.clerk = clerk;
        this.clients = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            this.clients.submit(() -> {
                while (running) {
                    attempts.add(send(clerk, WorkPlanFixture.SYNTHETIC.next(village), UUID.randomUUID().toString()));
                    sleep(pause);
                }
            });
        }
    }

    /** The attempts so far, answered or not. */
    List<Attempt> sent() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    /** How many registrations have been acknowledged so far. */
    long acknowledged() {
        return sent().stream().filter(Attempt::acknowledged).count();
    }

    /** Stops the clerks and returns every attempt, answered or not. */
    List<Attempt> stop() {
        running = false;
        clients.shutdown();
        try {
            clients.awaitTermination(2, TimeUnit.MINUTES);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return sent();
    }

    /**
     * Every attempt not acknowledged sent again by the clerk with its key until it is, within {@code within}; the
     * attempts as finally answered.
     */
    static List<Attempt> settle(Api clerk, List<Attempt> sent, Duration within) {
        List<Attempt> settled = new ArrayList<>();
        for (Attempt attempt : sent) {
            Attempt last = attempt;
            if (!attempt.acknowledged()) {
                var answer = new java.util.concurrent.atomic.AtomicReference<Attempt>();
                await().atMost(within).pollInterval(Duration.ofMillis(500)).until(() -> {
                    answer.set(send(clerk, attempt.form(), attempt.key()));
                    return answer.get().acknowledged() || answer.get().status() == 409
                            && answer.get().body().contains("duplicate-id-number");
                });
                last = answer.get();
            }
            settled.add(last);
        }
        return settled;
    }

    @Override
    public void close() {
        stop();
    }

    /** One registration with its key; its answer, or none (status 0). */
    static Attempt send(Api clerk, RegisterHouseholdRequest form, String key) {
        try {
            HttpResponse<String> answer = clerk.post("/api/v1/households", form, "Idempotency-Key", key);
            return new Attempt(form, key, answer.statusCode(), answer.body());
        }
        catch (IllegalStateException noAnswer) {
            return new Attempt(form, key, 0, String.valueOf(noAnswer.getCause()));
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
