package cn.fupin.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every service has on the spine, checked against the started service: its schema with the outbox, its
 * topic retained for replay, readiness, its contract served as written, and no API without a token. A service's
 * test class extends this with {@code @RealInfrastructure @SpringBootTest @AutoConfigureMockMvc}.
 */
public abstract class ServiceOnTheSpineContract extends ServiceTestSupport {

    /** The short service name: schema, topic prefix and contract name, e.g. {@code review}. */
    protected abstract String service();

    @Test
    void startsWithItsSchemaItsRetainedTopicAndItsContract() throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from " + service() + ".outbox_event", Long.class)).isZero();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            var topic = new ConfigResource(ConfigResource.Type.TOPIC, service() + ".events");
            var config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
        }

        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/openapi/" + service() + ".yaml")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("openapi: 3.1")));
        mvc.perform(get("/api/v1/anything")).andExpect(status().isUnauthorized());
    }
}
