package cn.fupin.reporting.summary;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;

/**
 * A scripted 2021 of 罗坊乡 (its own township and year, so no other test's events count here), as household-,
 * monitoring- and review-service publish it: the written report, as PDF and as XLSX, states exactly the scripted
 * figures; the PDF carries its Chinese font; areas outside the caller's scope do not exist.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TownshipSummaryIntegrationTests extends ServiceTestSupport {

    static final String TOWNSHIP = "350481201";
    static final String LUOFANG = TOWNSHIP + "201";
    static final String JIKENG = TOWNSHIP + "202";
    static final String REPORT = "/api/v1/reports/township-summary/" + TOWNSHIP;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();
    final UUID c = UUID.randomUUID();
    final UUID followed = UUID.randomUUID();
    final UUID proposed = UUID.randomUUID();
    final UUID exitCase = UUID.randomUUID();
    final UUID identificationCase = UUID.randomUUID();
    final UUID openingCase = UUID.randomUUID();
    final UUID fixedIssue = UUID.randomUUID();

    @BeforeAll
    void aScriptedYear() {
        household(a, 1, "HouseholdRegistered", state(a, LUOFANG, "REGISTERED", "CANDIDATE", 4));
        household(a, 2, "HouseholdIdentified", statusChange(a, LUOFANG, "POOR", 4));
        household(a, 3, "MemberAdded", member(a, LUOFANG, "POOR", "07", "2021-07-07", 5));
        household(a, 4, "AnnualRecordSubmitted", income(a, LUOFANG, "REGISTERED", "POOR", 5, "3500.00"));
        household(b, 1, "HouseholdRegistered", state(b, JIKENG, "REGISTERED", "POOR", 3));
        household(b, 2, "MemberRemoved", member(b, JIKENG, "POOR", "02", "2021-05-01", 2));
        household(b, 3, "AnnualRecordSubmitted", income(b, JIKENG, "REGISTERED", "POOR", 2, "7000.00"));
        household(b, 4, "HouseholdExited", statusChange(b, JIKENG, "EXITED", 2));
        household(c, 1, "HouseholdRegistered", state(c, JIKENG, "MARGINAL", "MARGINAL", 2));
        household(c, 2, "AnnualRecordSubmitted", income(c, JIKENG, "MARGINAL", "MARGINAL", 2, "5000.00"));
        household(c, 3, "DataIssueRaised", issue(fixedIssue, "one-head", "\"status\":\"OPEN\""));
        household(c, 4, "DataIssueRaised", issue(UUID.randomUUID(), "survey-2021-07", "\"status\":\"OPEN\""));
        household(c, 5, "DataIssueResolved", issue(fixedIssue, "one-head", "\"resolution\":\"CORRECTED\","
                + "\"status\":\"CLOSED\""));
        monitoring(followed, 1, "MonitoringObjectProposed", c, "MARGINAL", "PROPOSED", "[\"01\",\"07\"]");
        monitoring(followed, 2, "MonitoringObjectIdentified", c, "MARGINAL", "MONITORED", "[\"01\",\"07\"]");
        monitoring(followed, 3, "AssistanceRecorded", c, "MARGINAL", "MONITORED", "null");
        monitoring(proposed, 1, "MonitoringObjectProposed", b, "UNSTABLE_EXITED", "PROPOSED", "[\"03\"]");
        UUID plan = UUID.randomUUID();
        review(plan, 1, "WorkPlanPublished", "work-plan", """
                {"workPlanId":"%s","year":2021,"areaCode":"350481","revision":1,"timezone":"Asia/Shanghai",
                 "closeAt":"2022-01-01T00:00:00+08:00","phases":[
                 {"code":"REPORT_AND_FUNCTION_OPENING","name":"书面报告","startDate":"2021-10-26","endDate":"2021-10-27"},
                 {"code":"SUMMARY","name":"工作总结","startDate":"2021-12-21","endDate":"2021-12-31"}],
                 "policy":{"povertyLine":"4000.00","monitoringLineFactor":"1.50","monitoringLine":"6000.00",
                 "publicityDaysMin":7}}""".formatted(plan));
        review(plan, 2, "FunctionsOpened", "work-plan", """
                {"workPlanId":"%s","year":2021,"areaCode":"%s","opensAt":"2021-10-28T00:00:00+08:00",
                 "reason":"REQUEST_APPROVED"}""".formatted(plan, TOWNSHIP));
        opened(exitCase, "POVERTY_EXIT", a, LUOFANG);
        decided(exitCase, "POVERTY_EXIT", a, LUOFANG, "APPROVE", "\"nextStage\":\"TOWNSHIP\"");
        opened(identificationCase, "NEW_IDENTIFICATION", c, JIKENG);
        decided(identificationCase, "NEW_IDENTIFICATION", c, JIKENG, "RETURN", "\"comment\":\"补充材料\"");
        opened(openingCase, "FUNCTION_OPENING", UUID.randomUUID(), TOWNSHIP);
        review(openingCase, 2, "ReviewApproved", "review-case", """
                {"caseId":"%s","caseType":"FUNCTION_OPENING","subjectType":"FUNCTION_REQUEST","subjectId":"%s",
                 "areaCode":"%s","year":2021}""".formatted(openingCase, UUID.randomUUID(), TOWNSHIP));
        await().atMost(Duration.ofSeconds(30)).until(this::everythingApplied);
    }

    @Test
    void theCompletionReportPdfStatesTheScriptedFiguresInChineseWithItsFontEmbedded() throws Exception {
        byte[] bytes = mvc.perform(get(REPORT + ".pdf?year=2021&kind=COMPLETION").with(as("city-officer", "350481")))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''"
                        + java.net.URLEncoder.encode("罗坊乡2021年工作完成情况报告.pdf", "UTF-8"))))
                .andReturn().getResponse().getContentAsByteArray();

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            String prose = text.replaceAll("\\s+", "");
            assertThat(prose).contains("罗坊乡2021年扶贫对象动态管理和信息采集工作完成情况报告", "乡镇：罗坊乡（350481201）",
                    "应于2021年10月27日前书面报告完成情况", "全乡镇现有扶贫对象3户9人，其中建档立卡户2户7人，边缘易致贫户1户2人",
                    "2021年新识别贫困户1户4人，脱贫退出1户2人，返贫0户0人，清退0户0人",
                    "家庭成员自然增加1人，自然减少1人", "扶贫标准为人均纯收入4000.00元，监测线为6000.00元",
                    "人均纯收入低于扶贫标准的1户5人，介于扶贫标准与监测线之间的1户2人，达到监测线及以上的1户2人",
                    "2021年监测对象2户，其中脱贫不稳定户1户、边缘易致贫户1户；已提出待审核1户，风险已消除0户，风险未消除1户；"
                            + "已识别的监测对象中有帮扶措施的1户",
                    "2021年审核案件3件：审核中1件（其中村级评议公示0件、乡镇审核1件、市扶贫办复核备案0件），退回修改1件，审核通过1件，"
                            + "未通过0件",
                    "2021年问题数据2条，已整改销号1条，未销号1条，整改销号率50.0%", "系统功能：已开通（申请获批）",
                    "已录入2021年度收入和生产生活条件信息3户，占现有扶贫对象3户的100.0%");
            assertThat(text).contains("建档立卡户 2 7", "已脱贫 1 2", "新生儿 1", "死亡 1", "因大病 1", "因灾 1", "因就业不稳 1",
                    "户主人数不为一 0 1", "survey-2021-07 1 0", "新识别 0 1 0 0 1", "系统功能开通 0 0 1 0 1",
                    "平均人均纯收入", "5250.00", "罗坊村 1 5 1 0 0 0 1 0 0 1 0 0", "吉坑村 2 4 0 1 0 0 0 1 2 0 1 1",
                    "合计 3 9 1 1 0 0 1 1 2 1 1 1");
            pdf.getPages().forEach(page -> page.getResources().getFontNames().forEach(name -> {
                try {
                    PDType0Font font = (PDType0Font) page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).isTrue();
                    assertThat(font.getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
                    assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC-(Regular|Bold)");
                }
                catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            }));
        }
    }

    @Test
    void theSummaryWorkbookHasTheSameFiguresAsNumbers() throws Exception {
        byte[] bytes = mvc.perform(get(REPORT + ".xlsx?year=2021&kind=SUMMARY")
                .with(as("township-officer", TOWNSHIP))).andExpect(status().isOk())
                .andExpect(content().contentType(XLSX))
                .andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(workbook.getSheet("报告").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("罗坊乡2021年扶贫对象动态管理和信息采集工作总结");
            Sheet villages = workbook.getSheet("八、分村情况");
            assertThat(figures(villages.getRow(2))).isEqualTo("罗坊村 1 5 1 0 0 0 1 0 0 1 0 0");
            assertThat(figures(villages.getRow(3))).isEqualTo("吉坑村 2 4 0 1 0 0 0 1 2 0 1 1");
            Sheet income = workbook.getSheet("三、收入情况");
            assertThat(income.getRow(8).getCell(0).getStringCellValue()).isEqualTo("建档立卡户");
            assertThat(income.getRow(8).getCell(1).getNumericCellValue()).isEqualTo(5250.0);
        }
    }

    @Test
    void aTownshipOutsideTheCallersAreaOrNoTownshipAtAllIsNotFound() throws Exception {
        mvc.perform(get(REPORT + ".pdf?year=2021&kind=SUMMARY").with(as("township-officer", "350481107")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not-found"));
        mvc.perform(get(REPORT + ".xlsx?year=2021&kind=SUMMARY").accept(XLSX)
                .with(as("township-officer", "350481107"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports/township-summary/350481999.pdf?year=2021&kind=SUMMARY")
                .with(as("city-officer", "350481"))).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsRefusedWithTheFieldsAtFault() throws Exception {
        var city = as("city-officer", "350481");
        mvc.perform(get(REPORT + ".pdf?year=2021&kind=DRAFT").with(city)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(get(REPORT + ".pdf?kind=SUMMARY").with(city)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
        mvc.perform(get(REPORT + ".pdf?year=1999&kind=SUMMARY").with(city)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("year"))
                .andExpect(jsonPath("$.errors[0].message").value("不能小于 2014"));
        mvc.perform(get("/api/v1/reports/township-summary/350481.xlsx?year=2021&kind=SUMMARY").with(city))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("areaCode"));
        mvc.perform(get(REPORT + ".pdf?year=2021&kind=SUMMARY").with(as("village-clerk", LUOFANG)))
                .andExpect(status().isForbidden());
    }

    private static String figures(Row row) {
        StringBuilder line = new StringBuilder(row.getCell(0).getStringCellValue());
        for (int c = 1; c < row.getLastCellNum(); c++) {
            line.append(' ').append((long) row.getCell(c).getNumericCellValue());
        }
        return line.toString();
    }

    private boolean everythingApplied() {
        return count("select count(*) from household_fact where household_id in (?, ?, ?) and last_sequence = case"
                + " household_id when ? then 2 else 4 end", a, b, c, c) == 3
                && count("select count(*) from household_change where division_code like ?", TOWNSHIP + "%") == 4
                && count("select count(*) from annual_income where year = 2021 and division_code like ?",
                        TOWNSHIP + "%") == 3
                && count("select count(*) from data_issue_fact where issue_id = ? and status = 'CLOSED'",
                        fixedIssue) == 1
                && count("select count(*) from data_issue_fact where division_code like ?", TOWNSHIP + "%") == 2
                && count("select count(*) from monitoring_fact where object_id in (?, ?) and last_sequence = case"
                        + " object_id when ? then 3 else 1 end", followed, proposed, followed) == 2
                && count("select count(*) from review_case_fact where case_id in (?, ?, ?) and last_sequence = 2",
                        exitCase, identificationCase, openingCase) == 3
                && count("select count(*) from function_window_fact where area_code = ?", TOWNSHIP) == 1
                && count("select count(*) from work_plan_fact where year = ?", 2021) == 1;
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private void household(UUID id, long sequence, String name, String data) {
        String village = data.contains(LUOFANG) ? LUOFANG : JIKENG;
        kafka.send("household.events", id.toString(), """
                {"specversion":"1.0","id":"household:household:%1$s:%2$d","source":"/fupin/household-service",
                 "type":"fupin.household.%3$s.v1","subject":"%1$s","time":"2021-11-28T10:00:00Z",
                 "datacontenttype":"application/json","areacode":"%4$s","actor":"u1","correlationid":"c1",
                 "aggregatetype":"household","sequence":%2$d,"data":%5$s}"""
                .formatted(id, sequence, name, village, data));
    }

    private void monitoring(UUID object, long sequence, String name, UUID household, String type, String status,
            String risks) {
        kafka.send("monitoring.events", object.toString(), """
                {"specversion":"1.0","id":"monitoring:monitoring-object:%1$s:%2$d","source":"/fupin/monitoring-service",
                 "type":"fupin.monitoring.%3$s.v1","subject":"%1$s","time":"2021-11-28T10:00:00Z",
                 "datacontenttype":"application/json","areacode":"%4$s","actor":"u1","correlationid":"c1",
                 "aggregatetype":"monitoring-object","sequence":%2$d,
                 "data":{"monitoringObjectId":"%1$s","objectType":"%5$s","householdId":"%6$s","divisionCode":"%4$s",
                  "year":2021,"status":"%7$s","risks":%8$s}}"""
                .formatted(object, sequence, name, JIKENG, type, household, status, risks));
    }

    private void review(UUID aggregate, long sequence, String name, String aggregateType, String data) {
        kafka.send("review.events", aggregate.toString(), """
                {"specversion":"1.0","id":"review:%4$s:%1$s:%2$d","source":"/fupin/review-service",
                 "type":"fupin.review.%3$s.v1","subject":"%1$s","time":"2021-11-28T10:00:00Z",
                 "datacontenttype":"application/json","areacode":"350481","actor":"u1","correlationid":"c1",
                 "aggregatetype":"%4$s","sequence":%2$d,"data":%5$s}"""
                .formatted(aggregate, sequence, name, aggregateType, data));
    }

    private void opened(UUID id, String type, UUID subject, String area) {
        review(id, 1, "ReviewOpened", "review-case", """
                {"caseId":"%s","caseType":"%s","subjectType":"HOUSEHOLD","subjectId":"%s","areaCode":"%s",
                 "year":2021,"stages":["VILLAGE","TOWNSHIP","CITY"],"currentStage":"VILLAGE"}"""
                .formatted(id, type, subject, area));
    }

    private void decided(UUID id, String type, UUID subject, String area, String decision, String extra) {
        review(id, 2, "ReviewStageDecided", "review-case", """
                {"caseId":"%s","caseType":"%s","subjectType":"HOUSEHOLD","subjectId":"%s","areaCode":"%s",
                 "year":2021,"stage":"VILLAGE","decision":"%s","decidedBy":"u","decidedAt":"2021-11-21T00:00:00Z",
                 %s}""".formatted(id, type, subject, area, decision, extra));
    }

    private String state(UUID id, String village, String category, String status, int size) {
        return """
                {"householdId":"%s","category":"%s","status":"%s","divisionCode":"%s","size":%d,"members":[]}"""
                .formatted(id, category, status, village, size);
    }

    private String statusChange(UUID id, String village, String status, int size) {
        return """
                {"householdId":"%s","divisionCode":"%s","category":"REGISTERED","previousStatus":"CANDIDATE",
                 "status":"%s","size":%d,"year":2021,"effectiveDate":"2021-11-20","caseId":"%s"}"""
                .formatted(id, village, status, size, UUID.randomUUID());
    }

    /** Form 2 reason 1 (newborn) for relation 07, form 3 reason 1 (death) for relation 02. */
    private String member(UUID id, String village, String status, String relation, String date, int size) {
        return """
                {"householdId":"%s","divisionCode":"%s","category":"REGISTERED","status":"%s","memberId":"%s",
                 "relation":"%s","gender":"1","reason":"1","effectiveDate":"%s","size":%d}"""
                .formatted(id, village, status, UUID.randomUUID(), relation, date, size);
    }

    private String income(UUID id, String village, String category, String status, int size, String perCapita) {
        return """
                {"householdId":"%s","divisionCode":"%s","category":"%s","status":"%s","year":2021,"size":%d,
                 "netIncome":"1.00","perCapitaIncome":"%s"}"""
                .formatted(id, village, category, status, size, perCapita);
    }

    private String issue(UUID id, String rule, String tail) {
        return """
                {"issueId":"%s","householdId":"%s","divisionCode":"%s","year":2021,"ruleCode":"%s",
                 "severity":"FINDING","origin":"RULE","message":"问题",%s}""".formatted(id, c, JIKENG, rule, tail);
    }
}
