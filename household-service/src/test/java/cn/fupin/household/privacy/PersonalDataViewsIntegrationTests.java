package cn.fupin.household.privacy;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;

/** Every full view of ID numbers is recorded — who, which household, how many, by what — and masked views are not. */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class PersonalDataViewsIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481106203";

    long views(UUID household) {
        return jdbc.queryForObject("select count(*) from personal_data_view where household_id = ?", Long.class,
                household);
    }

    @Test
    void aFullViewIsRecordedAndAMaskedOneIsNot() throws Exception {
        var form = new SyntheticHouseholds(83).next(VILLAGE);
        String body = mvc.perform(post("/api/v1/households").with(as("clerk-p", "village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(form)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(json.readTree(body).get("id").asString());
        assertThat(views(id)).isEqualTo(1);

        mvc.perform(get("/api/v1/households/" + id).with(as("officer-p", "township-officer", "350481106")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/households/" + id).with(as("auditor-p", "auditor", "350481")))
                .andExpect(status().isOk());
        assertThat(views(id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select id_numbers from personal_data_view where household_id = ? and"
                + " operation = 'getHousehold'", Integer.class, id)).isEqualTo(form.getMembers().size());

        mvc.perform(get("/api/v1/personal-data-views?householdId=" + id).with(as("auditor-p", "auditor", "350481")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].viewer").value("officer-p"))
                .andExpect(jsonPath("$[0].operation").value("getHousehold"))
                .andExpect(jsonPath("$[1].operation").value("registerHousehold"));
        mvc.perform(get("/api/v1/personal-data-views?householdId=" + id)
                .with(as("auditor-x", "auditor", "350481101"))).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/personal-data-views").with(as("clerk-p", "village-clerk", VILLAGE)))
                .andExpect(status().isForbidden());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "delete from personal_data_view where household_id = ?", id)).hasMessageContaining("append-only");
    }
}
