package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.fupin.contracts.household.model.MemberInput;
import tools.jackson.databind.JsonNode;

/**
 * A county's data in bulk, through the gateway with real tokens: a township officer loads his township's households
 * from the national registry's export; the same file's household of another township is refused by its row; the
 * job's progress is read while it runs; reporting counts what was loaded; another township's officer cannot see the
 * job. And a form 1 workbook: the blank template downloaded, filled, imported for a village of the officer's
 * township (not for one of another township: 404), its progress read while it runs.
 */
class ImportE2ETests {

    static final String XIYANG = "350481100";
    static final int HOUSEHOLDS = 1500;
    /** Enough for progress to be seen between reports (every 50). */
    static final int FORM_HOUSEHOLDS = 300;

    @Test
    void aTownshipOfficerLoadsHisTownshipFromTheNationalExportAndWatchesItRun() throws IOException {
        List<List<String>> rows = new ArrayList<>(Imports.township(XIYANG, HOUSEHOLDS));
        List<List<String>> elsewhere = Imports.registry().nextHousehold("350481101201");
        rows.addAll(elsewhere);
        Api officer = Api.as("xiyang.officer");
        long before = settledHouseholds(officer);

        HttpResponse<String> accepted = officer.upload("/api/v1/imports/national-registry?partial=true", "text/csv",
                Imports.csv(rows));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String job = accepted.headers().firstValue("Location").orElseThrow();
        List<JsonNode> seen = new ArrayList<>();
        JsonNode done = Imports.follow(officer, job, seen);

        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.at("/households/created").asInt()).isEqualTo(HOUSEHOLDS);
        assertThat(done.at("/households/rejected").asInt()).isEqualTo(1);
        assertThat(done.get("errors").get(0).get("householdNumber").asString()).isEqualTo(elsewhere.get(0).get(4));
        assertThat(done.get("errors").get(0).get("message").asString()).contains("不在导入人的区划范围内");
        assertThat(seen).as("progress read while it ran").anyMatch(state -> state.get("state").asString()
                .equals("RUNNING") && state.get("rowsDone").asInt() > 0
                && state.get("rowsDone").asInt() < rows.size() + 1);

        assertThat(Api.as("gongchuan.officer").get(job).statusCode()).isEqualTo(404);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> Api.json(
                officer.get("/api/v1/reports/overview?areaCode=" + XIYANG)).get("households").asLong()
                == before + HOUSEHOLDS);
    }

    /**
     * The township's households as reporting counts them once the events of earlier tests (registrations in its
     * villages) have all reached it: the same count read three times half a second apart. Read at once, an event
     * still on its way would be counted after it and the total never match.
     */
    private static long settledHouseholds(Api officer) {
        long[] last = { -1, 0 };
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
            long now = Api.json(officer.get("/api/v1/reports/overview?areaCode=" + XIYANG)).get("households")
                    .asLong();
            last[1] = now == last[0] ? last[1] + 1 : 0;
            last[0] = now;
            return last[1] >= 2;
        });
        return last[0];
    }

    @Test
    void aTownshipOfficerImportsAFilledForm1ForAVillageOfHisTownshipAndOfNoOther() throws IOException {
        Api officer = Api.as("xiyang.officer");
        String village = "350481100202";
        HttpResponse<byte[]> template = officer.download("/api/v1/forms/1/template.xlsx?village=" + village);
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.headers().firstValue("Content-Disposition").orElseThrow()).contains(".xlsx");
        assertThat(officer.download("/api/v1/forms/1/template.xlsx?village=350481101201").statusCode())
                .isEqualTo(404);

        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet form = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            form.getRow(2).forEach(cell -> headers.add(cell.getStringCellValue()));
            for (int i = 0; i < FORM_HOUSEHOLDS; i++) {
                // from the tests' one generator: an ID number made up here could be one another test's household holds
                MemberInput head = WorkPlanFixture.SYNTHETIC.next(village).getMembers().getFirst();
                Row row = form.createRow(3 + i);
                row.createCell(headers.indexOf("户序号")).setCellValue(String.valueOf(i + 1));
                row.createCell(headers.indexOf("A27a 主要致贫原因")).setCellValue("因病");
                row.createCell(headers.indexOf("A1 姓名")).setCellValue("户主" + (i + 1));
                row.createCell(headers.indexOf("A2 性别")).setCellValue("1".equals(head.getGender()) ? "男" : "女");
                row.createCell(headers.indexOf("A4 证件号码")).setCellValue(head.getIdNumber());
                row.createCell(headers.indexOf("A5 与户主关系")).setCellValue("户主");
            }
            workbook.write(out);
            filled = out.toByteArray();
        }
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        assertThat(officer.upload("/api/v1/imports/forms/1?village=350481101201", xlsx, filled).statusCode())
                .as("a village of another township").isEqualTo(404);

        HttpResponse<String> accepted = officer.upload("/api/v1/imports/forms/1?village=" + village, xlsx, filled);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String job = accepted.headers().firstValue("Location").orElseThrow();
        List<JsonNode> seen = new ArrayList<>();
        JsonNode done = Imports.follow(officer, job, seen);

        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.at("/households/created").asInt()).isEqualTo(FORM_HOUSEHOLDS);
        assertThat(seen).as("progress read while it ran").anyMatch(state -> state.get("state").asString()
                .equals("RUNNING") && state.at("/households/created").asInt() > 0
                && state.at("/households/created").asInt() < FORM_HOUSEHOLDS);
        assertThat(Api.as("gongchuan.officer").get(job).statusCode()).isEqualTo(404);
        assertThat(Api.json(Api.as("xiyang.clerk2").get(job)).get("state").asString())
                .as("the village's clerk reads it too").isEqualTo("SUCCEEDED");
        assertThat(Api.as("xiyang.clerk").get(job).statusCode()).as("the next village's clerk does not")
                .isEqualTo(404);
    }
}
