package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The Kafka broker killed ({@code kill -9}) in the middle of a township's import and of clerks' registrations, and
 * started again 30 seconds later. The registry goes on meanwhile: the import finishes and registrations are
 * acknowledged with the broker away, their events waiting in the outbox; once it is back, every one of them is
 * published and taken in once by every consumer. Runs in 2½ minutes (135–157 s measured).
 */
class BrokerOutageFaultTests {

    private static final String TOWNSHIP = WorkPlanFixture.XIYANG;
    private static final int IMPORTED = 600;
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    @Test
    void theBrokerKilledForThirtySecondsLosesAndDoublesNothing() throws InterruptedException {
        var stack = Stack.get();
        Api officer = Api.as("xiyang.officer");
        Api clerk = Api.as("xiyang.clerk");
        List<WriteLoad.Attempt> attempts;
        JsonNode imported;
        try (WriteLoad load = new WriteLoad(clerk, WalkingSkeletonE2ETests.VILLAGE, 3, Duration.ofMillis(150))) {
            Thread.sleep(3_000);
            HttpResponse<String> accepted = officer.upload("/api/v1/imports/national-registry", "text/csv",
                    Imports.csv(Imports.township(TOWNSHIP, IMPORTED)));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String job = accepted.headers().firstValue("Location").orElseThrow();
            Thread.sleep(500);
            stack.kill("kafka");
            long killed = System.nanoTime();

            imported = Imports.follow(officer, job, new ArrayList<>());
            assertThat(imported.get("state").asString()).as("the import, finished with the broker away: " + imported)
                    .isEqualTo("SUCCEEDED");
            assertThat(imported.at("/households/created").asInt()).isEqualTo(IMPORTED);
            long acknowledgedBefore = load.acknowledged();
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - killed) / 1_000_000));
            assertThat(load.acknowledged()).as("registrations acknowledged while the broker was away, of "
                    + statuses(load.sent())).isGreaterThan(acknowledgedBefore);
            stack.restart("kafka", Map.of());
            Thread.sleep(5_000);
            attempts = load.stop();
        }

        NothingLost.assertRegisteredOnceAndReconciled(WriteLoad.settle(clerk, attempts, Duration.ofMinutes(2)));
        assertThat(importedOnTheTopic(imported.get("id").asString())).as("households of the import on household.events")
                .hasSize(IMPORTED);
    }

    private static Map<Integer, Long> statuses(List<WriteLoad.Attempt> attempts) {
        return attempts.stream().collect(Collectors.groupingBy(WriteLoad.Attempt::status, Collectors.counting()));
    }

    /** The households whose HouseholdImported event the import caused (its id is their correlation id). */
    private static Set<String> importedOnTheTopic(String job) {
        Set<String> keys = new HashSet<>();
        Topics.read("household.events", record -> {
            String value = Topics.text(record.value());
            return value.contains(".HouseholdImported.") && value.contains(job);
        }).forEach(record -> keys.add(Topics.text(record.key())));
        return keys;
    }
}
