package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.fupin.local.RunningStack;

/**
 * PostgreSQL stopped with {@code -m immediate} (no checkpoint: a crash, recovered from the write-ahead log at the next
 * start) under clerks' registrations, on a server that flushes each commit before acknowledging it, as production's
 * does. Every client is told success or an error it can retry (503, or no answer), never a success that is then
 * lost; the services find the database again by themselves, nobody restarts them. Runs in under a minute to
 * two (43–127 s measured; the first class of a run also opens the work plan).
 */
class DatabaseCrashFaultTests {

    private static final String VILLAGE = WalkingSkeletonE2ETests.VILLAGE;
    private static final List<String> SERVICES = List.of("household-service", "monitoring-service", "review-service",
            "reporting-service");

    @BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    @Test
    void aCrashedDatabaseLosesNoAcknowledgedWriteAndTheServicesRecoverByThemselves() throws InterruptedException {
        RunningStack stack = Stack.get();
        List<WriteLoad.Attempt> attempts;
        try (WriteLoad load = new WriteLoad(Api.as("xiyang.clerk"), VILLAGE, 3, Duration.ofMillis(100))) {
            Thread.sleep(5_000);
            stack.kill("postgres");
            Thread.sleep(5_000);
            stack.restart("postgres", Map.of());
            Thread.sleep(15_000);
            attempts = load.stop();
        }

        Map<Integer, Long> answers = attempts.stream()
                .collect(Collectors.groupingBy(WriteLoad.Attempt::status, Collectors.counting()));
        assertThat(answers).as("answers (0: none)").containsKey(201);
        assertThat(attempts).as("registrations the crash refused").anyMatch(attempt -> !attempt.acknowledged());
        assertThat(attempts).as("every answer success or retryable: " + attempts.stream()
                .filter(attempt -> !attempt.acknowledged()).map(WriteLoad.Attempt::body).distinct().toList())
                .allMatch(WriteLoad.Attempt::answeredAsPromised);
        for (String service : SERVICES) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                    Readiness.of(service)).as(service + " ready again").isEqualTo("UP"));
        }
        NothingLost.assertRegisteredOnceAndReconciled(WriteLoad.settle(Api.as("xiyang.clerk"), attempts,
                Duration.ofMinutes(1)));
    }
}
