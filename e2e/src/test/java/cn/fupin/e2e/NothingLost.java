package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.JsonNode;

/**
 * What every fault test asserts once the fault is over: each write a client was told of (and each it retried until it
 * was) is in the registry exactly once; its event is on the topic; every consumer took it in once — the reports agree
 * with every owning service, count for count (账账相符) — and the topics verify as an audit tool reads them.
 */
final class NothingLost {

    private static final Duration CONVERGENCE = Duration.ofMinutes(3);

    private NothingLost() {
    }

    /** @param settled the registrations as finally answered ({@link WriteLoad#settle}) */
    static void assertRegisteredOnceAndReconciled(List<WriteLoad.Attempt> settled) {
        assertThat(settled).as("registrations sent").isNotEmpty();
        Api registry = Api.as("city.officer").direct("household-service");
        Set<String> households = new HashSet<>();
        for (WriteLoad.Attempt attempt : settled) {
            JsonNode found = Api.json(registry.get("/api/v1/persons?idNumber=" + attempt.idNumber()));
            assertThat(found).as("households holding the head's ID number of %s", attempt).hasSize(1);
            String household = found.get(0).get("householdId").asString();
            if (attempt.acknowledged()) {
                assertThat(household).as("the household the client was told of").isEqualTo(attempt.household());
            }
            households.add(household);
        }
        assertThat(households).hasSameSizeAs(settled);
        await().atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(
                registeredOnTheTopic()).as("HouseholdRegistered on household.events").containsAll(households));
        assertReconciled();
        assertTopicsVerify();
    }

    /** The reports agree with every owning service once the events have been taken in (within three minutes). */
    static void assertReconciled() {
        Api city = Api.as("city.officer");
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            await().atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
                var response = city.get("/api/v1/reports/reconciliation");
                if (response.statusCode() != 200) {
                    return false;
                }
                last.set(Api.json(response));
                return last.get().get("balanced").asBoolean();
            });
        }
        catch (org.awaitility.core.ConditionTimeoutException ex) {
            throw new AssertionError("the reports never agreed with the owning services: " + last.get(), ex);
        }
        assertThat(last.get().get("unavailable")).isEmpty();
    }

    /** The audit verifier finds no violation on the three topics (duplicates a crash resent are notices). */
    static void assertTopicsVerify() {
        Topics.Verification verification = Topics.verify();
        assertThat(verification.status()).as(verification.report()).isZero();
    }

    private static Set<String> registeredOnTheTopic() {
        Set<String> keys = new HashSet<>();
        Topics.read("household.events", record -> Topics.text(record.value()).contains(".HouseholdRegistered."))
                .forEach(record -> keys.add(Topics.text(record.key())));
        return keys;
    }
}
