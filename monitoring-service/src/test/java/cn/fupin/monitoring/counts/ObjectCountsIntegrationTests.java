package cn.fupin.monitoring.counts;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * 账账相符's owner counts of monitoring objects (migration 4) are kept as the objects change: proposed, moved on in
 * status, moved to another village, folded, taken away — at every step {@code GET /internal/counts} gives what
 * counting the objects gives, for the township and each village.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class ObjectCountsIntegrationTests extends ServiceTestSupport {

    static final String TOWNSHIP = "350481104";
    static final String VILLAGE_A = TOWNSHIP + "206";
    static final String VILLAGE_B = TOWNSHIP + "207";

    @Test
    void theKeptCountsAreWhatCountingTheObjectsGives() throws Exception {
        UUID first = object(VILLAGE_A, "PROPOSED");
        UUID second = object(VILLAGE_A, "MONITORED");
        object(VILLAGE_B, "MONITORED");
        expectCountedAsTheTableGives();

        jdbc.update("update monitoring_object set status = 'MONITORED' where id = ?", first);
        jdbc.update("update monitoring_object set division_code = ?, status = 'RISK_CLEARED' where id = ?", VILLAGE_B,
                second);
        expectCountedAsTheTableGives();

        jdbc.execute("select monitoring_object_count_changes_fold()");
        assertThat(jdbc.queryForObject("select count(*) from monitoring_object_count_change where division_code like ?",
                Long.class, TOWNSHIP + "%")).as("one row per village and status once folded")
                .isEqualTo(jdbc.queryForObject("select count(distinct (division_code, status)) from monitoring_object"
                        + " where division_code like ?", Long.class, TOWNSHIP + "%"));
        expectCountedAsTheTableGives();

        jdbc.update("delete from monitoring_object where id = ?", first);
        expectCountedAsTheTableGives();
    }

    UUID object(String village, String status) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into monitoring_object (id, household_id, object_type, division_code, year, status, risks, size,
                    created_by, created_at)
                values (?, ?, 'MARGINAL', ?, 2020, ?, '01', 3, 'test', now())""", id, UUID.randomUUID(), village,
                status);
        return id;
    }

    void expectCountedAsTheTableGives() throws Exception {
        for (String area : List.of(TOWNSHIP, VILLAGE_A, VILLAGE_B)) {
            JsonNode counted = json.readTree(mvc.perform(get("/internal/counts?areaCode=" + area)
                    .with(as("city-officer", "350481"))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString()).get("counts");
            Map<String, Long> kept = new TreeMap<>();
            counted.properties().forEach(entry -> kept.put(entry.getKey(), entry.getValue().asLong()));
            Map<String, Long> counts = new TreeMap<>();
            jdbc.query("select status, count(*) from monitoring_object where division_code like ? group by 1",
                    rs -> {
                        counts.put("objects." + rs.getString(1), rs.getLong(2));
                    }, area + "%");
            assertThat(kept).as(area).isEqualTo(counts);
            if (area.equals(TOWNSHIP)) {
                assertThat(kept).isNotEmpty();
            }
        }
    }
}
