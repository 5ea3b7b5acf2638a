package cn.fupin.e2e;

import static cn.fupin.e2e.WorkPlanFixture.APPLIED;
import static cn.fupin.e2e.WorkPlanFixture.EXIT_REQUEST;
import static cn.fupin.e2e.WorkPlanFixture.YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import cn.fupin.contracts.household.model.HouseholdCategory;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import tools.jackson.databind.JsonNode;

/**
 * Households of one village taken through the steps other tests start from — registered, identified poor,
 * exited — each step requested by the clerk and approved at every level by {@link Reviewers}.
 */
final class Households {

    private final Reviewers reviewers;
    private final String village;
    private final SyntheticHouseholds synthetic = WorkPlanFixture.SYNTHETIC;

    Households(Reviewers reviewers, String village) {
        this.reviewers = reviewers;
        this.village = village;
    }

    /** A form of the category whose head is of working age, so the household has labour capacity. */
    RegisterHouseholdRequest form(HouseholdCategory category) {
        RegisterHouseholdRequest form;
        do {
            form = synthetic.next(village, category);
        }
        while (form.getMembers().stream().noneMatch(m -> "01".equals(m.getRelation())
                && m.getBirthDate().isAfter(java.time.LocalDate.of(1962, 1, 1))));
        return form.appliedOn(java.time.LocalDate.parse(APPLIED));
    }

    String register(RegisterHouseholdRequest form) {
        var registered = reviewers.clerk.post("/api/v1/households", form);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return Api.json(registered).get("id").asString();
    }

    String registerCandidate() {
        return register(form(HouseholdCategory.REGISTERED));
    }

    JsonNode household(String id) {
        return Api.json(reviewers.clerk.get("/api/v1/households/" + id));
    }

    void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> household(id).get("status").asString().equals(status));
    }

    String identified() {
        return identify(registerCandidate());
    }

    /** The candidate's identification approved at every level: the household is poor. */
    String identify(String id) {
        reviewers.approveAtEveryLevel(reviewers.caseOf(id, "NEW_IDENTIFICATION", 1));
        awaitStatus(id, "POOR");
        return id;
    }

    void annualRecord(String id, int wageIncome, String houseGrade) {
        var put = reviewers.clerk.put("/api/v1/households/" + id + "/annual-records/" + YEAR, Map.of(
                "income", Map.of("wageIncome", wageIncome, "productionIncome", 3000, "productionExpenses", 500),
                "conditions", Map.of("dangerousHouseGrade", houseGrade, "safeDrinkingWater", true)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    String exited() {
        return exit(identified());
    }

    /** A good year entered, the exit requested and approved at every level: the household has exited. */
    String exit(String id) {
        annualRecord(id, 60000, "1");
        assertThat(reviewers.clerk.post("/api/v1/households/" + id + "/exit-requests", EXIT_REQUEST)
                .statusCode()).isEqualTo(202);
        reviewers.approveAtEveryLevel(reviewers.caseOf(id, "POVERTY_EXIT", 1));
        awaitStatus(id, "EXITED");
        return id;
    }

    void markNotEnjoyingPolicy(String id) {
        var current = reviewers.clerk.get("/api/v1/households/" + id);
        var marked = reviewers.clerk.patch("/api/v1/households/" + id, Map.of("notEnjoyingPolicy", true), "If-Match",
                current.headers().firstValue("ETag").orElseThrow());
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
    }

    /** Proposes a monitoring object, waiting for the household's events to reach monitoring's projection first. */
    String proposeForMonitoring(Map<String, Object> asked) {
        Map<String, Object> proposal = new java.util.HashMap<>(asked);
        proposal.putIfAbsent("appliedOn", APPLIED);
        var created = new java.util.concurrent.atomic.AtomicReference<java.net.http.HttpResponse<String>>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            created.set(reviewers.clerk.post("/api/v1/monitoring-objects", proposal));
            return created.get().statusCode() != 404 && created.get().statusCode() != 422;
        });
        assertThat(created.get().statusCode()).as(created.get().body()).isEqualTo(201);
        return Api.json(created.get()).get("id").asString();
    }
}
