package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.fupin.local.RunningStack;

/**
 * The network between household-service and PostgreSQL, and between it and Kafka, hurt through TCP proxies
 * ({@link TcpProxy}): frozen (bytes held, connections open — nothing a peer can see), every connection cut, slowed.
 * With the database out of reach, requests are answered within bounds (503 within seconds, not a hang) and readiness
 * turns DOWN, and UP when it is back; with the broker out of reach, the service still takes writes and stays ready,
 * their events leaving once the link heals. No acknowledged registration is lost. Runs in about 3½ minutes (213 s
 * measured).
 */
class NetworkFaultTests {

    private static final String VILLAGE = WalkingSkeletonE2ETests.VILLAGE;
    private static final String SERVICE = "household-service";
    private static TcpProxy database;
    private static TcpProxy broker;

    @BeforeAll
    static void householdServiceReachesItsDatabaseAndTheBrokerThroughProxies() {
        WorkPlanFixture.xiyangOpen();
        RunningStack stack = Stack.get();
        database = new TcpProxy(java.net.URI.create(stack.jdbcUrl().substring("jdbc:".length())).getPort());
        broker = new TcpProxy(stack.kafkaProxyPort(), stack.kafkaBehindProxyPort());
        stack.kill(SERVICE);
        stack.restart(SERVICE, Map.of("FUPIN_DB_URL", "jdbc:postgresql://localhost:" + database.port()
                + "/fupin?reWriteBatchedInserts=true", "FUPIN_KAFKA", "127.0.0.1:" + broker.port()));
    }

    @AfterAll
    static void householdServiceReachesThemDirectlyAgain() {
        Stack.get().kill(SERVICE);
        database.close();
        broker.close();
        Stack.get().restart(SERVICE, Map.of());
    }

    @Test
    void aFrozenLinkIsAnsweredWithinBoundsTurnsReadinessDownAndBackUpAndLosesNothing() throws InterruptedException {
        Api clerk = Api.as("xiyang.clerk");
        List<WriteLoad.Attempt> attempts;
        try (WriteLoad load = new WriteLoad(clerk, VILLAGE, 2, Duration.ofMillis(200))) {
            Thread.sleep(3_000);
            database.freeze();
            aFrozenLink(clerk);
            Thread.sleep(3_000);
            attempts = load.stop();
        }
        assertThat(attempts).as("acknowledged after the link healed")
                .anyMatch(WriteLoad.Attempt::acknowledged);
        NothingLost.assertRegisteredOnceAndReconciled(WriteLoad.settle(clerk, attempts, Duration.ofMinutes(1)));
    }

    /** Readiness DOWN, a request answered 503 within bounds; healed, readiness UP again. */
    private static void aFrozenLink(Api clerk) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Readiness.of(SERVICE).equals("DOWN"));
        long start = System.nanoTime();
        HttpResponse<String> refused = clerk.post("/api/v1/households", WorkPlanFixture.SYNTHETIC.next(VILLAGE),
                "Idempotency-Key", UUID.randomUUID().toString());
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - start);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(answeredIn).as("a request while the link is frozen").isLessThan(Duration.ofSeconds(15));

        database.heal();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Readiness.of(SERVICE).equals("UP"));
    }

    @Test
    void cutConnectionsAreReplacedAndASlowLinkOnlySlows() throws InterruptedException {
        Api clerk = Api.as("xiyang.clerk");
        List<WriteLoad.Attempt> attempts;
        int beforeSlow;
        try (WriteLoad load = new WriteLoad(clerk, VILLAGE, 2, Duration.ofMillis(200))) {
            Thread.sleep(3_000);
            database.drop();
            Thread.sleep(3_000);
            database.drop();
            Thread.sleep(3_000);
            beforeSlow = load.sent().size();
            database.slow(Duration.ofMillis(50));
            Thread.sleep(10_000);
            database.heal();
            attempts = load.stop();
        }

        assertThat(attempts.subList(beforeSlow, attempts.size())).as("registrations over the slow link")
                .anyMatch(WriteLoad.Attempt::acknowledged);
        assertThat(attempts).as("every answer success or retryable")
                .allMatch(WriteLoad.Attempt::answeredAsPromised);
        assertThat(Readiness.of(SERVICE)).isEqualTo("UP");
        NothingLost.assertRegisteredOnceAndReconciled(WriteLoad.settle(clerk, attempts, Duration.ofMinutes(1)));
    }

    @Test
    void aHurtLinkToTheBrokerDelaysEventsAndLosesNone() throws InterruptedException {
        Api clerk = Api.as("xiyang.clerk");
        List<WriteLoad.Attempt> attempts;
        try (WriteLoad load = new WriteLoad(clerk, VILLAGE, 2, Duration.ofMillis(200))) {
            Thread.sleep(3_000);
            broker.freeze();
            long before = load.acknowledged();
            Thread.sleep(20_000);
            assertThat(load.acknowledged())
                    .as("registrations acknowledged while the broker was out of reach").isGreaterThan(before);
            assertThat(Readiness.of(SERVICE)).as("ready: the outbox holds the events").isEqualTo("UP");
            broker.heal();
            broker.drop();
            Thread.sleep(5_000);
            broker.slow(Duration.ofMillis(50));
            Thread.sleep(5_000);
            broker.heal();
            attempts = load.stop();
        }
        assertThat(attempts).as("every answer success or retryable")
                .allMatch(WriteLoad.Attempt::answeredAsPromised);
        NothingLost.assertRegisteredOnceAndReconciled(WriteLoad.settle(clerk, attempts, Duration.ofMinutes(1)));
    }
}
