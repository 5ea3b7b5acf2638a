package cn.fupin.household.imports;

import static cn.fupin.household.imports.ExportFiles.HEADERS;
import static cn.fupin.household.imports.ExportFiles.csv;
import static cn.fupin.household.imports.ExportFiles.endingInX;
import static cn.fupin.household.imports.ExportFiles.fullWidth;
import static cn.fupin.household.imports.ExportFiles.person;
import static cn.fupin.household.imports.ExportFiles.xlsx;
import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.events.EventSchemas;
import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.contracts.synthetic.SyntheticRegistry;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import cn.fupin.platform.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * The national registry's export read as counties have it: generated exports in CSV (UTF-8 and GBK) and XLSX (a
 * title above the header, merged household cells, Excel dates), and hand-made rows with every kind of fault, each
 * row's outcome checked; submitted through the API, read back by the job's id.
 */
@RealInfrastructure
@SpringBootTest(properties = "fupin.imports.max-rows=" + NationalRegistryImportIntegrationTests.MAX_ROWS)
@AutoConfigureMockMvc
class NationalRegistryImportIntegrationTests extends ServiceTestSupport {

    static final DivisionTree DIVISIONS = DivisionTree.ofCounty("350481");
    static final Codebook CODEBOOK = Codebook.forYear(2020);
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CITY = "350481";
    /** Above every file here but the one that tests the limit. */
    static final int MAX_ROWS = 600;

    @Test
    void aGeneratedExportIsLoadedWithItsStatesAndHistoryAndReadingItAgainChangesNothing() throws Exception {
        SyntheticRegistry registry = new SyntheticRegistry(1401, DIVISIONS, CODEBOOK);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.addAll(registry.nextHousehold());
        }
        byte[] file = csv(StandardCharsets.UTF_8, SyntheticRegistry.HEADERS, rows);

        JsonNode job = submit(file, CSV, "city-officer", CITY, false);
        assertThat(job.get("state").asString()).isEqualTo("QUEUED");
        JsonNode done = awaitFinished(job.get("id").asString(), "city-officer", CITY);

