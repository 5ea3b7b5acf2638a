package cn.fupin.household.imports;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.events.EventSchemas;
import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import cn.fupin.platform.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * Forms 1–4 both ways, as a village clerk and a township officer use them: the blank template downloaded, filled in
 * Excel (text and Excel dates, full-width digits, a lower-case x check digit, merged household cells) or as a GBK
 * CSV, imported as a job and read back by its id; every bad row named by sheet, row, column and indicator; all or
 * nothing unless asked; the same file twice making nothing twice; a village of another township out of reach.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class FormImportIntegrationTests extends ServiceTestSupport {

    static final DivisionTree DIVISIONS = DivisionTree.ofCounty("350481");
    static final Codebook CODEBOOK = Codebook.forYear(2020);
    static final DivisionTree.Division TOWNSHIP = DIVISIONS.root().children().get(1);
    static final String VILLAGE = TOWNSHIP.children().get(0).code();
    static final String OTHER_TOWNSHIPS_VILLAGE = DIVISIONS.root().children().get(2).children().get(0).code();
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void theBlankForm1HasTheFormsHeaderDropDownsOfTheCodebookAndItsNotes() throws Exception {
        try (XSSFWorkbook template = template(1)) {
            XSSFSheet form = template.getSheetAt(0);
            assertThat(form.getRow(0).getCell(0).getStringCellValue()).isEqualTo("附件1  新识别贫困户信息采集表");
            assertThat(form.getRow(1).getCell(0).getStringCellValue()).contains(TOWNSHIP.name(), VILLAGE);
            List<String> headers = headers(form);
            assertThat(headers).contains("户序号", "A23 识别标准", "A27a 主要致贫原因", "A1 姓名", "A4 证件号码",
                    "A5 与户主关系", "A51 是否接受医疗救助");
            DataValidation gender = form.getDataValidations().stream().filter(validation -> validation.getRegions()
                    .getCellRangeAddress(0).getFirstColumn() == headers.indexOf("A2 性别")).findFirst().orElseThrow();
            assertThat(gender.getValidationConstraint().getFormula1()).isEqualTo("L_A2_gender");
            Sheet lists = template.getSheet("代码表");
            assertThat(template.getSheetVisibility(template.getSheetIndex(lists))).isEqualTo(SheetVisibility.VERY_HIDDEN);
            AreaReference genders = new AreaReference(template.getName("L_A2_gender").getRefersToFormula(),
                    SpreadsheetVersion.EXCEL2007);
            assertThat(genders.getFirstCell().getSheetName()).isEqualTo("代码表");
            List<String> labels = new ArrayList<>();
            for (CellReference cell : genders.getAllReferencedCells()) {
                labels.add(lists.getRow(cell.getRow()).getCell(cell.getCol()).getStringCellValue());
            }
            assertThat(labels).containsExactlyElementsOf(CODEBOOK.list("A2_gender").options().values());
            CellStyle idColumn = form.getColumnStyle(headers.indexOf("A4 证件号码"));
            assertThat(idColumn.getDataFormatString()).as("ID numbers typed as text").isEqualTo("@");
            String notes = text(template.getSheet("填表说明"));
            assertThat(notes).contains("同一户的各成员行填同一户序号", "01 汉族", "A27a 主要致贫原因");
        }
        try (XSSFWorkbook decreases = template(3)) {
            assertThat(text(decreases.getSheet("填表说明"))).contains("（8）分散供养转集中供养");
            assertThat(headers(decreases.getSheetAt(0))).containsExactly("户主姓名", "户主证件号码", "减少家庭成员姓名",
                    "减少家庭成员证件号码", "减少原因", "减少日期");
        }
    }

    @Test
    void aFilledForm1RegistersItsHouseholdsAndTheSameFileAgainMakesNothingTwice() throws Exception {
        String head = id(1960, 1);
        String wife = id(1962, 2);
        String single = idEndingInX();
        byte[] file;
        try (XSSFWorkbook template = template(1)) {
            Filler form = new Filler(template);
            form.row(Map.of("户序号", "1", "自然村", "上坪", "联系电话", "13859012345", "A23 识别标准", "国家",
                    "A27a 主要致贫原因", "因病", "A27b 次要致贫原因", "09", "申请日期", "2020年7月1日"),
                    member("张大山", fullWidth(head), "户主", "汉族"));
            form.excelDate("出生日期", LocalDate.parse(birth(head)));
            form.row(Map.of(), member("李秀英", wife, "配偶", "汉"));
            form.merge("户序号", 2);
            form.row(Map.of("户序号", "2", "A27a 主要致贫原因", "缺劳动力"), member("王五", single.toLowerCase(), "户主",
                    "01"));
            file = form.bytes();
        }

        JsonNode done = run(file, XLSX, 1, "village-clerk", VILLAGE, false);

        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("kind").asString()).isEqualTo("FORM_1");
        assertThat(done.get("errors")).isEmpty();
        assertThat(done.at("/households/created").asInt()).isEqualTo(2);
        assertThat(done.get("rowsDone").asInt()).isEqualTo(6);
        JsonNode family = household(head);
        assertThat(family.get("category").asString()).isEqualTo("REGISTERED");
        assertThat(family.at("/address/divisionCode").asString()).isEqualTo(VILLAGE);
        assertThat(family.at("/address/naturalVillage").asString()).isEqualTo("上坪");
        assertThat(family.get("causes").toString()).isEqualTo("[\"01\",\"09\"]");
        assertThat(family.get("members")).hasSize(2);
        assertThat(household(single).get("members")).hasSize(1);
        long households = jdbc.queryForObject("select count(*) from household", Long.class);

        String importId = done.get("id").asString();
        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> progress(probe, importId).stream()
                    .anyMatch(event -> event.at("/data/state").asString().equals("SUCCEEDED")));
            List<JsonNode> progress = progress(probe, importId);
            assertThat(progress).extracting(event -> event.at("/data/state").asString())
                    .containsExactly("RUNNING", "SUCCEEDED");
            assertThat(progress.getLast().at("/data/households/created").asInt()).isEqualTo(2);
            assertThat(progress.getLast().get("areacode").asString()).isEqualTo(VILLAGE);
            probe.poll().stream().filter(record -> record.value().contains(importId)).forEach(record ->
                    assertThat(new EventSchemas().violations(record.value())).isEmpty());
            assertThat(probe.poll().stream().map(record -> json.readTree(record.value()))
                    .filter(event -> event.get("type").asString().endsWith(".HouseholdRegistered.v1"))
                    .filter(event -> event.get("correlationid").asString().equals(importId)))
                    .as("each registration's event names the import as its source").hasSize(2);
        }

        JsonNode again = run(file, XLSX, 1, "village-clerk", VILLAGE, false);
        assertThat(again.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(again.at("/households/created").asInt()).isZero();
        assertThat(again.at("/households/unchanged").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from household", Long.class)).isEqualTo(households);
    }

    @Test
    void form1CarriesTheHouseholdsYearAndHelpersAndARefusedHelperKeepsNoneOfTheHousehold() throws Exception {
        try (XSSFWorkbook template = template(1)) {
            List<String> headers = headers(template.getSheetAt(0));
            assertThat(headers).contains("A28 工资性收入（元）", "A29a 计划生育金（元）", "A37 入户路类型", "A48 是否通广播电视",
                    "帮扶责任人姓名", "帮扶单位", "帮扶开始时间");
            assertThat(headers.indexOf("A28 工资性收入（元）")).as("after the members' columns")
                    .isGreaterThan(headers.indexOf("A51 是否接受医疗救助"));
            assertThat(template.getSheetAt(0).getDataValidations()).anyMatch(validation -> validation.getRegions()
                    .getCellRangeAddress(0).getFirstColumn() == headers.indexOf("A37 入户路类型")
                    && validation.getValidationConstraint().getFormula1().equals("L_A37_road_type"));
        }
        try (XSSFWorkbook marginal = template(4)) {
            assertThat(headers(marginal.getSheetAt(0))).contains("A28 工资性收入（元）", "A44 是否解决安全饮用水")
                    .doesNotContain("帮扶责任人姓名");
        }
        String head = id(1958, 7);
        String son = id(1985, 8);
        String refusedHead = id(1961, 9);
        Filler form = new Filler(template(1));
        Map<String, String> year = new java.util.HashMap<>(Map.of("户序号", "1", "A27a 主要致贫原因", "因病",
                "A28 工资性收入（元）", "12,000元", "A29 转移性收入（元）", "1800", "A29b 低保金（元）", "1800",
                "A32 生产经营性支出（元）", "500", "A33 耕地面积（亩）", "2.5亩", "A37 入户路类型", "水泥路",
                "A40 危房等级", "B级", "A44 是否解决安全饮用水", "是"));
        year.putAll(Map.of("帮扶责任人姓名", "林正", "帮扶责任人性别", "男", "帮扶责任人政治面貌", "中共党员",
                "帮扶单位", "市扶贫办", "帮扶开始时间", "2020-10-12", "帮扶责任人联系电话", "13900000001"));
        form.row(year, member("陈福", head, "户主", "汉族"));
        form.row(Map.of(), member("陈安", son, "之子", "汉族"));
        form.row(Map.of("帮扶责任人姓名", "黄英", "帮扶责任人性别", "女", "帮扶单位", "镇农业站", "帮扶开始时间", "2020年10月12日"),
                Map.of());
        form.row(Map.of("户序号", "2", "A27a 主要致贫原因", "缺资金", "帮扶责任人姓名", "郑强", "帮扶责任人性别", "男",
                "帮扶开始时间", "2020-10-12"), member("吴德", refusedHead, "户主", "汉族"));

        byte[] file = form.bytes();

        JsonNode rejected = run(file, XLSX, 1, "village-clerk", VILLAGE, false);

        assertThat(rejected.get("state").asString()).as(rejected.toString()).isEqualTo("REJECTED");
        assertThat(errors(rejected)).singleElement().asString().startsWith("新识别贫困户/7/帮扶单位/")
                .endsWith("/帮扶责任人须有帮扶单位");
        assertThat(holders(head)).as("all or nothing").isEmpty();

        JsonNode partial = run(file, XLSX, 1, "village-clerk", VILLAGE, true);

        assertThat(partial.at("/households/created").asInt()).as(partial.toString()).isEqualTo(1);
        assertThat(partial.at("/households/rejected").asInt()).isEqualTo(1);
        assertThat(holders(refusedHead)).as("the refused helper keeps none of its household").isEmpty();
        JsonNode family = household(head);
        assertThat(family.get("members")).hasSize(2);
        assertThat(family.get("helpers")).extracting(helper -> helper.get("name").asString() + "/"
                + helper.get("gender").asString() + "/" + helper.get("unit").asString())
                .containsExactly("林正/1/市扶贫办", "黄英/2/镇农业站");
        int workYear = cn.fupin.contracts.rules.WorkYear.of(java.time.Clock.systemUTC());
        JsonNode record = json.readTree(mvc.perform(get("/api/v1/households/" + family.get("id").asString()
                + "/annual-records/" + workYear).with(as("city-officer", "350481"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(record.at("/income/wageIncome").decimalValue()).isEqualByComparingTo("12000");
        assertThat(record.at("/income/minimumLivingAllowance").decimalValue()).isEqualByComparingTo("1800");
        assertThat(record.at("/conditions/cultivatedLand").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(record.at("/conditions/roadType").asString()).isEqualTo("03");
        assertThat(record.at("/conditions/dangerousHouseGrade").asString()).isEqualTo("2");
        assertThat(record.at("/perCapitaIncome").decimalValue()).as("(12,000 + 1,800 − 500) ÷ 2")
                .isEqualByComparingTo("6650");
    }

    @Test
    void form4sRisksGoWithTheHouseholdsRegistrationToMonitoringAndABadRiskIsNamed() throws Exception {
        try (XSSFWorkbook template = template(4)) {
            List<String> headers = headers(template.getSheetAt(0));
            assertThat(headers).containsSubsequence("A51 是否接受医疗救助", "A52a 致贫风险1", "A52b 致贫风险2",
                    "A52c 致贫风险3", "A28 工资性收入（元）");
            assertThat(template.getSheetAt(0).getDataValidations()).anyMatch(validation -> validation.getRegions()
                    .getCellRangeAddress(0).getFirstColumn() == headers.indexOf("A52b 致贫风险2")
                    && validation.getValidationConstraint().getFormula1().equals("L_A52_risk"));
        }
        String declared = id(1975, 12);
        String badRisk = id(1976, 13);
        Filler form = new Filler(template(4));
        form.row(Map.of("户序号", "1", "A52a 致贫风险1", "因大病", "A52b 致贫风险2", "07"), member("林秀", declared, "户主", "汉族"));
        form.row(Map.of("户序号", "2", "A52a 致贫风险1", "因懒"), member("郑和", badRisk, "户主", "汉族"));

        JsonNode done;
        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            done = run(form.bytes(), XLSX, 4, "village-clerk", VILLAGE, true);
            String householdId = household(declared).get("id").asString();
            JsonNode registered = json.readTree(probe.awaitEvent(householdId, "HouseholdRegistered"));
            assertThat(registered.at("/data/risks").toString()).isEqualTo("[\"01\",\"07\"]");
            assertThat(new EventSchemas().violations(registered.toString())).isEmpty();
        }
        assertThat(done.at("/households/created").asInt()).as(done.toString()).isEqualTo(1);
        assertThat(errors(done)).singleElement().asString().startsWith("边缘易致贫户/5/A52a 致贫风险1/")
                .endsWith("/A52a/不是代码表中的代码或名称：因懒");

        mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
                        {"category":"REGISTERED","address":{"divisionCode":"%s"},"causes":["01"],"risks":["01"],
                         "members":[{"name":"钱多","gender":"%s","idType":"01","idNumber":"%s","relation":"01"}]}"""
                        .formatted(VILLAGE, "1".equals(ResidentId.parse(id(1980, 14)).orElseThrow().genderCode())
                                ? "1" : "2", id(1980, 14))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[?(@.field == 'risks')].message")
                        .value("致贫风险（A52）只适用于边缘易致贫户（表 4）"));
    }

    @Test
    void everyBadRowIsNamedAndNothingIsKeptUnlessTheGoodRowsAreAskedFor() throws Exception {
        String registered = id(1955, 3);
        try (XSSFWorkbook template = template(4)) {
            Filler form = new Filler(template);
            form.row(Map.of("户序号", "1"), member("赵一", registered, "户主", "汉族"));
            assertThat(run(form.bytes(), XLSX, 4, "village-clerk", VILLAGE, false).get("state").asString())
                    .isEqualTo("SUCCEEDED");
        }
        String good = id(1970, 4);
        String twice = id(1971, 5);
        String noRelation = id(1972, 6);
        Filler form = new Filler(template(4));
        form.row(Map.of("户序号", "1"), member("钱二", good, "户主", "汉族"));
        form.row(Map.of("户序号", "2"), member("孙三", twice, "户主", "汉族"));
        form.row(Map.of(), member("孙四", twice, "之子", "汉族"));
        form.row(Map.of("户序号", "3"), member("周五", registered, "户主", "汉族"));
        form.row(Map.of("户序号", "4"), Map.of("A1 姓名", "吴六", "A2 性别", "男人", "A4 证件号码", noRelation,
                "A5 与户主关系", "", "A6 民族", "汉族"));
        byte[] file = form.bytes();

        JsonNode rejected = run(file, XLSX, 4, "village-clerk", VILLAGE, false);

        assertThat(rejected.get("state").asString()).isEqualTo("REJECTED");
        assertThat(rejected.at("/households/created").asInt()).isZero();
        assertThat(rejected.at("/households/rejected").asInt()).isEqualTo(3);
        assertThat(errors(rejected)).containsExactlyInAnyOrder(
                "边缘易致贫户/6/A4 证件号码/J6/A4/证件号码在文件中重复（第 5 行已有）",
                "边缘易致贫户/7/A4 证件号码/J7/A4/证件号码已属于登记在册的另一名成员 (A4)",
                "边缘易致贫户/8/A2 性别/H8/A2/不是代码表中的代码或名称：男人",
                "边缘易致贫户/8/A5 与户主关系/K8/A5/必填");
        assertThat(holders(good)).as("all or nothing").isEmpty();

        JsonNode partial = run(file, XLSX, 4, "village-clerk", VILLAGE, true);
        assertThat(partial.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(partial.at("/households/created").asInt()).isEqualTo(1);
        assertThat(partial.at("/households/rejected").asInt()).isEqualTo(3);
        assertThat(partial.get("errorCount").asInt()).isEqualTo(4);
        assertThat(household(good).get("category").asString()).isEqualTo("MARGINAL");
        assertThat(holders(twice)).isEmpty();
    }

    @Test
    void form2AddsMembersByTheHeadsIdNumberAndForm3RemovesThemFromAGbkCsv() throws Exception {
        String head = id(1965, 7);
        Filler registration = new Filler(template(1));
        registration.row(Map.of("户序号", "1", "A27a 主要致贫原因", "因病"), member("郑七", head, "户主", "汉族"));
        assertThat(run(registration.bytes(), XLSX, 1, "village-clerk", VILLAGE, false).at("/households/created")
                .asInt()).isEqualTo(1);
        String baby = id(2020, 8);
        Filler increases = new Filler(template(2));
        increases.row(Map.of("户主姓名", "郑七", "户主证件号码", head, "增加原因", "新生儿", "增加日期", "2021-01-05"),
                member("郑小八", baby, "之子", "汉族"));
        increases.row(Map.of("户主证件号码", id(1966, 9), "增加原因", "1", "增加日期", "2021-01-05"),
                member("无户", id(2019, 10), "之子", "汉族"));
        byte[] file = increases.bytes();

        JsonNode added = run(file, XLSX, 2, "village-clerk", VILLAGE, true);

        assertThat(added.at("/households/updated").asInt()).isEqualTo(1);
        assertThat(added.at("/households/rejected").asInt()).isEqualTo(1);
        assertThat(errors(added)).singleElement().asString().startsWith("自然增加/5/户主证件号码/B5//")
                .endsWith("的扶贫对象户");
        assertThat(household(head).get("members")).hasSize(2);
        assertThat(run(file, XLSX, 2, "village-clerk", VILLAGE, true).at("/households/unchanged").asInt())
                .isEqualTo(1);
        assertThat(household(head).get("members")).hasSize(2);

        Charset gbk = Charset.forName("GB18030");
        byte[] decreases = ("户主姓名,户主证件号码,减少家庭成员姓名,减少家庭成员证件号码,减少原因,减少日期\n"
                + "郑七," + head + ",郑小八," + baby + ",死亡,2021-02-01\n").getBytes(gbk);
        JsonNode removed = run(decreases, "text/csv", 3, "township-officer", TOWNSHIP.code(), VILLAGE, false);
        assertThat(removed.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(removed.at("/households/updated").asInt()).isEqualTo(1);
        assertThat(holders(baby)).isEmpty();
        assertThat(run(decreases, "text/csv", 3, "township-officer", TOWNSHIP.code(), VILLAGE, false)
                .at("/households/unchanged").asInt()).isEqualTo(1);
    }

    @Test
    void anOfficerImportsForAVillageOfTheirTownshipAndNoOther() throws Exception {
        byte[] file = new Filler(template(1)).bytes();
        mvc.perform(post("/api/v1/imports/forms/1?village=" + OTHER_TOWNSHIPS_VILLAGE)
                .with(as("township-officer", TOWNSHIP.code())).contentType(XLSX).content(file))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/forms/1/template.xlsx?village=" + OTHER_TOWNSHIPS_VILLAGE)
                .with(as("township-officer", TOWNSHIP.code()))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/imports/forms/1?village=" + TOWNSHIP.code() + "999")
                .with(as("township-officer", TOWNSHIP.code())).contentType(XLSX).content(file))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/imports/forms/5?village=" + VILLAGE).with(as("township-officer", TOWNSHIP.code()))
                .contentType(XLSX).content(file))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("form"));
        mvc.perform(post("/api/v1/imports/forms/1").with(as("township-officer", TOWNSHIP.code()))
                .contentType(XLSX).content(file))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("village"));
        JsonNode empty = run(file, XLSX, 1, "township-officer", TOWNSHIP.code(), VILLAGE, false);
        assertThat(empty.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(empty.get("areaCode").asString()).isEqualTo(VILLAGE);
        byte[] wrongForm = new Filler(template(3)).bytes();
        JsonNode failed = run(wrongForm, XLSX, 1, "township-officer", TOWNSHIP.code(), VILLAGE, false);
        assertThat(failed.get("state").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failure").asString()).contains("附件1新识别贫困户信息采集表");
    }

    // --- the clerk's side: a template filled in Excel

    /** Fills the template's first sheet under its header, by header. */
    private static final class Filler {

        private final XSSFWorkbook workbook;
        private final Sheet sheet;
        private final List<String> headers;
        private int next = 3;

        Filler(XSSFWorkbook workbook) {
            this.workbook = workbook;
            this.sheet = workbook.getSheetAt(0);
            this.headers = headers(sheet);
        }

        void row(Map<String, String> household, Map<String, String> member) {
            Row row = sheet.createRow(next++);
            household.forEach((header, value) -> row.createCell(column(header)).setCellValue(value));
            member.forEach((header, value) -> row.createCell(column(header)).setCellValue(value));
        }

        void excelDate(String header, LocalDate date) {
            Row row = sheet.getRow(next - 1);
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            row.createCell(column(header)).setCellValue(date);
            row.getCell(column(header)).setCellStyle(style);
        }

        /** The household cell of the last {@code rows} rows merged, as clerks lay households out. */
        void merge(String header, int rows) {
            int column = column(header);
            sheet.addMergedRegion(new CellRangeAddress(next - rows, next - 1, column, column));
        }

        private int column(String header) {
            int index = headers.indexOf(header);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + header);
            }
            return index;
        }

        byte[] bytes() throws Exception {
            try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                workbook.write(out);
                workbook.close();
                return out.toByteArray();
            }
        }
    }

    private XSSFWorkbook template(int form) throws Exception {
        byte[] body = mvc.perform(get("/api/v1/forms/" + form + "/template.xlsx?village=" + VILLAGE)
                .with(as("village-clerk", VILLAGE))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(body));
    }

    private static List<String> headers(Sheet sheet) {
        List<String> headers = new ArrayList<>();
        sheet.getRow(2).forEach(cell -> headers.add(cell.getStringCellValue()));
        return headers;
    }

    private static String text(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('\n')));
        return text.toString();
    }

    /** A member's cells, the gender the one the ID number implies. */
    private static Map<String, String> member(String name, String idNumber, String relation, String ethnicity) {
        String normal = java.text.Normalizer.normalize(idNumber, java.text.Normalizer.Form.NFKC).toUpperCase();
        return Map.of("A1 姓名", name, "A2 性别", gender(normal), "A4 证件号码", idNumber, "A5 与户主关系", relation,
                "A6 民族", ethnicity);
    }

    private JsonNode run(byte[] file, String type, int form, String role, String area, boolean partial)
            throws Exception {
        return run(file, type, form, role, area, VILLAGE, partial);
    }

    private JsonNode run(byte[] file, String type, int form, String role, String area, String village,
            boolean partial) throws Exception {
        String body = mvc.perform(post("/api/v1/imports/forms/" + form + "?village=" + village + "&partial=" + partial)
                .with(as(role, area)).contentType(type).content(file))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> json.readTree(
                mvc.perform(get("/api/v1/imports/" + id).with(as(role, area))).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString()),
                job -> Set.of("SUCCEEDED", "REJECTED", "FAILED").contains(job.get("state").asString()));
    }

    /** The job's progress events in the order raised. */
    private List<JsonNode> progress(TopicProbe probe, String importId) {
        return probe.poll().stream().filter(record -> record.key().equals(importId))
                .map(record -> json.readTree(record.value()))
                .filter(event -> event.get("type").asString().endsWith(".ImportProgressed.v1"))
                .sorted(java.util.Comparator.comparingLong(event -> event.get("sequence").asLong())).toList();
    }

    private static List<String> errors(JsonNode job) {
        List<String> errors = new ArrayList<>();
        job.get("errors").forEach(error -> errors.add(String.join("/", error.get("sheet").asString(),
                error.get("row").asString(), error.get("column").asString(), text(error.get("cell")),
                text(error.get("indicator")), error.get("message").asString())));
        return errors;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asString();
    }

    private List<JsonNode> holders(String idNumber) throws Exception {
        List<JsonNode> holders = new ArrayList<>();
        json.readTree(mvc.perform(get("/api/v1/persons").param("idNumber", idNumber).with(as("city-officer",
                "350481"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .forEach(match -> {
                    if (match.get("active").asBoolean()) {
                        holders.add(match);
                    }
                });
        return holders;
    }

    private JsonNode household(String idNumber) throws Exception {
        List<JsonNode> holders = holders(idNumber);
        assertThat(holders).hasSize(1);
        return json.readTree(mvc.perform(get("/api/v1/households/" + holders.getFirst().get("householdId")
                .asString()).with(as("city-officer", "350481"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private static String id(int year, int salt) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return ResidentId.of("350481", LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                (salt * 83 + random.nextInt(83)) % 1000).value();
    }

    private static String idEndingInX() {
        while (true) {
            String id = id(1980, 11);
            if (id.endsWith("X")) {
                return id;
            }
        }
    }

    private static String birth(String idNumber) {
        return idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12) + "-" + idNumber.substring(12, 14);
    }

    private static String gender(String idNumber) {
        return "1".equals(ResidentId.parse(idNumber).orElseThrow().genderCode()) ? "男" : "女";
    }

    private static String fullWidth(String text) {
        return text.chars().mapToObj(c -> c >= '0' && c <= '9' ? String.valueOf((char) (c - '0' + '０'))
                : String.valueOf((char) c)).collect(Collectors.joining());
    }
}
