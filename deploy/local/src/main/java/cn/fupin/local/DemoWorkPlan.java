package cn.fupin.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.fupin.contracts.rules.WorkYear;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the local stack usable on any date: when the current year has no work plan yet, the city office (the
 * seeder's service account) publishes one with data entry open from today and the policy figures its template
 * proposes, and opens the whole county's write
 * functions with a stated reason, as the city office may. Both go through the gateway like any client's call.
 */
public final class DemoWorkPlan {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String gateway;
    private final AccessTokens tokens;

    DemoWorkPlan(HttpClient http, String gateway, AccessTokens tokens) {
        this.http = http;
        this.gateway = gateway;
        this.tokens = tokens;
    }

    /**
     * A schedule for trying the system on any day: field work and the written report lie behind, data entry runs
     * from today for three weeks (or to the year's end), the later phases share what remains of the year.
     */
    public static List<Map<String, Object>> schedule(LocalDate today) {
        LocalDate yearStart = today.withDayOfYear(1);
        LocalDate yearEnd = today.withMonth(12).withDayOfMonth(31);
        LocalDate reportDay = today.minusDays(1).isBefore(yearStart) ? yearStart : today.minusDays(1);
        LocalDate entryEnd = min(today.plusDays(20), yearEnd);
        List<Map<String, Object>> phases = new ArrayList<>();
        phases.add(phase("FIELD_WORK", yearStart, reportDay));
        phases.add(phase("REPORT_AND_FUNCTION_OPENING", reportDay, reportDay));
        phases.add(phase("DATA_ENTRY", today, entryEnd));
        LocalDate next = min(entryEnd.plusDays(1), yearEnd);
        for (String code : List.of("SELF_CHECK", "FIELD_VERIFICATION", "CORRECTION")) {
            LocalDate end = code.equals("CORRECTION") ? yearEnd : min(next.plusDays(6), yearEnd);
            phases.add(phase(code, next, end));
            next = min(end.plusDays(1), yearEnd);
        }
        phases.add(phase("SUMMARY", null, yearEnd));
        return phases;
    }

    /** Publishes the year's demo plan and opens the county, unless the year already has a plan. */
    void publishIfMissing(String county) throws IOException, InterruptedException {
        LocalDate today = LocalDate.now(WorkYear.ZONE);
        URI plan = URI.create(gateway + "/api/v1/work-plans/" + today.getYear());
        HttpResponse<String> existing = send(authorized(plan).GET().build());
        if (existing.statusCode() == 200) {
            Console.say("work plan: " + today.getYear() + " already published; left as it is");
            return;
        }
        HttpResponse<String> template = send(authorized(URI.create(plan + "/template")).GET().build());
        require(template, 200);
        Map<String, Object> policy = proposedPolicy(template.body());
        require(send(authorized(plan).header("Content-Type", "application/json")
                .PUT(body(Map.of("phases", schedule(today), "policy", policy))).build()), 200);
        require(send(authorized(URI.create(plan + "/windows")).header("Content-Type", "application/json")
                .POST(body(Map.of("action", "OPEN", "areaCode", county,
                        "reason", "本地演示环境：全市开通录入，数据录入阶段自今日起")))
                .build()), 201);
        Console.say("work plan: " + today.getYear() + " published with data entry from " + today + ", poverty line "
                + policy.get("povertyLine") + " × " + policy.get("monitoringLineFactor")
                + "; the county's functions are open");
    }

    /**
     * The policy figures a year's template proposes (the seed's, or the latest published year's), as the city office
     * confirms them when it publishes the plan: the demo does not invent figures of its own.
     */
    public static Map<String, Object> proposedPolicy(String templateJson) {
        JsonNode policy = JSON.readTree(templateJson).required("policy");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("povertyLine", policy.required("povertyLine").decimalValue());
        figures.put("monitoringLineFactor", policy.required("monitoringLineFactor").decimalValue());
        figures.put("publicityDaysMin", policy.required("publicityDaysMin").intValue());
        return figures;
    }

    private static Map<String, Object> phase(String code, LocalDate start, LocalDate end) {
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("code", code);
        phase.put("startDate", start == null ? null : start.toString());
        phase.put("endDate", end.toString());
        return phase;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private HttpRequest.Builder authorized(URI uri) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.get()).header("Accept", "application/json");
    }

    private static HttpRequest.BodyPublisher body(Object value) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void require(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }
}
