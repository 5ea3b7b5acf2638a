package cn.fupin.household.privacy;

import static cn.fupin.platform.testing.Tokens.as;
import static cn.fupin.platform.testing.Tokens.asCallerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.security.ApplicationRoleCheck;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;

/**
 * The second wall: even a query that forgets the area filter sees, changes and adds only rows of the caller's area,
 * because PostgreSQL's row-level security holds for the application role, which owns nothing and cannot switch it
 * off. The system's own work sees everything; a connection never told its area sees nothing.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class RowLevelSecurityIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481107201";
    static final String OTHER_VILLAGE = "350481107202";

    @Autowired
    Environment environment;

    UUID register(String village, int seed) throws Exception {
        String body = mvc.perform(post("/api/v1/households").with(as("village-clerk", village))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(new SyntheticHouseholds(seed).next(village))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(json.readTree(body).get("id").asString());
    }

    @Test
    void anUnfilteredQuerySeesAndTouchesOnlyTheCallersArea() throws Exception {
        UUID mine = register(VILLAGE, 301);
        UUID theirs = register(OTHER_VILLAGE, 302);

        assertThat(asCallerOf(VILLAGE, () -> jdbc.queryForList("select id from household", UUID.class)))
                .contains(mine).doesNotContain(theirs);
        assertThat(asCallerOf(VILLAGE, () -> jdbc.queryForObject(
                "select count(*) from member where household_id = ?", Long.class, theirs))).isZero();
        assertThat(asCallerOf(VILLAGE, () -> jdbc.update("update household set phone = '0' where id = ?", theirs)))
                .isZero();
        assertThat(asCallerOf(VILLAGE, () -> jdbc.update("delete from member where household_id = ?", theirs)))
                .isZero();
        assertThat(asCallerOf("350481107", () -> jdbc.queryForList("select id from household", UUID.class)))
                .contains(mine, theirs);
        assertThatThrownBy(() -> asCallerOf(VILLAGE, () -> jdbc.update(
                "update household set division_code = ? where id = ?", OTHER_VILLAGE, mine)))
                .hasStackTraceContaining("violates row-level security policy");

        // outside a request: the system's own work (consumers, relay) sees everything
        assertThat(jdbc.queryForList("select id from household", UUID.class)).contains(mine, theirs);
    }

    @Test
    void theApplicationRoleOwnsNothingCannotSwitchTheWallOffAndSeesNothingUntold() {
        JdbcTemplate untold = new JdbcTemplate(applicationRole());
        assertThat(untold.queryForObject("select current_user", String.class)).isEqualTo("fupin_app");
        assertThat(untold.queryForObject("select count(*) from household.household", Long.class)).isZero();
        assertThatThrownBy(() -> untold.execute("alter table household.household disable row level security"))
                .hasStackTraceContaining("must be owner");
        assertThatThrownBy(() -> untold.execute("drop policy in_area on household.household"))
                .hasStackTraceContaining("must be owner");
        assertThat(jdbc.queryForObject("""
                select count(*) from pg_tables where schemaname = 'household' and tableowner = current_user""",
                Long.class)).isZero();
    }

    @Test
    void aServiceConnectedAsTheOwnerRefusesToStart() {
        DataSource owner = DataSourceBuilder.create().url(environment.getProperty("spring.datasource.url"))
                .username(environment.getProperty("spring.flyway.user"))
                .password(environment.getProperty("spring.flyway.password")).build();
        assertThatThrownBy(() -> new ApplicationRoleCheck(new JdbcTemplate(owner), "household")
                .afterSingletonsInstantiated()).hasMessageContaining("owns tables of schema household");
        new ApplicationRoleCheck(jdbc, "household").afterSingletonsInstantiated();
    }

    DataSource applicationRole() {
        return DataSourceBuilder.create().url(environment.getProperty("spring.datasource.url"))
                .username(environment.getProperty("spring.datasource.username"))
                .password(environment.getProperty("spring.datasource.password")).build();
    }
}
