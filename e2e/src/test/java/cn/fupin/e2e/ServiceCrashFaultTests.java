package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.fupin.contracts.household.model.HouseholdCategory;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;

/**
 * Services killed at the worst moments of the event flow, each at an exact step ({@code FUPIN_FAULTS_CRASH_AT}: the JVM
 * halts there, as {@code kill -9} would) and started again without it: every consumer after its transaction committed
 * and before its offsets did (the events come again and must not take effect twice), and the publisher after an
 * API write committed and before its relay sent it (the events must still leave), or after Kafka acknowledged them and
 * before they were deleted from the outbox (they leave twice, and must count once). Each restarted service must show
 * that its inbox recognised the redelivery. Runs in about 6 minutes (358 s measured). With the inbox's dedup broken on
 * purpose the first test fails, with the relay deleting before it sends the third (ADR 0017).
 */
class ServiceCrashFaultTests {

    private static final String VILLAGE = WalkingSkeletonE2ETests.VILLAGE;
    private static final String CRASH_AT = "FUPIN_FAULTS_CRASH_AT";
    /**
     * How long a restarted consumer may take to be given its partitions and reach the crash point: a member killed
     * while its group rebalances (these tests kill household-service four times in two minutes) holds the group's next
     * rebalance until its rebalance timeout, the consumers' max.poll.interval.ms (5 minutes), not only its session
     * timeout (45 s). One run in three took longer than a minute.
     */
    private static final Duration CRASH_WAIT = Duration.ofMinutes(6);

    @BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    @Test
    void consumersKilledAfterTheirCommitAndBeforeTheirOffsetsTakeEachEventInOnce() {
        List<String> consumers = List.of("monitoring-service", "review-service", "reporting-service");
        NothingLost.assertReconciled();
        consumers.forEach(Stack.get()::kill);
        restart(consumers, Map.of(CRASH_AT, "inbox-committed"));

        Api clerk = Api.as("xiyang.clerk");
        List<WriteLoad.Attempt> registered = new ArrayList<>();
        for (HouseholdCategory category : List.of(HouseholdCategory.REGISTERED, HouseholdCategory.MARGINAL,
                HouseholdCategory.REGISTERED, HouseholdCategory.MARGINAL)) {
            registered.add(register(clerk, WorkPlanFixture.SYNTHETIC.next(VILLAGE, category)));
        }
        assertThat(registered).allMatch(WriteLoad.Attempt::acknowledged);
        for (String consumer : consumers) {
            assertThat(Stack.get().awaitExit(consumer, CRASH_WAIT)).as(consumer + " reached its crash point").isTrue();
        }
        restart(consumers, Map.of());

        for (String consumer : consumers) {
            awaitDuplicatesRecognised(consumer);
        }
        NothingLost.assertRegisteredOnceAndReconciled(registered);
    }

    @Test
    void householdServiceKilledAfterTakingInAnApprovalAppliesItOnce() {
        Reviewers reviewers = new Reviewers();
        Households households = new Households(reviewers, VILLAGE);
        String household = households.registerCandidate();
        String identification = reviewers.caseOf(household, "NEW_IDENTIFICATION", 1);
        Stack.get().kill("household-service");
        restart(List.of("household-service"), Map.of(CRASH_AT, "inbox-committed:household.review-outcomes"));

        reviewers.approveAtEveryLevel(identification);
        assertThat(Stack.get().awaitExit("household-service", CRASH_WAIT)).as("household-service crashed").isTrue();
        restart(List.of("household-service"), Map.of());

        awaitDuplicatesRecognised("household-service");
        households.awaitStatus(household, "POOR");
        assertThat(Topics.keyed("household.events", household)).as("HouseholdIdentified of " + household)
                .filteredOn(record -> Topics.text(record.value()).contains(".HouseholdIdentified.")).hasSize(1);
        NothingLost.assertReconciled();
    }

    @Test
    void aPublisherKilledBetweenItsCommitAndItsRelayStillPublishes() {
        List<WriteLoad.Attempt> settled = crashThePublisherAt("relay-read");
        NothingLost.assertRegisteredOnceAndReconciled(settled);
    }

    @Test
    void aPublisherKilledBetweenKafkasAcknowledgementAndItsDeleteSendsAgainAndCountsOnce() {
        List<WriteLoad.Attempt> settled = crashThePublisherAt("relay-sent");
        NothingLost.assertRegisteredOnceAndReconciled(settled);
        String first = Api.json(Api.as("city.officer").get("/api/v1/persons?idNumber=" + settled.getFirst().idNumber()))
                .get(0).get("householdId").asString();
        assertThat(Topics.keyed("household.events", first)).as("the batch Kafka had acknowledged, sent again")
                .filteredOn(record -> Topics.text(record.value()).contains(".HouseholdRegistered.")).hasSize(2);
    }

    /**
     * household-service started with the crash point, registrations sent until it has died (the first is the one it
     * dies relaying; those after it find no service), then started again, and each registration retried with its key
     * until acknowledged.
     */
    private static List<WriteLoad.Attempt> crashThePublisherAt(String point) {
        NothingLost.assertReconciled();
        Stack.get().kill("household-service");
        restart(List.of("household-service"), Map.of(CRASH_AT, point));
        Api clerk = Api.as("xiyang.clerk");
        List<WriteLoad.Attempt> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(register(clerk, WorkPlanFixture.SYNTHETIC.next(VILLAGE)));
        }
        assertThat(Stack.get().awaitExit("household-service", CRASH_WAIT)).as("household-service crashed").isTrue();
        restart(List.of("household-service"), Map.of());
        return WriteLoad.settle(clerk, sent, Duration.ofMinutes(1));
    }

    /**
     * The restarted service was given again what it had committed before it died, and its inbox knew it: the crash
     * point's redelivery happened, and was recognised (a broken dedup fails here even where the effects are
     * idempotent by themselves).
     */
    private static void awaitDuplicatesRecognised(String service) {
        await().atMost(CRASH_WAIT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(
                duplicatesTakenIn(service)).as(service + "'s inbox: events delivered again and recognised").isPositive());
    }

    /** The sum over the service's consumers of {@code fupin_inbox_events_total{outcome="duplicate"}}. */
    private static double duplicatesTakenIn(String service) {
        HttpResponse<String> scrape = Api.send(HttpRequest.newBuilder(
                URI.create(Stack.get().serviceUrl(service) + "/actuator/prometheus")).GET().build());
        assertThat(scrape.statusCode()).as(service + "'s metrics").isEqualTo(200);
        return scrape.body().lines()
                .filter(line -> line.startsWith("fupin_inbox_events_total{") && line.contains("outcome=\"duplicate\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static WriteLoad.Attempt register(Api clerk, RegisterHouseholdRequest form) {
        return WriteLoad.send(clerk, form, UUID.randomUUID().toString());
    }

    /** Starts the services again together, with the environment added, and waits until each serves. */
    private static void restart(List<String> services, Map<String, String> environment) {
        try (ExecutorService starting = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> started = services.stream()
                    .<Future<?>>map(service -> starting.submit(() -> Stack.get().restart(service, environment)))
                    .toList();
            for (Future<?> each : started) {
                each.get();
            }
        }
        catch (Exception ex) {
            throw new AssertionError("restarting " + services, ex);
        }
    }
}
