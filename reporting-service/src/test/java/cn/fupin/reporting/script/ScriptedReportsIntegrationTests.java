package cn.fupin.reporting.script;

import static cn.fupin.platform.testing.Tokens.as;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;

/**
 * A scripted year of one township, as household-service and review-service publish it, sent twice: the dynamic
 * adjustment, income, data-quality and progress reports show exactly the scripted numbers, and the second
 * delivery changes none of them.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class ScriptedReportsIntegrationTests extends ServiceTestSupport {

    static final String TOWNSHIP = "350481107";
    static final String VILLAGE_A = TOWNSHIP + "201";
    static final String VILLAGE_B = TOWNSHIP + "202";

    record Sent(String topic, String key, String value) {
    }

    final List<Sent> script = new ArrayList<>();

    void household(UUID id, long sequence, String name, String village, String data) {
        script.add(new Sent("household.events", id.toString(), """
                {"specversion":"1.0","id":"household:household:%1$s:%2$d","source":"/fupin/household-service",
                 "type":"fupin.household.%3$s.v1","subject":"%1$s","time":"2020-11-28T10:00:00Z",
                 "datacontenttype":"application/json","areacode":"%4$s","actor":"u1","correlationid":"c1",
                 "aggregatetype":"household","sequence":%2$d,"data":%5$s}"""
                .formatted(id, sequence, name, village, data)));
    }

    void review(UUID aggregate, long sequence, String name, String aggregateType, String data) {
        script.add(new Sent("review.events", aggregate.toString(), """
                {"specversion":"1.0","id":"review:%4$s:%1$s:%2$d","source":"/fupin/review-service",
                 "type":"fupin.review.%3$s.v1","subject":"%1$s","time":"2020-11-28T10:00:00Z",
                 "datacontenttype":"application/json","areacode":"350481","actor":"u1","correlationid":"c1",
                 "aggregatetype":"%4$s","sequence":%2$d,"data":%5$s}"""
                .formatted(aggregate, sequence, name, aggregateType, data)));
    }

    String state(UUID id, String village, String category, String status, int size) {
        return """
                {"householdId":"%s","category":"%s","status":"%s","divisionCode":"%s","size":%d,"members":[]}"""
                .formatted(id, category, status, village, size);
    }

    String statusChange(UUID id, String village, String status, int size) {
        return """
                {"householdId":"%s","divisionCode":"%s","category":"REGISTERED","previousStatus":"CANDIDATE",
                 "status":"%s","size":%d,"year":2020,"effectiveDate":"2020-11-20","caseId":"%s"}"""
                .formatted(id, village, status, size, UUID.randomUUID());
    }

    String income(UUID id, String village, String category, String status, int size, String perCapita) {
        return """
                {"householdId":"%s","divisionCode":"%s","category":"%s","status":"%s","year":2020,"size":%d,
                 "netIncome":"1.00","perCapitaIncome":"%s"}""".formatted(id, village, category, status, size, perCapita);
    }

    @Test
    void aScriptedYearGivesExactNumbersInEveryReportAndRedeliveryChangesNothing() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        household(a, 1, "HouseholdRegistered", VILLAGE_A, state(a, VILLAGE_A, "REGISTERED", "CANDIDATE", 4));
        household(a, 2, "HouseholdIdentified", VILLAGE_A, statusChange(a, VILLAGE_A, "POOR", 4));
        household(a, 3, "MemberAdded", VILLAGE_A, """
                {"householdId":"%s","divisionCode":"%s","category":"REGISTERED","status":"POOR","memberId":"%s",
                 "relation":"07","gender":"1","reason":"1","effectiveDate":"2020-07-07","size":5}"""
                .formatted(a, VILLAGE_A, UUID.randomUUID()));
        household(a, 4, "AnnualRecordSubmitted", VILLAGE_A, income(a, VILLAGE_A, "REGISTERED", "POOR", 5, "3500.00"));
        household(b, 1, "HouseholdRegistered", VILLAGE_B, state(b, VILLAGE_B, "REGISTERED", "POOR", 3));
        household(b, 2, "MemberRemoved", VILLAGE_B, """
                {"householdId":"%s","divisionCode":"%s","category":"REGISTERED","status":"POOR","memberId":"%s",
                 "relation":"02","gender":"2","reason":"1","effectiveDate":"2020-05-01","size":2}"""
                .formatted(b, VILLAGE_B, UUID.randomUUID()));
        household(b, 3, "AnnualRecordSubmitted", VILLAGE_B, income(b, VILLAGE_B, "REGISTERED", "POOR", 2, "7000.00"));
        household(b, 4, "HouseholdExited", VILLAGE_B, statusChange(b, VILLAGE_B, "EXITED", 2));
        household(c, 1, "HouseholdRegistered", VILLAGE_B, state(c, VILLAGE_B, "MARGINAL", "MARGINAL", 2));
        household(c, 2, "AnnualRecordSubmitted", VILLAGE_B, income(c, VILLAGE_B, "MARGINAL", "MARGINAL", 2, "5000.00"));
        UUID issue1 = UUID.randomUUID();
        UUID issue2 = UUID.randomUUID();
        household(c, 3, "DataIssueRaised", VILLAGE_B, """
                {"issueId":"%s","householdId":"%s","divisionCode":"%s","year":2020,"ruleCode":"one-head",
                 "severity":"FINDING","origin":"RULE","message":"户主人数不为一","status":"OPEN"}"""
                .formatted(issue1, c, VILLAGE_B));
        household(c, 4, "DataIssueRaised", VILLAGE_B, """
                {"issueId":"%s","householdId":"%s","divisionCode":"%s","year":2020,"ruleCode":"survey-2020-07",
                 "severity":"FINDING","origin":"IMPORT","message":"成效考核发现","status":"OPEN"}"""
                .formatted(issue2, c, VILLAGE_B));
        household(c, 5, "DataIssueResolved", VILLAGE_B, """
                {"issueId":"%s","householdId":"%s","divisionCode":"%s","year":2020,"ruleCode":"one-head",
                 "resolution":"CORRECTED","status":"CLOSED"}""".formatted(issue1, c, VILLAGE_B));
        UUID plan = UUID.randomUUID();
        review(plan, 1, "WorkPlanPublished", "work-plan", """
                {"workPlanId":"%s","year":2020,"areaCode":"350481","revision":1,"timezone":"Asia/Shanghai",
                 "closeAt":"2021-01-01T00:00:00+08:00","phases":[{"code":"DATA_ENTRY","name":"数据录入",
                 "startDate":"2020-10-28","endDate":"2020-11-20"}],"policy":{"povertyLine":"4000.00",
                 "monitoringLineFactor":"1.50","monitoringLine":"6000.00","publicityDaysMin":7}}""".formatted(plan));
        review(plan, 2, "FunctionsOpened", "work-plan", """
                {"workPlanId":"%s","year":2020,"areaCode":"%s","opensAt":"2020-10-28T00:00:00+08:00",
                 "reason":"REQUEST_APPROVED"}""".formatted(plan, TOWNSHIP));
        UUID case1 = UUID.randomUUID();
        UUID case2 = UUID.randomUUID();
        String opened = """
                {"caseId":"%s","caseType":"POVERTY_EXIT","subjectType":"HOUSEHOLD","subjectId":"%s","areaCode":"%s",
                 "year":2020,"stages":["VILLAGE","TOWNSHIP","CITY"],"currentStage":"VILLAGE"}""";
        review(case1, 1, "ReviewOpened", "review-case", opened.formatted(case1, a, VILLAGE_A));
        review(case1, 2, "ReviewStageDecided", "review-case", """
                {"caseId":"%s","caseType":"POVERTY_EXIT","subjectType":"HOUSEHOLD","subjectId":"%s","areaCode":"%s",
                 "year":2020,"stage":"VILLAGE","decision":"APPROVE","decidedBy":"u","decidedAt":"2020-11-21T00:00:00Z",
                 "nextStage":"TOWNSHIP"}""".formatted(case1, a, VILLAGE_A));
        review(case2, 1, "ReviewOpened", "review-case", opened.formatted(case2, c, VILLAGE_B));
        review(case2, 2, "ReviewStageDecided", "review-case", """
                {"caseId":"%s","caseType":"POVERTY_EXIT","subjectType":"HOUSEHOLD","subjectId":"%s","areaCode":"%s",
                 "year":2020,"stage":"VILLAGE","decision":"RETURN","decidedBy":"u","decidedAt":"2020-11-21T00:00:00Z",
                 "comment":"补充材料"}""".formatted(case2, c, VILLAGE_B));

        for (int round = 0; round < 2; round++) {
            script.forEach(sent -> kafka.send(sent.topic(), sent.key(), sent.value()));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from review_case_fact where case_id in (?, ?) and last_sequence = 2", Long.class,
                    case1, case2) == 2 && jdbc.queryForObject("select count(*) from data_issue_fact where issue_id = ?"
                            + " and status = 'CLOSED'", Long.class, issue1) == 1);
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
            expectExactNumbers();
        }
    }

    void expectExactNumbers() throws Exception {
        var city = as("city-officer", "350481");
        mvc.perform(get("/api/v1/reports/overview?areaCode=" + TOWNSHIP).with(city)).andExpect(status().isOk())
                .andExpect(jsonPath("$.households").value(3))
                .andExpect(jsonPath("$.poorVillages.households").value(2))
                .andExpect(jsonPath("$.poorVillages.persons").value(4))
                .andExpect(jsonPath("$.children[?(@.areaCode == '" + VILLAGE_B + "')].poorVillage").value(true))
                .andExpect(jsonPath("$.children[?(@.areaCode == '" + VILLAGE_A + "')].poorVillage").value(false));
        mvc.perform(get("/api/v1/reports/dynamic-adjustment?areaCode=" + TOWNSHIP + "&year=2020").with(city))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changes[?(@.code == 'IDENTIFIED')].households").value(1))
                .andExpect(jsonPath("$.changes[?(@.code == 'IDENTIFIED')].persons").value(4))
                .andExpect(jsonPath("$.changes[?(@.code == 'EXITED')].persons").value(2))
                .andExpect(jsonPath("$.changes[?(@.code == 'RETURNED')].households").value(0))
                .andExpect(jsonPath("$.memberIncreases[?(@.code == '1')].persons").value(1))
                .andExpect(jsonPath("$.memberIncreases[?(@.code == '1')].label").value("新生儿"))
                .andExpect(jsonPath("$.memberDecreases[?(@.code == '1')].persons").value(1))
                .andExpect(jsonPath("$.children[?(@.areaCode == '" + VILLAGE_B + "')].exited").value(1));
        mvc.perform(get("/api/v1/reports/income?areaCode=" + TOWNSHIP + "&year=2020").with(city))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.povertyLine").value("4000.00"))
                .andExpect(jsonPath("$.monitoringLine").value("6000.00"))
                .andExpect(jsonPath("$.households").value(3))
                .andExpect(jsonPath("$.bands[?(@.code == 'BELOW_LINE')].persons").value(5))
                .andExpect(jsonPath("$.bands[?(@.code == 'LINE_TO_MONITORING')].households").value(1))
                .andExpect(jsonPath("$.bands[?(@.code == 'MONITORING_TO_DOUBLE')].households").value(1))
                .andExpect(jsonPath("$.byCategory[?(@.code == 'REGISTERED')].averagePerCapita").value("5250.00"))
                .andExpect(jsonPath("$.children[?(@.areaCode == '" + VILLAGE_B + "')].belowMonitoringLine").value(1));
        mvc.perform(get("/api/v1/reports/data-quality?areaCode=" + TOWNSHIP).with(city))
                .andExpect(status().isOk()).andExpect(jsonPath("$.open").value(1)).andExpect(jsonPath("$.closed").value(1))
                .andExpect(jsonPath("$.rules[?(@.ruleCode == 'one-head')].ruleName").value("户主人数不为一"))
                .andExpect(jsonPath("$.rules[?(@.ruleCode == 'survey-2020-07')].open").value(1));
        mvc.perform(get("/api/v1/reports/progress?year=2020").with(as("township-officer", TOWNSHIP)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.planPublished").value(true))
                .andExpect(jsonPath("$.townships.length()").value(1))
                .andExpect(jsonPath("$.townships[0].townshipCode").value(TOWNSHIP))
                .andExpect(jsonPath("$.townships[0].functionsOpen").value(true))
                .andExpect(jsonPath("$.townships[0].households").value(3))
                .andExpect(jsonPath("$.townships[0].annualRecords").value(3))
                .andExpect(jsonPath("$.townships[0].reviewsPending.township").value(1))
                .andExpect(jsonPath("$.townships[0].reviewsPending.returned").value(1))
                .andExpect(jsonPath("$.townships[0].issuesOpen").value(1));
    }
}