        assertThat(done.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("errors")).isEmpty();
        assertThat(done.get("ignoredColumns")).isEmpty();
        assertThat(done.at("/households/created").asInt()).isEqualTo(40);
        assertThat(done.get("rowsDone").asInt()).isEqualTo(rows.size() + 1);
        Map<String, Long> expected = rows.stream().collect(Collectors.groupingBy(row -> row.get(4),
                Collectors.reducing("", row -> statusOf(row), (a, b) -> b))).values().stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        Map<String, Long> loaded = new HashMap<>();
        jdbc.query("""
                select h.category || '/' || h.status, count(*) from household h
                join household_registry r on r.household_id = h.id where r.import_id = ?::uuid group by 1""",
                rs -> {
                    loaded.put(rs.getString(1), rs.getLong(2));
                }, job.get("id").asString());
        assertThat(loaded).isEqualTo(expected);
        for (List<String> row : rows) {
            assertThat(jdbc.queryForObject("""
                    select concat_ws('/', coalesce(identified_year::text, ''), coalesce(exited_year::text, ''),
                        coalesce(returned_year::text, '')) from household_registry where registry_number = ?""",
                    String.class, row.get(4))).isEqualTo(row.get(8) + "/" + row.get(9) + "/" + row.get(10));
            assertThat(jdbc.queryForObject("""
                    select concat_ws('/', coalesce(monitoring_type, ''), coalesce(monitoring_year::text, ''),
                        risk_cleared::text, coalesce(risk_cleared_year::text, ''))
                    from household_registry where registry_number = ?""", String.class, row.get(4)))
                    .isEqualTo(monitoringOf(row));
        }
        long monitored = rows.stream().filter(row -> !row.get(7).isEmpty()).map(row -> row.get(4)).distinct().count();
        assertThat(monitored).as("the generator's county has monitoring objects").isPositive();

        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            String importId = job.get("id").asString();
            List<ConsumerRecord<String, String>> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                events.addAll(imported(probe, importId));
                return events.size() == 40;
            });
            for (ConsumerRecord<String, String> record : events) {
                assertThat(new EventSchemas().violations(record.value())).isEmpty();
                rows.forEach(row -> assertThat(record.value()).doesNotContain(row.get(15)));
            }
            assertThat(events.stream().filter(r -> json.readTree(r.value()).at("/data/monitoring").isObject()))
                    .hasSize((int) monitored);
        }

        JsonNode again = awaitFinished(submit(file, CSV, "city-officer", CITY, false).get("id").asString(),
                "city-officer", CITY);
        assertThat(again.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(again.at("/households/created").asInt()).isZero();
        assertThat(again.at("/households/unchanged").asInt()).isEqualTo(40);
        assertThat(jdbc.queryForObject("select count(*) from household_registry where import_id = ?::uuid",
                Long.class, again.get("id").asString())).isZero();
    }

    @Test
    void aNewerExportCorrectsWhatChangedAsCorrectionsOfTheImportAndSaysWhatItLeft() throws Exception {
        SyntheticRegistry registry = new SyntheticRegistry(1405, DIVISIONS, CODEBOOK);
        List<List<List<String>>> households = new ArrayList<>();
        while (households.size() < 3) {
            List<List<String>> household = registry.nextHousehold();
            if (household.getFirst().get(6).equals("已脱贫") && household.size() >= 2) {
                households.add(household);
            }
        }
        JsonNode first = awaitFinished(submit(csv(StandardCharsets.UTF_8, SyntheticRegistry.HEADERS,
                households.stream().flatMap(List::stream).toList()), CSV, "city-officer", CITY, false)
                .get("id").asString(), "city-officer", CITY);
        assertThat(first.at("/households/created").asInt()).isEqualTo(3);

        List<List<List<String>>> newer = new ArrayList<>();
        for (List<List<String>> household : households) {
            newer.add(new ArrayList<>(household.stream().map(row -> (List<String>) new ArrayList<>(row)).toList()));
        }
        // the first returned to poverty in 2024
        newer.get(0).forEach(row -> {
            row.set(6, "返贫");
            row.set(10, "2024");
        });
        // the second's head fell ill, and its last member is no longer listed
        newer.get(1).getFirst().set(22, "患有大病");
        List<String> unlisted = newer.get(1).removeLast();
        // the third has a new daughter, and its head's name is spelt otherwise there
        List<String> daughter = new ArrayList<>(newer.get(2).getFirst());
        LocalDate born = LocalDate.of(2023, 4, 5);
        daughter.set(5, daughter.get(4) + "09");
        daughter.set(13, "林新生");
        daughter.set(15, ResidentId.of("350481", born, 402).value());
        daughter.set(16, "女");
        daughter.set(17, born.toString());
        daughter.set(19, "之女");
        newer.get(2).add(daughter);
        newer.get(2).getFirst().set(13, newer.get(2).getFirst().get(13) + "某");
        byte[] file = csv(StandardCharsets.UTF_8, SyntheticRegistry.HEADERS,
                newer.stream().flatMap(List::stream).toList());

        JsonNode job = awaitFinished(submit(file, CSV, "city-officer", CITY, false).get("id").asString(),
                "city-officer", CITY);
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.at("/households/updated").asInt()).isEqualTo(3);
        assertThat(job.get("notices")).hasSize(2);
        Map<String, String> notices = new HashMap<>();
        job.get("notices").forEach(notice -> notices.put(notice.get("householdNumber").asString(),
                notice.get("message").asString()));
        assertThat(notices.get(households.get(2).getFirst().get(4))).contains("姓名、性别或与户主关系");
        assertThat(notices.get(households.get(1).getFirst().get(4))).contains("成员 " + unlisted.get(13),
                "不在新的导出中", "表 3");
        assertThat(jdbc.queryForObject("select count(*) from member m join household_registry r"
                + " on r.household_id = m.household_id where r.registry_number = ? and m.active", Long.class,
                households.get(1).getFirst().get(4))).as("left as it is").isEqualTo(households.get(1).size());

        String returned = households.get(0).getFirst().get(4);
        assertThat(jdbc.queryForObject("select h.status || ' ' || r.returned_year || ' ' || r.status from household h"
                + " join household_registry r on r.household_id = h.id where r.registry_number = ?", String.class,
                returned)).isEqualTo("RETURNED 2024 RETURNED");
        assertThat(jdbc.queryForObject("select m.health::text from member m join household_registry r"
                + " on r.household_id = m.household_id where r.registry_number = ? and m.ordinal = 0", String.class,
                households.get(1).getFirst().get(4))).isEqualTo("{03}");
        assertThat(jdbc.queryForObject("select count(*) from member m join household_registry r"
                + " on r.household_id = m.household_id where r.registry_number = ? and m.active", Long.class,
                households.get(2).getFirst().get(4))).isEqualTo(households.get(2).size() + 1L);
        assertThat(jdbc.queryForObject("""
                select count(*) from household_registry r, jsonb_each_text(r.person_numbers) p
                where r.registry_number = ? and p.value = ?""", Long.class, households.get(2).getFirst().get(4),
                daughter.get(5))).isOne();

        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            String id = job.get("id").asString();
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.poll().stream().anyMatch(r -> r.value()
                    .contains("\"correlationid\":\"" + id + "\"") && r.value().contains("MemberAdded")));
            List<String> corrections = probe.poll().stream().map(ConsumerRecord::value)
                    .filter(value -> value.contains("\"correlationid\":\"" + id + "\"")).toList();
            assertThat(corrections).anyMatch(value -> value.contains("HouseholdUpdated")
                    && value.contains("\"changedFields\":[\"status\"]") && value.contains("RETURNED"));
            corrections.forEach(value -> assertThat(new EventSchemas().violations(value)).isEmpty());
        }

        JsonNode again = awaitFinished(submit(file, CSV, "city-officer", CITY, false).get("id").asString(),
                "city-officer", CITY);
        assertThat(again.at("/households/unchanged").asInt()).isEqualTo(3);
        assertThat(again.at("/households/updated").asInt()).isZero();
    }

    @Test
    void aWorkbookWithATitleMergedHouseholdCellsAndExcelDatesAndAGbkCsvAreReadAlike() throws Exception {
        SyntheticRegistry registry = new SyntheticRegistry(1402, DIVISIONS, CODEBOOK);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.addAll(registry.nextHousehold());
        }
        JsonNode workbook = awaitFinished(submit(xlsx(rows), XLSX, "city-officer", CITY, false).get("id").asString(),
                "city-officer", CITY);
        assertThat(workbook.get("errors")).as(workbook.toString()).isEmpty();
        assertThat(workbook.at("/households/created").asInt()).isEqualTo(6);
        List<String> member = rows.get(1);
        assertThat(jdbc.queryForObject("""
                select m.birth_date from member m join household_registry r on r.household_id = m.household_id
                where r.person_numbers ->> m.member_id::text = ?""", LocalDate.class, member.get(5)))
                .isEqualTo(LocalDate.parse(member.get(17)));

        SyntheticRegistry more = new SyntheticRegistry(1403, DIVISIONS, CODEBOOK);
        List<List<String>> gbkRows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            gbkRows.addAll(more.nextHousehold());
        }
        JsonNode gbk = awaitFinished(submit(csv(Charset.forName("GBK"), SyntheticRegistry.HEADERS, gbkRows), CSV,
                "city-officer", CITY, false).get("id").asString(), "city-officer", CITY);
        assertThat(gbk.get("errors")).as(gbk.toString()).isEmpty();
        assertThat(gbk.at("/households/created").asInt()).isEqualTo(6);
        String householdId = jdbc.queryForObject("select household_id from household_registry where registry_number = ?",
                String.class, gbkRows.getFirst().get(4));
        JsonNode household = json.readTree(mvc.perform(get("/api/v1/households/" + householdId)
                .with(as("city-officer", CITY))).andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""))
                .andReturn().getResponse().getContentAsString());
        assertThat(household.toString()).contains(gbkRows.getFirst().get(13));
        assertThat(household.get("members")).hasSize((int) gbkRows.stream()
                .filter(row -> row.get(4).equals(gbkRows.getFirst().get(4))).count());
        // the sealed ID number opens, and its keyed hash finds the member
        mvc.perform(get("/api/v1/persons?idNumber=" + gbkRows.getFirst().get(15)).with(as("city-officer", CITY)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].householdId").value(householdId));
    }

    @Test
    void everyBadRowIsNamedByRowColumnAndIndicatorAndNothingIsKeptUnlessGoodRowsAreAskedFor() throws Exception {
        String held = ResidentId.of("350481", LocalDate.of(1961, 3, 4), 137).value();
        JsonNode first = awaitFinished(submit(csv(StandardCharsets.UTF_8, HEADERS, List.of(
                person("H-HELD", "燕东街道", "吉山村", "已脱贫", "2015", "2017", "户主", "王守田", held, "男", ""))),
                CSV, "city-officer", CITY, false).get("id").asString(), "city-officer", CITY);
        assertThat(first.get("state").asString()).as(first.toString()).isEqualTo("SUCCEEDED");

        String good = ResidentId.of("350481", LocalDate.of(1970, 5, 6), 219).value();
        String goodWife = ResidentId.of("350481", LocalDate.of(1972, 7, 8), 220).value();
        String lower = ResidentId.of("350481", LocalDate.of(1980, 1, 2), 31).value();
        String other = endingInX(LocalDate.of(1975, 9, 10));
        List<List<String>> rows = List.of(
                // row 2–3: good — full-width digits in the ID number, a date in Chinese
                person("H-GOOD", "燕东街道", "吉山村", "已脱贫", "2014", "2018", "户主", "林大山", fullWidth(good), "男",
                        "1970年5月6日"),
                person("H-GOOD", "", "", "", "", "", "配偶", "陈小梅", goodWife, "女", "1972/7/8"),
                // row 4: a relation that is no code
                person("H-BADCODE", "燕东街道", "吉山村", "已脱贫", "2014", "2018", "表哥", "赵一", lower, "男", ""),
                // row 5: an ID number the file already has
                person("H-DUP", "燕东街道", "吉山村", "未脱贫", "2015", "", "户主", "钱二", good, "男", ""),
                // row 6: an ID number another household holds
                person("H-TAKEN", "燕东街道", "吉山村", "已脱贫", "2015", "2019", "户主", "孙三", held, "男", ""),
                // row 7: blank (skipped)
                List.of(),
                // row 8: a good household with a lower-case check letter
                person("H-X", "燕东街道", "吉山村", "返贫", "2014", "2017", "户主", "李四", other.toLowerCase(), "男", "",
                        "2021"),
                // row 9: H-GOOD again, away from its rows
                person("H-GOOD", "燕东街道", "吉山村", "已脱贫", "2014", "2018", "之子", "林小山",
                        ResidentId.of("350481", LocalDate.of(1995, 2, 3), 11).value(), "男", ""),
                // row 10: a village the county does not have
                person("H-NOWHERE", "燕东街道", "不存在村", "已脱贫", "2014", "2018", "户主", "周五",
                        ResidentId.of("350481", LocalDate.of(1966, 6, 6), 71).value(), "男", ""));
        byte[] file = csv(StandardCharsets.UTF_8, HEADERS, rows);

        JsonNode whole = awaitFinished(submit(file, CSV, "city-officer", CITY, false).get("id").asString(),
                "city-officer", CITY);
        assertThat(whole.get("state").asString()).isEqualTo("REJECTED");
        assertThat(whole.at("/households/created").asInt()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from household_registry where registry_number in"
                + " ('H-GOOD', 'H-X')", Long.class)).isZero();
        assertErrors(whole);

        JsonNode partial = awaitFinished(submit(file, CSV, "city-officer", CITY, true).get("id").asString(),
                "city-officer", CITY);
        assertThat(partial.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(partial.at("/households/created").asInt()).isEqualTo(2);
        assertThat(partial.at("/households/rejected").asInt()).isEqualTo(4);
        assertErrors(partial);
        assertThat(jdbc.queryForList("select registry_number from household_registry where registry_number like 'H-%'"
                + " order by 1", String.class)).containsExactly("H-GOOD", "H-HELD", "H-X");
        assertThat(jdbc.queryForObject("select count(*) from member m join household_registry r on r.household_id ="
                + " m.household_id where r.registry_number = 'H-GOOD'", Long.class)).isEqualTo(2);
    }

    private void assertErrors(JsonNode job) {
        List<String> errors = new ArrayList<>();
        job.get("errors").forEach(e -> errors.add(e.get("row").asInt() + " " + e.get("column").asString() + " "
                + e.path("indicator").asString("") + " " + e.path("cell").asString("") + " "
                + e.get("message").asString()));
        assertThat(errors).as(job.toString()).hasSize(5);
        assertThat(errors).anyMatch(e -> e.startsWith("4 与户主关系 A5 H4 ") && e.contains("表哥"));
        assertThat(errors).anyMatch(e -> e.startsWith("5 身份证号码 A4 J5 ") && e.contains("第 2 行"));
        assertThat(errors).anyMatch(e -> e.startsWith("6 身份证号码 A4 J6 ") && e.contains("H-HELD"));
        assertThat(errors).anyMatch(e -> e.startsWith("9 户编号  D9 ") && e.contains("不相邻"));
        assertThat(errors).anyMatch(e -> e.startsWith("10 村  C10 ") && e.contains("不存在村"));
    }

    @Test
    void aTownshipOfficerLoadsHisTownshipOnlyAndAFileWithoutItsColumnsFailsNamingThem() throws Exception {
        SyntheticRegistry registry = new SyntheticRegistry(1404, DIVISIONS, CODEBOOK);
        List<List<String>> rows = new ArrayList<>();
        rows.addAll(registry.nextHousehold("350481100201"));
        rows.addAll(registry.nextHousehold("350481001201"));
        JsonNode job = awaitFinished(submit(csv(StandardCharsets.UTF_8, SyntheticRegistry.HEADERS, rows), CSV,
                "township-officer", "350481100", true).get("id").asString(), "township-officer", "350481100");
        assertThat(job.at("/households/created").asInt()).isEqualTo(1);
        assertThat(job.at("/households/rejected").asInt()).isEqualTo(1);
        assertThat(job.get("errors").get(0).get("message").asString()).contains("不在导入人的区划范围内");
        mvc.perform(get("/api/v1/imports/" + job.get("id").asString()).with(as("township-officer", "350481001")))
                .andExpect(status().isNotFound());

        SyntheticRegistry large = new SyntheticRegistry(1406, DIVISIONS, CODEBOOK);
        List<List<String>> many = new ArrayList<>();
        while (many.size() < MAX_ROWS) {
            many.addAll(large.nextHousehold());
        }
        for (byte[] file : List.of(csv(StandardCharsets.UTF_8, SyntheticRegistry.HEADERS, many), xlsx(many))) {
            JsonNode tooLarge = awaitFinished(submit(file, file[0] == 'P' ? XLSX : CSV, "city-officer", CITY, false)
                    .get("id").asString(), "city-officer", CITY);
            assertThat(tooLarge.get("state").asString()).isEqualTo("FAILED");
            assertThat(tooLarge.get("failure").asString()).isEqualTo("文件超过 " + MAX_ROWS
                    + " 行的上限：请按县（市、区）或乡镇分开导入");
        }

        JsonNode failed = awaitFinished(submit("户编号,姓名,性别\n1,张三,男\n".getBytes(StandardCharsets.UTF_8), CSV,
                "city-officer", CITY, false).get("id").asString(), "city-officer", CITY);
        assertThat(failed.get("state").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failure").asString()).contains("乡", "村", "证件号码", "与户主关系");
        mvc.perform(post("/api/v1/imports/national-registry").with(as("village-clerk", "350481100201"))
                .contentType(CSV).content("户编号\n1\n")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/imports/national-registry").with(as("city-officer", CITY))
                .contentType("application/json").content("{}")).andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("text/csv")));
        mvc.perform(get("/api/v1/imports/not-an-id").with(as("city-officer", CITY)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("importId"));
        JsonNode damaged = awaitFinished(submit(new byte[] { 'P', 'K', 3, 4, 'x' }, XLSX, "city-officer", CITY, false)
                .get("id").asString(), "city-officer", CITY);
        assertThat(damaged.get("failure").asString()).isEqualTo("不是可读取的 XLSX 工作簿（文件损坏，或不是 Excel 2007 及以后的"
                + " .xlsx 格式）");
    }

    /**
     * A monitoring object of the registry whose rows are wrong: a kind the system does not manage, an unstable
     * household that has not exited, a risk not in A52, a risk eliminated before monitoring began; each refused
     * naming its column, the good one loaded.
     */
    @Test
    void monitoringObjectsOfTheRegistryAreCheckedAsTheFormsAre() throws Exception {
        SyntheticRegistry registry = new SyntheticRegistry(1407, DIVISIONS, CODEBOOK);
        List<List<List<String>>> households = new ArrayList<>();
        while (households.size() < 5) {
            List<List<String>> household = registry.nextHousehold();
            if (household.getFirst().get(6).equals("已脱贫")) {
                households.add(household);
            }
        }
        int kind = SyntheticRegistry.HEADERS.indexOf("监测对象类别");
        int risks = SyntheticRegistry.HEADERS.indexOf("风险类型");
        int year = SyntheticRegistry.HEADERS.indexOf("纳入监测年度");
        int cleared = SyntheticRegistry.HEADERS.indexOf("风险是否消除");
        int clearedYear = SyntheticRegistry.HEADERS.indexOf("风险消除年度");
        set(households.get(0), Map.of(kind, "脱贫不稳定户", risks, "因大病、因就业不稳", year, "2021", cleared, "否",
                clearedYear, ""));
        set(households.get(1), Map.of(kind, "突发严重困难户", risks, "因灾", year, "2022", cleared, "否"));
        set(households.get(2), Map.of(6, "未脱贫", 9, "", kind, "脱贫不稳定户", risks, "因大病", year, "2021"));
        set(households.get(3), Map.of(kind, "脱贫不稳定户", risks, "因懒", year, "2021", cleared, "否"));
        set(households.get(4), Map.of(kind, "脱贫不稳定户", risks, "因学", year, "2023", cleared, "已消除",
                clearedYear, "2021"));
        byte[] file = csv(StandardCharsets.UTF_8, SyntheticRegistry.HEADERS,
                households.stream().flatMap(List::stream).toList());

        JsonNode job = awaitFinished(submit(file, CSV, "city-officer", CITY, true).get("id").asString(),
                "city-officer", CITY);
        assertThat(job.at("/households/created").asInt()).as(job.toString()).isEqualTo(1);
        List<String> errors = new ArrayList<>();
        job.get("errors").forEach(e -> errors.add(e.get("householdNumber").asString() + " " + e.get("column").asString()
                + " " + e.path("indicator").asString("") + " " + e.get("message").asString()));
        assertThat(errors).as(job.toString()).containsExactlyInAnyOrder(
                number(households.get(1)) + " 监测对象类别  突发严重困难户不在本系统管理的对象之内（贫困户、脱贫不稳定户、边缘易致贫户）",
                number(households.get(2)) + " 监测对象类别  脱贫不稳定户须为已脱贫的建档立卡户，该户贫困户状态为 POOR",
                number(households.get(3)) + " 风险类型 A52 不是代码表中的代码或名称：因懒",
                number(households.get(4)) + " 风险消除年度  风险消除年度早于纳入监测年度");
        assertThat(jdbc.queryForObject("""
                select concat_ws('/', monitoring_type, monitoring_year, array_to_string(monitoring_risks, ','),
                    risk_cleared::text) from household_registry where registry_number = ?""", String.class,
                number(households.get(0)))).isEqualTo("UNSTABLE_EXITED/2021/01,07/false");
    }

    /**
     * The export's income and conditions (A28–A48) become the year's records, per-capita income computed as the API
     * computes it, each published in its household's own event; a newer export's other wage is a correction,
     * published with that import as its origin; bad amounts, codes and years are refused naming their column.
     */
    @Test
    void theYearsIncomeAndConditionsAreTakenOverAsAnnualRecordsAndANewerExportCorrectsThem() throws Exception {
        SyntheticRegistry registry = new SyntheticRegistry(1408, DIVISIONS, CODEBOOK);
        List<List<List<String>>> households = new ArrayList<>();
        while (households.size() < 3) {
            List<List<String>> household = registry.nextHousehold();
            if (household.getFirst().get(6).equals("已脱贫")) {
                households.add(household);
            }
        }
        int wage = SyntheticRegistry.HEADERS.indexOf("工资性收入");
        int road = SyntheticRegistry.HEADERS.indexOf("入户路类型");
        List<String> headers = new ArrayList<>(SyntheticRegistry.HEADERS);
        headers.add("收入年度");
        households.forEach(household -> household.forEach(row -> row.add("")));
        set(households.get(2), Map.of(headers.size() - 1, "2019年"));
        JsonNode job = awaitFinished(submit(csv(StandardCharsets.UTF_8, headers,
                households.stream().flatMap(List::stream).toList()), CSV, "city-officer", CITY, false)
                .get("id").asString(), "city-officer", CITY);
        assertThat(job.get("errors")).as(job.toString()).isEmpty();
        assertThat(job.get("ignoredColumns")).isEmpty();

        int thisYear = LocalDate.now(WorkYear.ZONE).getYear();
        for (List<List<String>> household : households) {
            List<String> head = household.getFirst();
            Map<String, Object> record = jdbc.queryForMap("""
                    select a.year, a.wage_income, a.size, a.net_income, a.per_capita_income, a.road_type,
                        a.dangerous_house_grade, a.version from annual_record a
                    join household_registry r on r.household_id = a.household_id where r.registry_number = ?""",
                    number(household));
            assertThat(record.get("year")).isEqualTo(household == households.get(2) ? 2019 : thisYear);
            assertThat((BigDecimal) record.get("wage_income")).isEqualByComparingTo(head.get(wage));
            assertThat(record.get("size")).isEqualTo(household.size());
            BigDecimal net = amount(head, "工资性收入").add(amount(head, "转移性收入"))
                    .add(amount(head, "生产经营性收入")).add(amount(head, "财产性收入")).subtract(amount(head, "生产经营性支出"));
            assertThat((BigDecimal) record.get("net_income")).isEqualByComparingTo(net);
            assertThat((BigDecimal) record.get("per_capita_income")).isEqualByComparingTo(
                    net.divide(BigDecimal.valueOf(household.size()), 2, RoundingMode.HALF_UP));
            assertThat(record.get("road_type")).isEqualTo(head.get(road).equals("水泥路") ? "03" : "02");
            assertThat(record.get("version")).isEqualTo(0L);
        }
        // 账账相符: the owner counts a village's records by year as they lie, and none in a village without any
        String village = jdbc.queryForObject("""
                select h.division_code from household h join household_registry r on r.household_id = h.id
                where r.registry_number = ?""", String.class, number(households.get(2)));
        JsonNode counted = json.readTree(mvc.perform(get("/internal/counts?areaCode=" + village)
                .with(as("city-officer", CITY))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).get("counts");
        assertThat(counted.path("annualRecords.2019").asLong()).isPositive().isEqualTo(jdbc.queryForObject("""
                select count(*) from annual_record a join household h on h.id = a.household_id
                where a.year = 2019 and h.division_code = ?""", Long.class, village));
        assertThat(json.readTree(mvc.perform(get("/internal/counts?areaCode=350481999999")
                .with(as("city-officer", CITY))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).get("counts").propertyNames()).noneMatch(key -> key.startsWith("annualRecords"));
        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            String importId = job.get("id").asString();
            List<JsonNode> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                probe.poll().stream().filter(r -> r.value().contains(importId)).filter(r -> r.value().contains(
                        "HouseholdImported") || r.value().contains("AnnualRecordSubmitted"))
                        .forEach(r -> events.add(json.readTree(r.value())));
                return events.size() >= 3;
            });
            // one event a household: the year's record goes in it
            assertThat(events).extracting(event -> event.get("type").asString())
                    .containsOnly("fupin.household.HouseholdImported.v1").hasSize(3);
            for (JsonNode event : events) {
                assertThat(new EventSchemas().violations(event.toString())).isEmpty();
                JsonNode record = event.at("/data/annualRecord");
                assertThat(record.get("perCapitaIncome").asString()).isEqualTo(jdbc.queryForObject(
                        "select per_capita_income::text from annual_record where household_id = ?::uuid",
                        String.class, event.at("/data/householdId").asString()));
                assertThat(record.get("year").asInt()).isIn(2019, thisYear);
            }

            // a newer export: the first household earns more, a correction of its record from that import
            households.get(0).forEach(row -> row.set(wage, String.valueOf(Long.parseLong(row.get(wage)) + 1000)));
            JsonNode newer = awaitFinished(submit(csv(StandardCharsets.UTF_8, headers,
                    households.stream().flatMap(List::stream).toList()), CSV, "city-officer", CITY, false)
                    .get("id").asString(), "city-officer", CITY);
            assertThat(newer.at("/households/updated").asInt()).as(newer.toString()).isEqualTo(1);
            assertThat(newer.at("/households/unchanged").asInt()).isEqualTo(2);
            List<JsonNode> corrections = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                probe.poll().stream().filter(r -> r.value().contains(newer.get("id").asString())
                        && !r.value().contains("ImportProgressed")).forEach(r -> corrections.add(json.readTree(r.value())));
                return !corrections.isEmpty();
            });
            assertThat(corrections).singleElement().satisfies(event -> {
                assertThat(event.get("type").asString()).isEqualTo("fupin.household.AnnualRecordSubmitted.v1");
                assertThat(new EventSchemas().violations(event.toString())).isEmpty();
                assertThat(event.at("/data/wageIncome").asString())
                        .isEqualTo(households.get(0).getFirst().get(wage) + ".00");
            });
        }
        assertThat(jdbc.queryForObject("""
                select a.version || ' ' || a.wage_income from annual_record a
                join household_registry r on r.household_id = a.household_id where r.registry_number = ?""",
                String.class, number(households.get(0))))
                .isEqualTo("1 " + households.get(0).getFirst().get(wage) + ".00");

        // bad cells: a negative wage, a road that is no code, a year to come
        SyntheticRegistry more = new SyntheticRegistry(1409, DIVISIONS, CODEBOOK);
        List<List<List<String>>> bad = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<List<String>> household = more.nextHousehold();
            household.forEach(row -> row.add(""));
            bad.add(household);
        }
        set(bad.get(0), Map.of(wage, "-500"));
        set(bad.get(1), Map.of(road, "羊肠小道"));
        set(bad.get(2), Map.of(headers.size() - 1, "2099"));
        JsonNode refused = awaitFinished(submit(csv(StandardCharsets.UTF_8, headers,
                bad.stream().flatMap(List::stream).toList()), CSV, "city-officer", CITY, false)
                .get("id").asString(), "city-officer", CITY);
        assertThat(refused.get("state").asString()).isEqualTo("REJECTED");
        List<String> errors = new ArrayList<>();
        refused.get("errors").forEach(e -> errors.add(e.get("householdNumber").asString() + " "
                + e.get("column").asString() + " " + e.path("indicator").asString("") + " "
                + e.get("message").asString()));
        assertThat(errors).containsExactlyInAnyOrder(
                number(bad.get(0)) + " 工资性收入 A28 不能为负数：-500",
                number(bad.get(1)) + " 入户路类型 A37 不是代码表中的代码或名称：羊肠小道",
                number(bad.get(2)) + " 收入年度  收入年度须在 2014 至 " + thisYear + " 年之间：2099");
    }

    private static BigDecimal amount(List<String> row, String header) {
        return new BigDecimal(row.get(SyntheticRegistry.HEADERS.indexOf(header)));
    }

    private static void set(List<List<String>> household, Map<Integer, String> cells) {
        for (List<String> row : household) {
            cells.forEach(row::set);
        }
    }

    private static String number(List<List<String>> household) {
        return household.getFirst().get(4);
    }

    /** The registry's monitoring columns of a row as household_registry keeps them. */
    private static String monitoringOf(List<String> row) {
        String kind = switch (row.get(7)) {
            case "边缘易致贫户" -> "MARGINAL";
            case "脱贫不稳定户" -> "UNSTABLE_EXITED";
            default -> "";
        };
        if (kind.isEmpty()) {
            return "//false/";
        }
        int at = SyntheticRegistry.HEADERS.indexOf("纳入监测年度");
        return kind + "/" + row.get(at) + "/" + "是".equals(row.get(at + 1)) + "/" + row.get(at + 2);
    }

    private static String statusOf(List<String> row) {
        if (row.get(7).equals("边缘易致贫户")) {
            return "MARGINAL/MARGINAL";
        }
        return "REGISTERED/" + switch (row.get(6)) {
            case "未脱贫" -> "POOR";
            case "返贫" -> "RETURNED";
            default -> "EXITED";
        };
    }

    private static List<ConsumerRecord<String, String>> imported(TopicProbe probe, String importId) {
        return probe.poll().stream().filter(r -> r.value().contains("HouseholdImported")
                && r.value().contains(importId)).toList();
    }

    private JsonNode submit(byte[] file, String type, String role, String area, boolean partial) throws Exception {
        String body = mvc.perform(post("/api/v1/imports/national-registry?partial=" + partial).with(as(role, area))
                .contentType(type).content(file))
                .andExpect(status().isAccepted()).andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private JsonNode awaitFinished(String id, String role, String area) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> json.readTree(
                mvc.perform(get("/api/v1/imports/" + id).with(as(role, area))).andExpect(status().isOk()).andReturn()
                        .getResponse().getContentAsString()),
                job -> Set.of("SUCCEEDED", "REJECTED", "FAILED").contains(job.get("state").asString()));
    }

}
