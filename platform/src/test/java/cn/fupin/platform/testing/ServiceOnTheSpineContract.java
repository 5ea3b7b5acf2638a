package cn.fupin.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
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
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

import cn.fupin.platform.security.ContractRoles;
import cn.fupin.platform.security.Role;

/**
 * What every service has on the spine, checked against the started service: its schema with the outbox, its
 * topic retained for replay, readiness, its contract served as written, no API without a token, each operation's
 * roles as the contract states them, and an application role under row-level security. A service's
 * test class extends this with {@code @RealInfrastructure @SpringBootTest @AutoConfigureMockMvc}.
 */
public abstract class ServiceOnTheSpineContract extends ServiceTestSupport {

    @Autowired
    ApplicationContext context;

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

    @Test
    void everyOperationStatesItsRolesAndTheControllerAllowsTheSame() {
        ContractRolesAgreement.verify(context, "openapi/" + service() + ".yaml");
    }

    /** A role outside an operation is refused before the request is read: 403 for a body that is not even JSON. */
    @Test
    void aRoleOutsideAnOperationIsRefusedBeforeItsBodyIsRead() throws Exception {
        ContractRoles roles = ContractRoles.fromContract("openapi/" + service() + ".yaml");
        for (ContractRoles.Operation operation : roles.operations()) {
            for (Role role : Role.values()) {
                if (!operation.roles().contains(role.realmRole())) {
                    mvc.perform(request(operation.method(), operation.path().replaceAll("\\{[^}]+}", "1"))
                            .with(Tokens.as(role.realmRole(), "350481")).contentType(MediaType.APPLICATION_JSON)
                            .content("not json"))
                            .andExpect(status().isForbidden());
                }
            }
        }
    }

    /** The service connects as a role that owns none of its tables, and its tables holding areas have row security. */
    @Test
    void runsAsAnApplicationRoleUnderRowLevelSecurity() {
        assertThat(jdbc.queryForObject("select count(*) from pg_tables where schemaname = ? and tableowner = current_user",
                Long.class, service())).isZero();
        assertThat(jdbc.queryForList("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relkind = 'r' and c.relrowsecurity""", String.class, service()))
                .isNotEmpty();
    }
}
