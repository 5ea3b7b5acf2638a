package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The city office opens a village clerk's account through the system (Keycloak's admin API behind it): the new
 * clerk logs in with its area and sees its village only; a township cannot open accounts; a wrong area is a 400;
 * disabling ends the logins; both changes are on record.
 */
class AccountsE2ETests {

    @BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    @Test
    void aClerksAccountIsOpenedWithItsAreaUsedAndDisabledOnRecord() {
        Api city = Api.as("city.officer");
        String issuer = Stack.get().issuerUri();
        String username = "e2e.clerk." + System.nanoTime() % 1_000_000;
        Map<String, Object> account = Map.of("username", username, "displayName", "林新", "role", "village-clerk",
                "areaCode", "350481100203", "password", "Clerk-pass-2026", "temporaryPassword", false,
                "reason", "西洋镇人员调整（西政〔2026〕5号）");

        assertThat(Api.as("xiyang.officer").post("/api/v1/accounts", account).statusCode()).isEqualTo(403);
        var wrongArea = city.post("/api/v1/accounts", Map.of("username", username, "role", "township-officer",
                "areaCode", "350481100203", "password", "Clerk-pass-2026", "reason", "x"));
        assertThat(wrongArea.statusCode()).isEqualTo(400);
        assertThat(Api.json(wrongArea).at("/errors/0/field").asString()).isEqualTo("areaCode");

        var created = city.post("/api/v1/accounts", account);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(city.post("/api/v1/accounts", account).statusCode()).as("the same username again").isEqualTo(409);

        String token = Api.token(issuer, "fupin-cli", username, "Clerk-pass-2026");
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"area_code\":\"350481100203\"", "village-clerk");
        Api clerk = Api.withToken(token);
        assertThat(clerk.get("/api/v1/households?areaCode=350481100203").statusCode()).isEqualTo(200);
        assertThat(clerk.get("/api/v1/households?areaCode=350481100201").statusCode()).isEqualTo(404);

        var disabled = city.post("/api/v1/accounts/" + username + "/disablement", Map.of("reason", "调离"));
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThatThrownBy(() -> Api.token(issuer, "fupin-cli", username, "Clerk-pass-2026"))
                .hasMessageContaining("failed");

        JsonNode changes = Api.json(Api.as("auditor").get("/api/v1/accounts/changes"));
        assertThat(changes.findValuesAsString("username")).contains(username);
        assertThat(changes.findValuesAsString("action")).contains("CREATED", "DISABLED");
    }
}
