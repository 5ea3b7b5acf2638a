package cn.fupin.monitoring.forms;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import cn.fupin.monitoring.HouseholdEvents;
import cn.fupin.platform.pii.IdNumberHash;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * 表 5 both ways, as a village clerk uses it: the blank form with the risks' drop-down, filled (or as a GBK CSV) and
 * imported — each row proposed through the same service as {@code POST /monitoring-objects}, every bad row named by
 * row, column and indicator, all or nothing unless asked, the same file twice proposing nothing twice, another
 * township's village out of reach; and the village's list printed for signature.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class Form5IntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481105201";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    IdNumberHash idHash;

    /** This test's households: the village is shared with other tests. */
    final List<UUID> mine = new ArrayList<>();

    /** household-service as 表 5's print asks it for heads' ID numbers: each household's head, the tokens it saw. */
    static final Map<UUID, String> HEADS = new ConcurrentHashMap<>();
    static final List<String> TOKENS = new CopyOnWriteArrayList<>();
    static volatile boolean householdServiceDown;
    static final HttpServer HOUSEHOLD_SERVICE = householdService();

    @DynamicPropertySource
    static void householdServiceStandIn(DynamicPropertyRegistry registry) {
        registry.add("fupin.owners.household", () -> "http://localhost:" + HOUSEHOLD_SERVICE.getAddress().getPort());
    }

    @BeforeEach
    void theYearIs2020() {
        policyOf2020();
    }

    @Test
    void aVillagesFilledForm5ProposesItsUnstableHouseholdsOnceAndNamesEveryBadRow() throws Exception {
        String first = household("EXITED");
        String second = household("EXITED");
        String poor = household("POOR");
        String unknown = HouseholdEvents.headId();

        byte[] file;
        try (XSSFWorkbook template = template()) {
            XSSFSheet form = template.getSheetAt(0);
            assertThat(form.getRow(0).getCell(0).getStringCellValue()).isEqualTo("附件5  脱贫不稳定户信息采集表");
            List<String> headers = new ArrayList<>();
            form.getRow(2).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsExactly("户主姓名", "A4 户主证件号码", "A52a 返贫致贫风险1", "A52b 返贫致贫风险2",
                    "A52c 返贫致贫风险3", "申请日期", "备注");
            DataValidation risks = form.getDataValidations().stream()
                    .filter(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == 2).findFirst().orElseThrow();
            assertThat(risks.getValidationConstraint().getFormula1()).isEqualTo("L_A52_risk");
            row(form, 3, "陈大山", first.toLowerCase(), "因大病", "07", "", "2020-11-02", "");
            row(form, 4, "", fullWidth(second), "01", "", "", "", "外出务工收入不稳");
            row(form, 5, "", unknown, "01", "", "", "", "");
            row(form, 6, "", poor, "01", "", "", "", "");
            row(form, 7, "", HouseholdEvents.headId(), "", "01", "不是风险", "明天", "");
            file = bytes(template);
        }

        JsonNode rejected = importForm5(file, false);
        assertThat(rejected.get("state").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("rows").asInt()).isEqualTo(5);
        assertThat(rejected.get("created").asInt()).isZero();
        assertThat(rejected.get("rejected").asInt()).isEqualTo(3);
        List<String> errors = new ArrayList<>();
        rejected.get("errors").forEach(error -> errors.add(error.get("row").asInt() + "/" + error.get("cell")
                .asString() + "/" + error.get("indicator").asString("") + "/" + error.get("message").asString()));
        assertThat(errors).containsExactlyInAnyOrder(
                "6/B6/A4/本村没有户主证件号码为 " + unknown + " 的户",
                "7/B7/A4/脱贫不稳定户须为已脱贫的建档立卡户，该户当前为 REGISTERED / POOR",
                "8/C8/A52/必填：脱贫不稳定户须至少有一项返贫致贫风险",
                "8/E8/A52/不是代码表中的返贫致贫风险：不是风险",
                "8/F8//不是有效的日期：明天");
        assertThat(objects()).as("all or nothing").isZero();

        JsonNode partial = importForm5(file, true);
        assertThat(partial.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(partial.get("created").asInt()).isEqualTo(2);
        assertThat(partial.get("rejected").asInt()).isEqualTo(3);
        assertThat(objects()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select risks::text from monitoring_object where id = ?::uuid", String.class,
                partial.get("objects").get(0).asString())).contains("01", "07");

        JsonNode again = importForm5(file, true);
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        assertThat(objects()).isEqualTo(2);

        String third = household("EXITED");
        byte[] gbk = ("户主姓名,户主证件号码,返贫致贫风险1,返贫致贫风险2\n林三," + third + ",因大病,02\n")
                .getBytes(java.nio.charset.Charset.forName("GB18030"));
        JsonNode csv = json.readTree(mvc.perform(post("/api/v1/monitoring-objects/form5").param("village", VILLAGE)
                .param("year", "2020").with(as("clerk-5", "village-clerk", VILLAGE)).contentType("text/csv")
                .content(gbk)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(csv.get("state").asString()).as(csv.toString()).isEqualTo("SUCCEEDED");
        assertThat(csv.get("created").asInt()).isEqualTo(1);
        assertThat(objects()).isEqualTo(3);

        mvc.perform(post("/api/v1/monitoring-objects/form5").param("village", VILLAGE).param("year", "2020")
                .with(as("township-officer", "350481101")).contentType(XLSX).content(file))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/monitoring-objects/form5").param("village", VILLAGE).param("year", "2020")
                .with(as("clerk-5", "village-clerk", VILLAGE)).contentType(XLSX).content("not a workbook".getBytes()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    /**
     * The village's list of the year printed for signature: its unstable households with the heads' ID numbers as
     * household-service gives them to the caller (asked with the caller's token), the risks by name, the places to
     * sign; another township's village out of reach, and no form with gaps while household-service is down.
     */
    @Test
    void aVillagesListIsPrintedForSignatureWithTheHeadsIdNumbersFromHouseholdService() throws Exception {
        String first = household("EXITED");
        String second = household("EXITED");
        byte[] csv = ("户主证件号码,返贫致贫风险1,返贫致贫风险2\n" + first + ",因大病,07\n" + second + ",因学,\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        mvc.perform(post("/api/v1/monitoring-objects/form5").param("village", VILLAGE).param("year", "2020")
                .with(as("clerk-5", "village-clerk", VILLAGE)).contentType("text/csv").content(csv))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));
        TOKENS.clear();

        var clerk = as("clerk-5", "village-clerk", VILLAGE);
        byte[] pdf = mvc.perform(get("/api/v1/monitoring-objects/form5.pdf").param("village", VILLAGE)
                .param("year", "2020").with(clerk)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("脱贫不稳定户信息采集表", "年度：2020", first, second, "因大病", "因就业不稳", "因学",
                "待审核", "填表人", "村负责人签名", "填表日期");
        assertThat(TOKENS).as("the heads of the village's list asked for in one request").hasSize(1)
                .allSatisfy(token -> assertThat(token).startsWith("Bearer "));

        mvc.perform(get("/api/v1/monitoring-objects/form5.pdf").param("village", VILLAGE).param("year", "2020")
                .with(as("township-officer", "350481101"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/monitoring-objects/form5.pdf").param("village", VILLAGE)
                .with(clerk)).andExpect(status().isBadRequest());
        householdServiceDown = true;
        try {
            mvc.perform(get("/api/v1/monitoring-objects/form5.pdf").param("village", VILLAGE).param("year", "2020")
                    .with(clerk)).andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.code").value("household-service-unavailable"));
        }
        finally {
            householdServiceDown = false;
        }
    }

    private static HttpServer householdService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/api/v1/households/heads", exchange -> {
                TOKENS.add(exchange.getRequestHeaders().getFirst("Authorization"));
                StringBuilder heads = new StringBuilder();
                new tools.jackson.databind.ObjectMapper().readTree(exchange.getRequestBody()).get("householdIds")
                        .forEach(id -> {
                            String head = HEADS.get(UUID.fromString(id.asString()));
                            if (head != null) {
                                heads.append(heads.isEmpty() ? "" : ",").append("""
                                        {"householdId":"%s","memberId":"%s","name":"户主","idNumber":"%s"}"""
                                        .formatted(id.asString(), UUID.randomUUID(), head));
                            }
                        });
                int status = householdServiceDown ? 500 : 200;
                byte[] body = (status == 200 ? "[" + heads + "]" : "{}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private String household(String status) {
        String id = HouseholdEvents.headId();
        HouseholdEvents household = new HouseholdEvents(kafka, UUID.randomUUID(), VILLAGE);
        mine.add(household.household());
        HEADS.put(household.household(), id);
        household.registered("REGISTERED", "POOR", idHash.of(id), true);
        if (status.equals("EXITED")) {
            household.status("HouseholdExited", "EXITED");
        }
        long sequence = status.equals("EXITED") ? 2 : 1;
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select last_sequence from household_summary where household_id = ?", Long.class,
                household.household()).stream().anyMatch(s -> s >= sequence));
        return id;
    }

    private long objects() {
        return jdbc.queryForObject("select count(*) from monitoring_object where household_id = any(?)", Long.class,
                (Object) mine.toArray(UUID[]::new));
    }

    private XSSFWorkbook template() throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(mvc.perform(get("/api/v1/monitoring-objects/form5/template.xlsx")
                .param("village", VILLAGE).with(as("clerk-5", "village-clerk", VILLAGE))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray()));
    }

    private JsonNode importForm5(byte[] file, boolean partial) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/monitoring-objects/form5").param("village", VILLAGE)
                .param("year", "2020").param("partial", String.valueOf(partial))
                .with(as("clerk-5", "village-clerk", VILLAGE)).contentType(XLSX).content(file))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i].isEmpty()) {
                row.createCell(i).setCellValue(cells[i]);
            }
        }
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws Exception {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static String fullWidth(String text) {
        StringBuilder wide = new StringBuilder();
        text.chars().forEach(c -> wide.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : (char) c));
        return wide.toString();
    }
}
