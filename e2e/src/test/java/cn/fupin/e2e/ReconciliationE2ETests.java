package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * 账账相符 as an invariant: once the events of whatever ran before have been consumed, every count the reports
 * show equals the owning service's own count, for the whole county. Households, persons, annual records, problem
 * data, monitoring objects and review cases are all compared; after {@code fupin rebuild-reports} the reports
 * still agree. Ordered last, so it checks after everything else.
 */
@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
class ReconciliationE2ETests {

    @BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    @Test
    void afterAQuietPeriodTheReportsAgreeWithEveryOwningService() {
        Api city = Api.as("city.officer");
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            var response = city.get("/api/v1/reports/reconciliation");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            last.set(Api.json(response));
            return last.get().get("balanced").asBoolean();
        });
        JsonNode report = last.get();
        assertThat(report.get("unavailable")).isEmpty();
        assertThat(report.get("items").findValuesAsString("owner")).contains("household", "review");
        assertThat(report.get("items").findValues("difference")).allMatch(difference -> difference.asLong() == 0);
        assertThat(Api.as("xiyang.clerk").get("/api/v1/reports/reconciliation").statusCode()).isEqualTo(403);

        String overview = city.get("/api/v1/reports/overview").body();
        assertThat(cn.fupin.local.LocalStack.rebuildReports(Stack.options())).as("fupin rebuild-reports").isTrue();
        assertThat(city.get("/api/v1/reports/overview").body()).as("the same numbers from the rebuilt read models")
                .isEqualTo(overview);
        assertThat(Api.json(city.get("/api/v1/reports/reconciliation")).get("balanced").asBoolean()).isTrue();
        assertThat(Api.anonymous().get("/internal/counts").statusCode()).as("not routed by the gateway")
                .isIn(401, 404);
    }
}
