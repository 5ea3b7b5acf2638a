package cn.fupin.household.household;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

import cn.fupin.contracts.household.model.MemberInput;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * Several households' heads in one request (表 5 lists a village's): the caller's households only, in the order
 * asked, ID numbers in full for those who collect the data (each household's view recorded) and masked for auditors;
 * an empty or oversized list named as the field at fault.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class HouseholdHeadsIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481107204";
    static final String OTHER_VILLAGE = "350481107205";
    static final SyntheticHouseholds SYNTHETIC = new SyntheticHouseholds(617);

    record Registered(String id, MemberInput head) {
    }

    Registered register(String village) throws Exception {
        RegisterHouseholdRequest form = SYNTHETIC.next(village);
        String body = mvc.perform(post("/api/v1/households").with(as("village-clerk", village))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(form)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new Registered(json.readTree(body).get("id").asString(), form.getMembers().stream()
                .filter(member -> "01".equals(member.getRelation())).findFirst().orElseThrow());
    }

    JsonNode heads(String role, String area, List<String> ids) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/households/heads").with(as(role, area))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("householdIds", ids))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theCallersHouseholdsHeadsInOneRequestInFullOrMaskedAsTheRoleMaySee() throws Exception {
        Registered first = register(VILLAGE);
        Registered second = register(VILLAGE);
        Registered elsewhere = register(OTHER_VILLAGE);
        List<String> asked = List.of(second.id(), elsewhere.id(), UUID.randomUUID().toString(), first.id());

        JsonNode clerk = heads("village-clerk", VILLAGE, asked);

        assertThat(clerk).hasSize(2);
        assertThat(clerk.get(0).get("householdId").asString()).isEqualTo(second.id());
        assertThat(clerk.get(0).get("name").asString()).isEqualTo(second.head().getName());
        assertThat(clerk.get(0).get("idNumber").asString()).isEqualTo(second.head().getIdNumber());
        assertThat(clerk.get(1).get("idNumber").asString()).isEqualTo(first.head().getIdNumber());
        assertThat(jdbc.queryForObject("""
                select count(*) from personal_data_view where operation = 'findHouseholdHeads'
                  and household_id in (cast(? as uuid), cast(? as uuid))""", Long.class, first.id(), second.id()))
                .isEqualTo(2);

        JsonNode auditor = heads("auditor", "350481", asked);
        assertThat(auditor).hasSize(3);
        List<String> numbers = new ArrayList<>();
        auditor.forEach(head -> numbers.add(head.get("idNumber").asString()));
        assertThat(numbers).doesNotContain(first.head().getIdNumber(), second.head().getIdNumber(),
                elsewhere.head().getIdNumber()).allMatch(number -> number.contains("*"));

        mvc.perform(post("/api/v1/households/heads").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content("{\"householdIds\":[]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("householdIds"));
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        mvc.perform(post("/api/v1/households/heads").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("householdIds", tooMany))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("householdIds"));
    }
}
