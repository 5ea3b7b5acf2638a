package cn.fupin.reporting.rebuild;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Reporting with a read replica configured (the province overlay's {@code reporting-db-ro}). Here the "replica" is
 * the same database reached through the replica's pool — this proves the routing, not PostgreSQL's replication: the
 * projections' writes go to the primary, every report's read-only transaction takes its connection from the
 * replica's pool, and that pool's connections write nothing.
 */
@RealInfrastructure
@SpringBootTest(properties = { "fupin.test.database=replica",
        "fupin.reporting.replica-url=${spring.datasource.url}" })
@AutoConfigureMockMvc
class ReplicaReadsIntegrationTests extends ServiceTestSupport {

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Test
    void reportsReadTheReplicaWhileTheProjectionsWriteThePrimary() throws Exception {
        UUID id = UUID.randomUUID();
        String village = "350481105201";
        kafka.send("household.events", id.toString(), """
                {"specversion":"1.0","id":"household:household:%1$s:1","source":"/fupin/household-service",
                 "type":"fupin.household.HouseholdRegistered.v1","subject":"%1$s","time":"2026-11-28T10:00:00Z",
                 "datacontenttype":"application/json","areacode":"%2$s","actor":"u1","correlationid":"c1",
                 "aggregatetype":"household","sequence":1,
                 "data":{"householdId":"%1$s","category":"MARGINAL","status":"MARGINAL","divisionCode":"%2$s",
                         "size":3,"members":[]}}""".formatted(id, village));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from household_fact where household_id = ?", Long.class, id) == 1);

        long before = replicaAcquisitions();
        mvc.perform(get("/api/v1/reports/overview?areaCode=" + village).with(as("city-officer", "350481")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.persons").value(3));
        assertThat(replicaAcquisitions()).as("the report's connection came from the replica's pool")
                .isGreaterThan(before);

        assertThat(dataSource).isInstanceOf(ActiveReadModel.class);
        try (Connection replica = ((ActiveReadModel) dataSource).replica().orElseThrow().getConnection();
                Statement statement = replica.createStatement()) {
            assertThat(replica.isReadOnly()).isTrue();
            // as a report's transaction uses it (the driver makes read-only what runs in a transaction)
            replica.setAutoCommit(false);
            assertThatThrownBy(() -> statement.execute("update household_fact set size = size where false"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
            replica.rollback();
        }
    }

    private long replicaAcquisitions() {
        Timer acquire = meters.find("hikaricp.connections.acquire").tag("pool", ReadModelConfiguration.REPLICA_POOL).timer();
        return acquire == null ? 0 : acquire.count();
    }
}
