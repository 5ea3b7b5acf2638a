package cn.fupin.household.household;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.jdbc.CopyRows;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;

/**
 * What the foreign keys of a household's bulk rows guaranteed, now checked once per statement (migration 29): a
 * member, helper, registry record or annual record names a household that exists, also in a copied batch where one
 * row of many does not (the batch is refused whole); a household is never deleted or renumbered, so no row loses its
 * household afterwards.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class HouseholdRowsIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481107203";
    static final SyntheticHouseholds SYNTHETIC = new SyntheticHouseholds(613);

    @org.springframework.beans.factory.annotation.Autowired
    TransactionTemplate transactions;

    UUID register() throws Exception {
        String body = mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(SYNTHETIC.next(VILLAGE))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(json.readTree(body).get("id").asString());
    }

    @Test
    void aRowOfAHouseholdThatDoesNotExistIsRefusedAlsoAmongGoodOnesInACopiedBatch() throws Exception {
        UUID household = register();
        UUID nowhere = UUID.randomUUID();

        assertThatThrownBy(() -> jdbc.update("""
                insert into annual_record (household_id, division_code, year, size, net_income, per_capita_income,
                    no_dropout, basic_medical_insurance, safe_housing, version, updated_at)
                values (?, ?, 2020, 1, 0, 0, true, true, true, 0, now())""", nowhere, VILLAGE))
                .hasStackTraceContaining("annual_record: household " + nowhere + " does not exist");
        assertThatThrownBy(() -> jdbc.update("""
                insert into household_registry (household_id, registry_number, status, person_numbers, digest, import_id,
                    imported_at) values (?, 'X1', 'POOR', '{}', 'd', gen_random_uuid(), now())""", nowhere))
                .hasStackTraceContaining("household_registry: household " + nowhere + " does not exist");

        CopyRows helpers = new CopyRows();
        helpers.add(household).add(7).add(UUID.randomUUID()).add("林正").add("1").add(null).add("市扶贫办")
                .add(java.time.LocalDate.of(2020, 10, 12)).add(null).add(null).end();
        helpers.add(nowhere).add(0).add(UUID.randomUUID()).add("黄英").add("2").add(null).add("镇农业站")
                .add(java.time.LocalDate.of(2020, 10, 12)).add(null).add(null).end();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> jdbc.execute(
                (java.sql.Connection connection) -> {
                    helpers.copyInto(connection, "helper",
                            "household_id, ordinal, helper_id, name, gender, political_status, unit, start_date, end_date, phone");
                    return null;
                }))).hasStackTraceContaining("helper: household " + nowhere + " does not exist");
        assertThat(jdbc.queryForObject("select count(*) from helper where household_id = ? and ordinal = 7",
                Long.class, household)).as("the batch refused whole").isZero();
        assertThatThrownBy(() -> jdbc.update("update member set household_id = ? where household_id = ?", nowhere,
                household)).hasStackTraceContaining("member: household " + nowhere + " does not exist");
        assertThatThrownBy(() -> jdbc.update("update member set division_code = ? where household_id = ?",
                VILLAGE.substring(0, 9) + "299", household)).as("a member filed under another area than his household")
                .hasStackTraceContaining("member: household " + household + " does not exist in the area the row");
    }

    @Test
    void aHouseholdIsNeverDeletedOrRenumbered() throws Exception {
        UUID household = register();

        assertThatThrownBy(() -> jdbc.update("delete from household where id = ?", household))
                .hasStackTraceContaining("a household is never deleted or renumbered");
        assertThatThrownBy(() -> jdbc.update("update household set id = ? where id = ?", UUID.randomUUID(),
                household)).hasStackTraceContaining("a household is never deleted or renumbered");
        assertThat(jdbc.queryForObject("select count(*) from member where household_id = ?", Long.class, household))
                .isPositive();
    }
}
