package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.fupin.contracts.household.model.HouseholdCategory;
import tools.jackson.databind.JsonNode;

/**
 * An audit tool's view of the running system: the checkpoints' public key fetched through the gateway (no token:
 * it is published), the three topics read from their beginning with the Kafka client only, every event chained to
 * its aggregate's last and every partition's records up to its last checkpoint as the services wrote them. (The
 * suite's classes run in name order: this one before {@link PoisonRecordsE2ETests} writes records no service
 * published, which the verifier rightly refuses.)
 */
class AuditTrailE2ETests {

    @BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    @Test
    void theTopicsVerifyWithThePublishedKey() {
        var keys = Api.anonymous().get("/openapi/events/audit-keys.json");
        assertThat(keys.statusCode()).as(keys.body()).isEqualTo(200);
        JsonNode key = Api.json(keys).get("keys").get(0);
        assertThat(key.get("crv").asString()).isEqualTo("Ed25519");
        var created = Api.as("xiyang.clerk").post("/api/v1/households",
                WorkPlanFixture.SYNTHETIC.next(WalkingSkeletonE2ETests.VILLAGE, HouseholdCategory.REGISTERED));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        // the services checkpoint every 30 s: the household's partition is covered by the next round
        AtomicReference<String> report = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            Topics.Verification verification = Topics.verify();
            report.set(verification.report());
            assertThat(verification.status()).as(report.get()).isZero();
            assertThat(report.get()).as(report.get()).contains("VERIFIED: no violation").doesNotContain("unchained")
                    .containsPattern("topic household\\.events: \\d+ records, \\d+ aggregates; checkpoints "
                            + "verified by partition \\{[^}]*=[1-9]");
        });
        assertThat(report.get()).contains("topic household.events: ", "topic monitoring.events: ",
                "topic review.events: ");
    }
}
