package cn.fupin.household.counts;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * 账账相符's owner counts (migration 31) are kept as the records change: registered, moved to another village with
 * their annual records, folded, taken away — at every step {@code GET /internal/counts} gives what
 * counting the tables themselves gives, for the township and for each village.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class RecordCountsIntegrationTests extends ServiceTestSupport {

    static final String TOWNSHIP = "350481103";
    static final String VILLAGE_A = TOWNSHIP + "207";
    static final String VILLAGE_B = TOWNSHIP + "208";
    static final SyntheticHouseholds synthetic = new SyntheticHouseholds(1093);

    @Test
    void theKeptCountsAreWhatCountingTheRecordsGives() throws Exception {
        List<String> households = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String village = i % 3 == 0 ? VILLAGE_B : VILLAGE_A;
            households.add(json.readTree(mvc.perform(post("/api/v1/households").with(as("village-clerk", village))
                    .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(synthetic.next(village))))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id")
                    .asString());
        }
        for (int i = 0; i < 4; i++) {
            record(households.get(i), 2019);
        }
        record(households.get(0), 2020);
        expectCountedAsTheTablesGive();

        // a household moves village, its records with it; another household's head count changes
        jdbc.update("update household set division_code = ? where id = ?::uuid", VILLAGE_A, households.get(0));
        jdbc.update("update household set size = size + 1 where id = ?::uuid", households.get(1));
        expectCountedAsTheTablesGive();

        jdbc.execute("select record_count_changes_fold()");
        assertThat(jdbc.queryForObject("select count(*) from household_count_change where division_code like ?",
                Long.class, TOWNSHIP + "%")).as("one row per key once folded")
                .isEqualTo(jdbc.queryForObject("select count(distinct (division_code, category, status))"
                        + " from household where division_code like ?", Long.class, TOWNSHIP + "%"));
        expectCountedAsTheTablesGive();

        jdbc.update("delete from annual_record where household_id = ?::uuid", households.get(2));
        expectCountedAsTheTablesGive();
    }

    void record(String household, int year) {
        jdbc.update("""
                insert into annual_record (household_id, division_code, year, size, net_income, per_capita_income,
                    no_dropout, basic_medical_insurance, safe_housing, version, updated_at)
                select id, division_code, ?, 3, 9000, 3000, true, true, true, 0, now() from household
                where id = ?::uuid""", year, household);
    }

    void expectCountedAsTheTablesGive() throws Exception {
        for (String area : List.of(TOWNSHIP, VILLAGE_A, VILLAGE_B)) {
            JsonNode counted = json.readTree(mvc.perform(get("/internal/counts?areaCode=" + area)
                    .with(as("city-officer", "350481"))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString()).get("counts");
            Map<String, Long> kept = new TreeMap<>();
            counted.properties().forEach(entry -> {
                if (!entry.getKey().startsWith("dataIssues")) {
                    kept.put(entry.getKey(), entry.getValue().asLong());
                }
            });
            assertThat(kept).as(area).isEqualTo(countedFromTheTables(area)).isNotEmpty();
        }
    }

    Map<String, Long> countedFromTheTables(String area) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("select category, status, count(*), sum(size) from household where division_code like ?"
                + " group by 1, 2", rs -> {
                    counts.put("households." + rs.getString(1) + "." + rs.getString(2), rs.getLong(3));
                    counts.put("persons." + rs.getString(1) + "." + rs.getString(2), rs.getLong(4));
                }, area + "%");
        jdbc.query("select a.year, count(*) from annual_record a join household h on h.id = a.household_id"
                + " where h.division_code like ? group by 1", rs -> {
                    counts.put("annualRecords." + rs.getInt(1), rs.getLong(2));
                }, area + "%");
        return counts;
    }
}
