package cn.fupin.reporting.export;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;

/** The same report as JSON, CSV and XLSX by the Accept header: the same figures, Chinese column names. */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class ExportIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481109201";

    @Test
    void theOverviewIsAlsoCsvAndXlsxWithTheSameFigures() throws Exception {
        UUID household = UUID.randomUUID();
        kafka.send("household.events", household.toString(), """
                {"specversion":"1.0","id":"household:household:%1$s:1","source":"/fupin/household-service",
                 "type":"fupin.household.HouseholdRegistered.v1","subject":"%1$s","time":"2026-11-28T10:00:00Z",
                 "datacontenttype":"application/json","areacode":"%2$s","actor":"u1","correlationid":"c1",
                 "aggregatetype":"household","sequence":1,
                 "data":{"householdId":"%1$s","category":"MARGINAL","status":"MARGINAL","divisionCode":"%2$s",
                         "size":3,"members":[]}}""".formatted(household, VILLAGE));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from household_fact where household_id = ?", Long.class, household) == 1);
        var officer = as("township-officer", "350481109");

        byte[] csv = mvc.perform(get("/api/v1/reports/overview?areaCode=" + VILLAGE).with(officer)
                .header("Accept", "text/csv")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("overview-" + VILLAGE + ".csv")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).contains("按户类别", "类别编码,类别,户数,人数", "MARGINAL,边缘易致贫户,1,3");

        byte[] xlsx = mvc.perform(get("/api/v1/reports/overview?areaCode=" + VILLAGE).with(officer)
                .header("Accept", XlsxReportConverter.XLSX.toString())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheet("按户类别");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("户数");
            var marginal = sheet.getRow(2);
            assertThat(marginal.getCell(1).getStringCellValue()).isEqualTo("边缘易致贫户");
            assertThat(marginal.getCell(3).getNumericCellValue()).isEqualTo(3.0);
            assertThat(workbook.getSheet("按户状态")).isNotNull();
        }
    }

    @Test
    void anAreaOutOfScopeIsStillA404ProblemWhateverTheAcceptHeader() throws Exception {
        mvc.perform(get("/api/v1/reports/overview?areaCode=350481101").with(as("township-officer", "350481109"))
                .header("Accept", "text/csv")).andExpect(status().isNotFound());
    }

    @Test
    void departmentsReadNoAreaReport() throws Exception {
        for (String report : java.util.List.of("overview", "monitoring", "dynamic-adjustment", "income?year=2020",
                "data-quality")) {
            mvc.perform(get("/api/v1/reports/" + report).with(as("dept-provider", "350481")))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void aYearOutsideTheContractIsABadRequestNamingIt() throws Exception {
        mvc.perform(get("/api/v1/reports/income?year=1999").with(as("city-officer", "350481")))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field")
                        .value("year"));
    }
}
