package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.fupin.contracts.household.model.HouseholdCategory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a new user met through the gateway, answered now as the contracts promise: nulls where the service did not
 * expect them are 400s naming the field (they were 500s), and the gateway's own refusals are problem details too.
 */
class BadInputE2ETests {

    static final String VILLAGE = "350481100201";

    final Reviewers reviewers = new Reviewers();
    final Households households = new Households(reviewers, VILLAGE);

    @BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    static void namesTheField(HttpResponse<String> answer, String field) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Api.json(answer);
        assertThat(problem.get("code").asString()).isEqualTo("validation-failed");
        assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
    }

    ObjectNode form() {
        return (ObjectNode) Api.JSON.valueToTree(households.form(HouseholdCategory.REGISTERED));
    }

    @Test
    void nullsInsideARegistrationAreNamedNotAServerError() {
        ObjectNode causes = form();
        causes.putArray("causes").addNull();
        namesTheField(reviewers.clerk.postRaw("/api/v1/households", causes.toString()), "causes[0]");

        ObjectNode members = form();
        ((tools.jackson.databind.node.ArrayNode) members.get("members")).addNull();
        int last = members.get("members").size() - 1;
        namesTheField(reviewers.clerk.postRaw("/api/v1/households", members.toString()), "members[" + last + "]");

        ObjectNode health = form();
        ((ObjectNode) health.get("members").get(0).get("indicators")).putArray("health").addNull();
        namesTheField(reviewers.clerk.postRaw("/api/v1/households", health.toString()),
                "members[0].indicators.health[0]");
    }

    @Test
    void aNullRiskOfAMonitoringObjectIsNamed() {
        String household = households.register(households.form(HouseholdCategory.MARGINAL));
        namesTheField(reviewers.clerk.postRaw("/api/v1/monitoring-objects", Api.JSON.writeValueAsString(Map.of(
                "objectType", "MARGINAL", "year", WorkPlanFixture.YEAR, "householdId", household,
                "risks", java.util.Arrays.asList(null, "02")))), "risks[0]");
    }

    @Test
    void theGatewaysOwnRefusalsAreProblemsToo() {
        HttpResponse<String> anonymous = Api.anonymous().get("/api/v1/households");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Api.json(anonymous).get("code").asString()).isEqualTo("unauthenticated");

        HttpResponse<String> nowhere = reviewers.clerk.get("/api/v1/nothing-here");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(Api.json(nowhere).get("code").asString()).isEqualTo("not-found");

        HttpResponse<String> unknownField = reviewers.clerk.postRaw("/api/v1/households",
                form().put("zzUnknown", 1).toString());
        namesTheField(unknownField, "zzUnknown");
        assertThat(List.of(Api.json(unknownField).get("title").asString())).containsExactly("请求数据校验未通过");
    }
}
