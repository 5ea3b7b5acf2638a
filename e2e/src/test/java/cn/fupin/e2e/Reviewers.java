package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import cn.fupin.contracts.rules.WorkYear;
import tools.jackson.databind.JsonNode;

/**
 * The three levels that review a request from 西洋镇's first village, each a real user with a real token: the
 * village clerk (民主评议与公示), the township officer, the city office.
 */
final class Reviewers {

    final Api clerk = Api.as("xiyang.clerk");
    final Api officer = Api.as("xiyang.officer");
    final Api city = Api.as("city.officer");
    private final LocalDate today = LocalDate.now(WorkYear.ZONE);

    /** The case review opened for the subject's request of that type, once it waits in the given round. */
    String caseOf(String subjectId, String caseType, int round) {
        AtomicReference<String> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode page = Api.json(city.get("/api/v1/reviews?view=all&size=200&caseType=" + caseType));
            for (JsonNode item : page.get("items")) {
                if (item.get("subjectId").asString().equals(subjectId) && item.get("round").asInt() == round
                        && item.get("state").asString().equals("IN_REVIEW")) {
                    found.set(item.get("id").asString());
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    /** The village's appraisal and a seven-day notice that ended three days ago, without objections. */
    void notice(String caseId) {
        var recorded = clerk.post("/api/v1/reviews/" + caseId + "/publicity", Map.of(
                "appraisal", Map.of("date", today.minusDays(10).toString(), "participants", 38, "result", "AGREED"),
                "notice", Map.of("startDate", today.minusDays(9).toString(), "endDate", today.minusDays(3).toString(),
                        "place", "村部公示栏"),
                "objections", List.of()));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
    }

    JsonNode decide(Api who, String caseId, Map<String, Object> decision) {
        var decided = who.post("/api/v1/reviews/" + caseId + "/decisions", decision);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        return Api.json(decided);
    }

    /** Village (after its notice), township and city approve, each by its own user. */
    void approveAtEveryLevel(String caseId) {
        notice(caseId);
        decide(clerk, caseId, Map.of("decision", "APPROVE", "comment", "民主评议通过，公示无异议"));
        decide(officer, caseId, Map.of("decision", "APPROVE", "comment", "乡镇审核通过"));
        assertThat(decide(city, caseId, Map.of("decision", "APPROVE", "comment", "复核备案")).get("state").asString())
                .isEqualTo("APPROVED");
    }
}
