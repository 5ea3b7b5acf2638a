package cn.fupin.household.forms;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

import cn.fupin.contracts.household.model.HouseholdCategory;
import cn.fupin.contracts.household.model.MemberIncrease;
import cn.fupin.contracts.household.model.MemberInput;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;

/**
 * The forms for signature: a household's 信息采集表 with its registered data on the annex's layout, and a village's
 * member changes of a year (附件2, 附件3), each with the footer to sign, as Excel and as PDF (its text read back).
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class HouseholdFormIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481107203";

    @Test
    void aRegisteredHouseholdsFormShowsItsMembersInFullWithTheFooterToSign() throws Exception {
        RegisterHouseholdRequest form = new SyntheticHouseholds(401).next(VILLAGE, HouseholdCategory.REGISTERED);
        String body = mvc.perform(post("/api/v1/households").with(as("clerk-f", "village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(form)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(json.readTree(body).get("id").asString());
        MemberInput head = form.getMembers().stream().filter(m -> "01".equals(m.getRelation())).findFirst()
                .orElseThrow();
        mvc.perform(put("/api/v1/households/" + id + "/annual-records/2020").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                        "income", Map.of("wageIncome", "8000.50", "productionIncome", "30000"),
                        "conditions", Map.of("roadType", "03", "safeDrinkingWater", true)))))
                .andExpect(status().isOk());

        byte[] xlsx = mvc.perform(get("/api/v1/households/" + id + "/form.xlsx")
                .with(as("clerk-f", "village-clerk", VILLAGE)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();

        List<String> cells = cells(xlsx);
        assertThat(cells.getFirst()).isEqualTo("附件1  新识别贫困户信息采集表");
        assertThat(cells).contains("一、基础信息", "二、家庭成员信息", "A4 证件号码", "四、收入情况（2020 年度）", "五、生产生活条件",
                "六、帮扶责任人", head.getName(), head.getIdNumber(), "户主");
        assertThat(cells).anyMatch(cell -> cell.startsWith("A28 工资性收入（元）：8000.5    A29 转移性收入（元）："));
        assertThat(cells).anyMatch(cell -> cell.contains("A37 入户路类型：水泥路"));
        assertThat(cells).anyMatch(cell -> cell.contains("A44 是否解决安全饮用水：是"));
        assertThat(cells).anyMatch(cell -> cell.startsWith("家庭住址：") && cell.contains("永安市"));
        assertThat(cells.getLast()).startsWith("填表人：clerk-f").contains("户主签名：", "填表日期：");
        assertThat(jdbc.queryForObject("""
                select count(*) from personal_data_view where household_id = ? and operation = 'getHouseholdForm'""",
                Long.class, id)).isEqualTo(1);

        String pdf = text(mvc.perform(get("/api/v1/households/" + id + "/form.pdf")
                .with(as("clerk-f", "village-clerk", VILLAGE)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".pdf")))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(pdf).contains("附件1", "新识别贫困户信息采集表", "一、基础信息", "A4 证件号码", "四、收入情况", "水泥路",
                head.getName(),
                head.getIdNumber(), "填表人：", "clerk-f", "户主签名：", "填表日期：", "第 1 页");
        assertThat(jdbc.queryForObject("""
                select count(*) from personal_data_view where household_id = ? and operation = 'getHouseholdFormPdf'""",
                Long.class, id)).isEqualTo(1);

        mvc.perform(get("/api/v1/households/" + id + "/form.xlsx").with(as("auditor", "350481")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/households/" + id + "/form.pdf").with(as("village-clerk", "350481107201")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/households/" + id + "/form.xlsx").with(as("village-clerk", "350481107201")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aVillagesMemberChangesOfTheYearAreOnItsAnnexes2And3() throws Exception {
        String village = "350481107204";
        RegisterHouseholdRequest form = new SyntheticHouseholds(402).next(village, HouseholdCategory.REGISTERED);
        assertThat(form.getMembers()).hasSizeGreaterThan(1);
        String body = mvc.perform(post("/api/v1/households").with(as("clerk-g", "village-clerk", village))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(form)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        var household = json.readTree(body);
        String id = household.get("id").asString();
        ResidentId baby = ResidentId.of("350481", LocalDate.of(2020, 6, 1), 611);
        mvc.perform(post("/api/v1/households/" + id + "/members").with(as("clerk-g", "village-clerk", village))
                .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(new MemberIncrease(new MemberInput("新生儿", "1", baby.value(), "07")
                        .birthDate(baby.birthDate()), "1", LocalDate.of(2020, 6, 1)))))
                .andExpect(status().isCreated());
        var leaving = household.get("members").get(1);
        mvc.perform(post("/api/v1/households/" + id + "/members/" + leaving.get("id").asString() + "/removal")
                .with(as("clerk-g", "village-clerk", village)).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("reason", "2", "date", "2020-09-30"))))
                .andExpect(status().isOk());

        List<String> increases = cells(mvc.perform(get("/api/v1/villages/" + village
                + "/years/2020/member-increases.xlsx").with(as("clerk-g", "village-clerk", village)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(increases.getFirst()).isEqualTo("附件2  贫困户、边缘易致贫户家庭成员自然增加情况表");
        assertThat(increases).contains("新生儿", baby.value(), "增加原因").anyMatch(cell -> cell.startsWith("1（"))
                .anyMatch(cell -> cell.startsWith("行政村名称：") && cell.contains(village))
                .doesNotContain(leaving.get("name").asString());

        List<String> decreases = cells(mvc.perform(get("/api/v1/villages/" + village
                + "/years/2020/member-decreases.xlsx").with(as("clerk-g", "village-clerk", village)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(decreases.getFirst()).isEqualTo("附件3  贫困户、边缘易致贫户家庭成员自然减少情况表");
        assertThat(decreases).contains(leaving.get("name").asString(), leaving.get("idNumber").asString())
                .anyMatch(cell -> cell.startsWith("2（")).doesNotContain("新生儿");
        assertThat(decreases.getLast()).startsWith("填表人：clerk-g");

        String decreasesPdf = text(mvc.perform(get("/api/v1/villages/" + village
                + "/years/2020/member-decreases.pdf").with(as("clerk-g", "village-clerk", village)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(decreasesPdf).contains("附件3", "家庭成员自然减少情况表", leaving.get("name").asString(),
                leaving.get("idNumber").asString(), "减少原因", "（8）分散供养转集中供养", "户主签名：");
        String increasesPdf = text(mvc.perform(get("/api/v1/villages/" + village
                + "/years/2020/member-increases.pdf").with(as("clerk-g", "village-clerk", village)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(increasesPdf).contains("附件2", "新生儿", baby.value(), "户主签名：");

        mvc.perform(get("/api/v1/villages/" + village + "/years/2020/member-decreases.xlsx")
                .with(as("village-clerk", "350481107201"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/villages/" + village + "/years/2020/member-decreases.xlsx")
                .with(as("auditor", "350481"))).andExpect(status().isForbidden());
    }

    /** The text of a PDF as a reader copies it out: only there if the font's Chinese came out as text. */
    static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static List<String> cells(byte[] xlsx) throws Exception {
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getSheetAt(0)) {
                for (Cell cell : row) {
                    cells.add(cell.getStringCellValue());
                }
            }
        }
        return cells;
    }
}
