package cn.fupin.reporting.monitoring;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;

/**
 * A scripted set of monitoring events gives exact numbers in the monitoring report, and delivering them all
 * again changes nothing.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class MonitoringReportIntegrationTests extends ServiceTestSupport {

    static final String TOWNSHIP = "350481106";

    String event(UUID object, long sequence, String name, String type, String status, String risks, String extra) {
        String village = TOWNSHIP + "201";
        return """
                {"specversion":"1.0","id":"monitoring:monitoring-object:%1$s:%2$d","source":"/fupin/monitoring-service",
                 "type":"fupin.monitoring.%3$s.v1","subject":"%1$s","time":"2020-11-28T10:00:00Z",
                 "datacontenttype":"application/json","areacode":"%4$s","actor":"u1","correlationid":"c1",
                 "aggregatetype":"monitoring-object","sequence":%2$d,
                 "data":{"monitoringObjectId":"%1$s","objectType":"%5$s","householdId":"%1$s","divisionCode":"%4$s",
                  "year":2020,"status":"%6$s","risks":%7$s%8$s}}"""
                .formatted(object, sequence, name, village, type, status, risks, extra);
    }

    void send(UUID object, String event) {
        kafka.send("monitoring.events", object.toString(), event);
    }

    @Test
    void scriptedMonitoringEventsGiveExactNumbersAndRedeliveryChangesNothing() throws Exception {
        UUID cleared = UUID.randomUUID();
        UUID followed = UUID.randomUUID();
        UUID proposed = UUID.randomUUID();
        String[] script = {
            event(cleared, 1, "MonitoringObjectProposed", "UNSTABLE_EXITED", "PROPOSED", "[\"01\",\"07\"]", ""),
            event(cleared, 2, "MonitoringObjectIdentified", "UNSTABLE_EXITED", "MONITORED", "[\"01\",\"07\"]", ""),
            event(cleared, 3, "AssistanceRecorded", "UNSTABLE_EXITED", "MONITORED", "null", ""),
            event(cleared, 4, "RiskCleared", "UNSTABLE_EXITED", "RISK_CLEARED", "[\"01\",\"07\"]", ""),
            event(followed, 1, "MonitoringObjectProposed", "MARGINAL", "PROPOSED", "[\"03\"]", ""),
            event(followed, 2, "MonitoringObjectIdentified", "MARGINAL", "MONITORED", "[\"03\"]", ""),
            event(proposed, 1, "MonitoringObjectProposed", "MARGINAL", "PROPOSED", "[\"01\"]", "") };
        UUID[] keys = { cleared, cleared, cleared, cleared, followed, followed, proposed };
        for (int i = 0; i < script.length; i++) {
            send(keys[i], script[i]);
        }
        for (int i = 0; i < script.length; i++) {
            send(keys[i], script[i]);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from monitoring_fact where division_code like '" + TOWNSHIP + "%'"
                        + " and last_sequence = case object_id when '" + cleared + "' then 4 when '" + followed
                        + "' then 2 else 1 end", Long.class) == 3);
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);

        mvc.perform(get("/api/v1/reports/monitoring?areaCode=" + TOWNSHIP).with(as("city-officer", "350481")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.objects").value(3))
                .andExpect(jsonPath("$.byType[?(@.code == 'MARGINAL')].objects").value(2))
                .andExpect(jsonPath("$.byStatus[?(@.code == 'RISK_CLEARED')].label").value("风险已消除"))
                .andExpect(jsonPath("$.byRisk[?(@.code == '01')].objects").value(2))
                .andExpect(jsonPath("$.byRisk[?(@.code == '01')].label").value("因大病"))
                .andExpect(jsonPath("$.eliminated").value(1))
                .andExpect(jsonPath("$.notEliminated").value(1))
                .andExpect(jsonPath("$.withAssistance").value(1))
                .andExpect(jsonPath("$.assistanceCoverage").value("0.5000"))
                .andExpect(jsonPath("$.children[?(@.areaCode == '" + TOWNSHIP + "201')].objects").value(3));
        mvc.perform(get("/api/v1/reports/monitoring?areaCode=" + TOWNSHIP).with(as("township-officer", "350481100")))
                .andExpect(status().isNotFound());

        // the villages' counts the report reads (migration 9) are the objects grouped, after every status change
        String prefix = "'" + TOWNSHIP + "%'";
        assertThat(rows("select year, division_code, object_type, status, assisted, objects from monitoring_count"
                + " where division_code like " + prefix + " and objects <> 0"))
                .isEqualTo(rows("select year, division_code, object_type, status, assistance_count > 0, count(*)"
                        + " from monitoring_fact where division_code like " + prefix + " group by 1, 2, 3, 4, 5"))
                .hasSize(3);
        assertThat(rows("select year, division_code, status, risk, objects from monitoring_risk_count"
                + " where division_code like " + prefix + " and objects <> 0"))
                .isEqualTo(rows("select year, division_code, status, risk, count(*) from monitoring_fact,"
                        + " unnest(string_to_array(risks, ',')) as risk where division_code like " + prefix
                        + " group by 1, 2, 3, 4"))
                .hasSize(4);
    }

    Set<List<Object>> rows(String sql) {
        return new HashSet<>(jdbc.query(sql, (rs, n) -> {
            List<Object> row = new ArrayList<>();
            for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                row.add(String.valueOf(rs.getObject(column)));
            }
            return row;
        }));
    }
}
