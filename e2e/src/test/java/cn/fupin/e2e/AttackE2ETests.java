package cn.fupin.e2e;

import static cn.fupin.e2e.WorkPlanFixture.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.fupin.contracts.household.model.HouseholdCategory;

import tools.jackson.databind.JsonNode;

/**
 * Attacks on the running system through the gateway, with real Keycloak tokens (OWASP API Security Top 10 2023 as
 * the checklist): broken authentication (API2: missing, tampered, alg=none, foreign-key, wrong-issuer,
 * wrong-audience, expired and not-yet-valid tokens), broken function level authorisation (API5: samples here, every
 * pair in {@link RoleMatrixE2ETests}; machine clients limited by their scopes), broken object level authorisation
 * (API1: other areas are 404, every resource type in {@link CrossAreaE2ETests}), unrestricted resource consumption
 * (API4: oversized bodies 413, bursts 429), injection strings in every query parameter (no error leak, no extra
 * rows), excessive data exposure (API3: ID numbers and phones masked for auditors), and a user's own area code that
 * Keycloak's account API does not let the user change.
 */
class AttackE2ETests {

    static final String XIYANG_VILLAGE = "350481100201";
    static final String GONGCHUAN_VILLAGE = "350481101201";

    @BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String base64(String text) {
        return base64(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A token signed with a key Keycloak never issued, claiming whatever it likes. */
    static String forged(String issuer) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        long now = Instant.now().getEpochSecond();
        String unsigned = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}") + "." + base64("""
                {"iss":"%s","aud":"fupin-api","sub":"intruder","azp":"fupin-cli","iat":%d,"exp":%d,
                 "realm_access":{"roles":["city-officer"]},"area_code":"350481"}""".formatted(issuer, now, now + 300));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(unsigned.getBytes(StandardCharsets.US_ASCII));
        return unsigned + "." + base64(rsa.sign());
    }

    static int status(Api caller, String path) {
        return caller.get(path).statusCode();
    }

    @Test
    void everyTokenKeycloakDidNotIssueForThisApiIsA401() throws Exception {
        String issuer = Stack.get().issuerUri();
        String real = Api.as("xiyang.clerk").token();
        String[] parts = real.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String widened = base64(payload.replace("\"350481100201\"", "\"350481\""));
        String noneHeader = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String masterToken = Api.token(issuer.replace("/realms/fupin", "/realms/master"), "admin-cli", "admin",
                "admin");
        String noAudience = Api.token(issuer, "admin-cli", "xiyang.clerk", "demo123");
        assertThat(new String(Base64.getUrlDecoder().decode(noAudience.split("\\.")[1]), StandardCharsets.UTF_8))
                .doesNotContain("fupin-api");

        Map<String, Api> attackers = new java.util.LinkedHashMap<>();
        attackers.put("no token", Api.anonymous());
        attackers.put("tampered payload", Api.withToken(parts[0] + "." + widened + "." + parts[2]));
        attackers.put("alg=none", Api.withToken(noneHeader + "." + widened + "."));
        attackers.put("signature stripped", Api.withToken(parts[0] + "." + parts[1] + "."));
        attackers.put("foreign key", Api.withToken(forged(issuer)));
        attackers.put("foreign issuer", Api.withToken(forged("http://evil.example/realms/fupin")));
        attackers.put("another realm's real token", Api.withToken(masterToken));
        attackers.put("real token without the API audience", Api.withToken(noAudience));
        attackers.put("garbage", Api.withToken("not.a.token"));
        for (var attacker : attackers.entrySet()) {
            for (String path : List.of("/api/v1/households?size=1", "/api/v1/reports/overview",
                    "/api/v1/reviews", "/api/v1/monitoring-objects")) {
                long start = System.nanoTime();
                int status;
                try {
                    status = status(attacker.getValue(), path);
                }
                catch (IllegalStateException unanswered) {
                    // say which attack went unanswered and for how long: the gateway logs nothing of a hang
                    throw new AssertionError(attacker.getKey() + " → " + path + " unanswered after "
                            + (System.nanoTime() - start) / 1_000_000 + " ms", unanswered);
                }
                assertThat(status).as(attacker.getKey() + " → " + path).isEqualTo(401);
            }
        }
    }

    /**
     * A real token of the realm, expired: a client of its own with a two-second token lifespan is created through
     * Keycloak's admin API; ten seconds later (beyond the five seconds of clock skew the gateway and the services
     * allow) the gateway refuses it, and so does a service called directly.
     */
    @Test
    void anExpiredTokenIsA401AtTheGatewayAndAtTheService() throws Exception {
        String issuer = Stack.get().issuerUri();
        String admin = Api.token(issuer.replace("/realms/fupin", "/realms/master"), "admin-cli", "admin", "admin");
        String clientId = "e2e-short-lived-" + System.nanoTime();
        int created = HttpJson.post(issuer.replace("/realms/fupin", "/admin/realms/fupin/clients"), admin, """
                {"clientId":"%s","publicClient":true,"directAccessGrantsEnabled":true,"standardFlowEnabled":false,
                 "attributes":{"access.token.lifespan":"2"},
                 "defaultClientScopes":["basic","roles","profile","fupin-claims"]}""".formatted(clientId));
        assertThat(created).isEqualTo(201);
        Api shortLived = Api.withToken(Api.token(issuer, clientId, "xiyang.clerk", "demo123"));
        assertThat(status(shortLived, "/api/v1/households?size=1")).as("fresh").isEqualTo(200);
        Thread.sleep(10_000);
        assertThat(status(shortLived, "/api/v1/households?size=1")).as("expired, at the gateway").isEqualTo(401);
        assertThat(HttpJson.get("http://localhost:" + (Stack.PORT_BASE + 81) + "/api/v1/households?size=1",
                shortLived.token())).as("expired, at household-service itself").isEqualTo(401);
    }

    /**
     * A token signed by a key the realm publishes, not valid before ten minutes from now: refused by the gateway
     * and by a service called directly, while the same token valid from now is accepted by both — so what is
     * refused is the time, not the key. The key is added to the realm through Keycloak's admin API with the lowest
     * priority (published, never used by Keycloak to sign) and removed afterwards.
     */
    @Test
    void aTokenNotYetValidIsA401AtTheGatewayAndAtTheService() throws Exception {
        String issuer = Stack.get().issuerUri();
        String admin = Api.token(issuer.replace("/realms/fupin", "/realms/master"), "admin-cli", "admin", "admin");
        String realm = issuer.replace("/realms/fupin", "/admin/realms/fupin");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----";
        String realmId = Api.JSON.readTree(HttpJson.send("GET", realm, admin, null).body()).get("id").asString();
        HttpResponse<String> created = HttpJson.send("POST", realm + "/components", admin, Api.JSON.writeValueAsString(
                Map.of("name", "e2e-not-yet-valid", "providerId", "rsa", "providerType",
                        "org.keycloak.keys.KeyProvider", "parentId", realmId, "config", Map.of("priority", List.of("1"),
                                "enabled", List.of("true"), "active", List.of("true"), "algorithm", List.of("RS256"),
                                "privateKey", List.of(pem)))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String component = created.headers().firstValue("Location").orElseThrow();
        try {
            String componentId = component.substring(component.lastIndexOf('/') + 1);
            String kid = null;
            for (JsonNode key : Api.JSON.readTree(HttpJson.send("GET", realm + "/keys", admin, null).body())
                    .get("keys")) {
                if (componentId.equals(key.path("providerId").asString())) {
                    kid = key.get("kid").asString();
                }
            }
            assertThat(kid).as("the new key is published").isNotNull();
            String real = Api.as("xiyang.clerk").token();
            var claims = (tools.jackson.databind.node.ObjectNode) Api.JSON.readTree(
                    Base64.getUrlDecoder().decode(real.split("\\.")[1]));
            long now = Instant.now().getEpochSecond();
            String validNow = signed(keys, kid, claims.put("iat", now).put("nbf", now - 1).put("exp", now + 120));
            String notYet = signed(keys, kid, claims.put("iat", now).put("nbf", now + 600).put("exp", now + 900));
            String service = "http://localhost:" + (Stack.PORT_BASE + 81) + "/api/v1/households?size=1";

            assertThat(status(Api.withToken(validNow), "/api/v1/households?size=1")).as("valid from now")
                    .isEqualTo(200);
            assertThat(HttpJson.get(service, validNow)).as("valid from now, at the service").isEqualTo(200);
            assertThat(status(Api.withToken(notYet), "/api/v1/households?size=1")).as("not yet valid").isEqualTo(401);
            assertThat(HttpJson.get(service, notYet)).as("not yet valid, at the service").isEqualTo(401);
        }
        finally {
            assertThat(HttpJson.send("DELETE", component, admin, null).statusCode()).isEqualTo(204);
        }
    }

    static String signed(KeyPair keys, String kid, JsonNode claims) throws Exception {
        String unsigned = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "."
                + base64(Api.JSON.writeValueAsString(claims));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(unsigned.getBytes(StandardCharsets.US_ASCII));
        return unsigned + "." + base64(rsa.sign());
    }

    /**
     * Other government systems (client credentials) read what their role and their scopes allow: the data exchange
     * (auditor, {@code households:read}) reads households but no report unless it asks for {@code reports:read};
     * the city's dashboard (auditor, {@code reports:read}) reads reports but no household; neither writes.
     */
    @Test
    void aMachineClientReadsOnlyWhatItsScopesCover() {
        Api exchange = Api.client("gov-data-exchange", "gov-data-exchange-secret", null);
        Api dashboard = Api.client("city-dashboard", "city-dashboard-secret", null);
        Api exchangeWithReports = Api.client("gov-data-exchange", "gov-data-exchange-secret", "reports:read");

        assertThat(status(exchange, "/api/v1/households?size=1")).as("households:read").isEqualTo(200);
        assertThat(status(exchange, "/api/v1/monitoring-objects?size=1")).as("households:read").isEqualTo(200);
        assertThat(status(exchange, "/api/v1/reports/overview")).as("no reports:read").isEqualTo(403);
        assertThat(status(exchangeWithReports, "/api/v1/reports/overview")).as("asked for reports:read")
                .isEqualTo(200);
        assertThat(status(dashboard, "/api/v1/reports/overview")).as("reports:read").isEqualTo(200);
        assertThat(status(dashboard, "/api/v1/households?size=1")).as("no households:read").isEqualTo(403);
        assertThat(exchange.post("/api/v1/households", WorkPlanFixture.SYNTHETIC
                .next(XIYANG_VILLAGE)).statusCode()).as("an auditor's client writes nothing").isEqualTo(403);
    }

    @Test
    void aRoleOutsideAnEndpointIs403AndAnAreaOutsideTheCallerIs404() {
        Api clerk = Api.as("xiyang.clerk");
        Api gongchuanClerk = Api.as("gongchuan.clerk");
        Api auditor = Api.as("auditor");
        Api department = Api.as("dept.civil");
        var registered = clerk.post("/api/v1/households", WorkPlanFixture.SYNTHETIC
                .next(XIYANG_VILLAGE, HouseholdCategory.REGISTERED));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = Api.json(registered).get("id").asString();

        assertThat(status(gongchuanClerk, "/api/v1/households/" + id)).as("another village's household").isEqualTo(404);
        assertThat(status(gongchuanClerk, "/api/v1/households?areaCode=" + XIYANG_VILLAGE)).as("list filter")
                .isEqualTo(404);
        assertThat(gongchuanClerk.patch("/api/v1/households/" + id, Map.of("phone", "13800000000"), "If-Match", "\"0\"")
                .statusCode()).as("update").isEqualTo(404);
        assertThat(status(gongchuanClerk, "/api/v1/reports/overview?areaCode=350481100")).as("report").isEqualTo(404);
        assertThat(gongchuanClerk.get("/api/v1/reports/overview?areaCode=350481100").statusCode()).isEqualTo(404);
        assertThat(Api.as("gongchuan.officer").get("/api/v1/reports/income?year=" + YEAR + "&areaCode=350481100")
                .statusCode()).as("export of another township").isEqualTo(404);

        assertThat(department.get("/api/v1/households?size=1").statusCode()).as("dept-provider reads no registry")
                .isEqualTo(403);
        assertThat(auditor.post("/api/v1/households", Map.of()).statusCode()).as("auditor writes nothing")
                .isIn(400, 403);
        assertThat(auditor.post("/api/v1/households", WorkPlanFixture.SYNTHETIC
                .next(XIYANG_VILLAGE)).statusCode()).as("auditor writes nothing").isEqualTo(403);
        assertThat(clerk.put("/api/v1/work-plans/2031", Map.of("phases", List.of(Map.of("code", "DATA_ENTRY",
                "startDate", "2031-10-28", "endDate", "2031-11-20")))).statusCode())
                .as("a clerk sets no work plan").isEqualTo(403);
        assertThat(clerk.get("/api/v1/reports/reconciliation").statusCode()).isEqualTo(403);
        assertThat(clerk.post("/api/v1/reports/rebuilds", Map.of()).statusCode()).isEqualTo(403);
    }

    /**
     * Injection strings in every query parameter of every list, search and report of the four contracts (filters,
     * paging; the contracts have no free sort parameter), as a caller allowed to use the operation: refused as
     * invalid or matching nothing, never an error that shows the database, never a row more.
     */
    @Test
    void injectionStringsInEveryQueryParameterLeakNothingAndMatchNothing() throws InterruptedException {
        List<String> injections = List.of("' OR '1'='1", "1; DROP TABLE household;--", "350481%' OR 1=1 --",
                "\" OR \"\"=\"", "') UNION SELECT id_number FROM member--", "350481' AND pg_sleep(5)--");
        Map<String, Api> callers = new java.util.HashMap<>();
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (Contracts.Operation operation : Contracts.operations()) {
            if (!operation.method().equals("GET") || !operation.throughGateway() || operation.path().contains("{")) {
                continue;
            }
            String role = operation.roles().contains("city-officer") ? "city-officer" : operation.roles().getFirst();
            Api caller = callers.computeIfAbsent(role, r -> Api.as(RoleMatrixE2ETests.USER_OF_ROLE.get(r)));
            for (String parameter : operation.queryParameters()) {
                for (String injection : injections) {
                    String path = operation.path() + "?" + parameter + "="
                            + URLEncoder.encode(injection, StandardCharsets.UTF_8);
                    HttpResponse<String> response = RoleMatrixE2ETests.withinRateLimit(caller, "GET", path);
                    tried++;
                    String body = response.body().toLowerCase();
                    if (!List.of(200, 400, 404).contains(response.statusCode())
                            || List.of("sql", "syntax", "postgres", "exception", "jdbc")
                                    .stream().anyMatch(body::contains)
                            || response.statusCode() == 200 && !matchesNothing(Api.json(response))) {
                        wrong.add(operation.id() + "?" + parameter + "=" + injection + " → " + response.statusCode()
                                + " " + response.body().substring(0, Math.min(200, response.body().length())));
                    }
                }
            }
        }
        assertThat(wrong).as("injections answered other than refused or empty").isEmpty();
        assertThat(tried).as("parameter × injection pairs tried").isGreaterThan(100);
    }

    /** An answer to an injected filter: an empty list or page, or an object whose lists are all empty. */
    static boolean matchesNothing(JsonNode answer) {
        if (answer.isArray()) {
            return answer.isEmpty();
        }
        if (answer.has("items")) {
            return answer.get("items").isEmpty();
        }
        if (answer.has("content")) {
            return answer.get("content").isEmpty();
        }
        return false;
    }

    @Test
    void oversizedBodiesAre413AndBurstsAre429WithRetryAfter() {
        Api clerk = Api.as("xiyang.clerk2");
        HttpResponse<String> big = clerk.postRaw("/api/v1/households",
                "{\"padding\":\"" + "x".repeat(6 * 1024 * 1024) + "\"}");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Api.json(big).get("code").asString()).isEqualTo("payload-too-large");

        Api burst = Api.as("dept.civil");
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> burst.get("/api/v1/codebook")));
        }
        List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();
        List<HttpResponse<String>> refused = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(refused).as("a burst of 150 beyond a bucket of 60").isNotEmpty();
        assertThat(Api.json(refused.getFirst()).get("code").asString()).isEqualTo("too-many-requests");
        assertThat(refused.getFirst().headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(refused.getFirst().headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(answers).filteredOn(r -> r.statusCode() == 200).isNotEmpty();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> burst.get("/api/v1/codebook").statusCode() == 200);
    }

    @Test
    void personalDataIsMaskedForRolesThatDoNotNeedIt() {
        var registered = Api.as("xiyang.clerk").post("/api/v1/households",
                WorkPlanFixture.SYNTHETIC.next(XIYANG_VILLAGE));
        String id = Api.json(registered).get("id").asString();
        String idNumber = Api.json(registered).at("/members/0/idNumber").asString();
        assertThat(idNumber).doesNotContain("*");
        for (String reader : List.of("auditor")) {
            JsonNode seen = Api.json(Api.as(reader).get("/api/v1/households/" + id));
            assertThat(seen.at("/members/0/idNumber").asString()).as(reader).contains("*").isNotEqualTo(idNumber);
            if (seen.hasNonNull("phone")) {
                assertThat(seen.get("phone").asString()).as(reader).contains("*");
            }
        }
    }

    @Test
    void aUserCannotChangeTheirOwnAreaThroughKeycloaksAccountApi() {
        Api clerk = Api.as("xiyang.clerk");
        String account = Stack.get().issuerUri() + "/account";
        var changed = HttpJson.post(account, clerk.token(), """
                {"username":"xiyang.clerk","attributes":{"area_code":["350481"]}}""");
        assertThat(changed).as("the account API refuses or ignores it").isNotEqualTo(204);
        String token = Api.as("xiyang.clerk").token();
        assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                .contains("\"area_code\":\"350481100201\"");
    }
}
