package cn.fupin.household.household;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;

import cn.fupin.contracts.events.EventSchemas;
import cn.fupin.contracts.household.model.HouseholdCategory;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.pii.StoredIdNumbers;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import cn.fupin.platform.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * Corrections of who a member is (A1–A5) and the change of head, through the API, on real PostgreSQL and Kafka: the
 * rules of registration, the registry-wide unique ID number, one head, If-Match, the history and the event.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class IdentityCorrectionIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481105201";
    /** A region no synthetic household uses, so that corrected numbers are new to the registry. */
    static final String REGION = "350402";
    static final SyntheticHouseholds synthetic = new SyntheticHouseholds(89);
    static int sequence = 50;

    @Autowired
    StoredIdNumbers storedIdNumbers;

    static JwtRequestPostProcessor clerk() {
        return as("village-clerk", VILLAGE);
    }

    JsonNode register(RegisterHouseholdRequest request) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/households").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    JsonNode register() throws Exception {
        return register(synthetic.next(VILLAGE, HouseholdCategory.REGISTERED));
    }

    /** A number new to the registry for the member's birth date and sex, ending in X or not, as asked. */
    static String newIdNumber(JsonNode member, boolean endingInX) {
        LocalDate born = LocalDate.parse(member.get("birthDate").asString());
        int male = "1".equals(member.get("gender").asString()) ? 1 : 0;
        while (true) {
            String number = ResidentId.of(REGION, born, 2 * sequence++ + male).value();
            if (number.endsWith("X") == endingInX) {
                return number;
            }
        }
    }

    ResultActions correct(String householdId, String memberId, String version, Map<String, Object> correction)
            throws Exception {
        var request = patch("/api/v1/households/" + householdId + "/members/" + memberId + "/identity").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(correction));
        return mvc.perform(version == null ? request : request.header("If-Match", "\"" + version + "\""));
    }

    static Map<String, Object> correction(Object... fieldsAndValues) {
        Map<String, Object> correction = new HashMap<>(Map.of("reason", "经核对居民身份证、户口簿"));
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            correction.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return correction;
    }

    @Test
    void anIdNumberIsCheckedAsAtRegistrationAndItsOldValueIsKept() throws Exception {
        JsonNode household = register();
        String id = household.get("id").asString();
        JsonNode head = household.get("members").get(0);
        String memberId = head.get("id").asString();
        String oldNumber = head.get("idNumber").asString();
        String newNumber = newIdNumber(head, true);
        String otherSex = "1".equals(head.get("gender").asString()) ? "2" : "1";

        correct(id, memberId, null, correction("idNumber", newNumber)).andExpect(status().isPreconditionRequired());
        correct(id, memberId, "0", correction("idNumber", newNumber.substring(0, 17) + "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"))
                .andExpect(jsonPath("$.errors[0].indicator").value("A4"));
        correct(id, memberId, "0", correction("idNumber", newNumber, "gender", otherSex, "birthDate", "2001-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'gender')].indicator").value("A2"))
                .andExpect(jsonPath("$.errors[?(@.field == 'birthDate')]").exists());
        correct(id, memberId, "0", correction("idNumber", newNumber, "reason", " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(patch("/api/v1/households/" + id + "/members/" + memberId + "/identity")
                .with(as("village-clerk", "350481105202")).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(correction("name", "某某"))))
                .andExpect(status().isNotFound());

        correct(id, memberId, "0", correction("idNumber", newNumber.toLowerCase()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.members[0].idNumber").value(newNumber));
        mvc.perform(get("/api/v1/households/" + id).with(as("auditor", "350481")))
                .andExpect(jsonPath("$.members[0].idNumber").value(newNumber.substring(0, 6) + "********"
                        + newNumber.substring(14)));

        Map<String, Object> history = jdbc.queryForMap("""
                select field, indicator, old_value, new_value, old_id_number, new_id_number, reason, corrected_by
                from member_correction where member_id = ?::uuid""", memberId);
        assertThat(history).containsEntry("field", "idNumber").containsEntry("indicator", "A4")
                .containsEntry("old_value", null).containsEntry("new_value", null)
                .containsEntry("reason", "经核对居民身份证、户口簿").containsEntry("corrected_by", "user-village-clerk");
        assertThat(storedIdNumbers.read((byte[]) history.get("old_id_number"))).isEqualTo(oldNumber);
        assertThat(storedIdNumbers.read((byte[]) history.get("new_id_number"))).isEqualTo(newNumber);

        mvc.perform(get("/api/v1/households/" + id + "/corrections").with(clerk())).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].memberId").value(memberId))
                .andExpect(jsonPath("$[0].indicator").value("A4"))
                .andExpect(jsonPath("$[0].oldValue").value(oldNumber))
                .andExpect(jsonPath("$[0].newValue").value(newNumber))
                .andExpect(jsonPath("$[0].reason").value("经核对居民身份证、户口簿"));
        assertThat(jdbc.queryForObject("""
                select count(*) from personal_data_view where household_id = ?::uuid and operation = 'listCorrections'""",
                Long.class, id)).isEqualTo(1);
        mvc.perform(get("/api/v1/households/" + id + "/corrections").with(as("auditor", "350481")))
                .andExpect(jsonPath("$[0].oldValue").value(oldNumber.substring(0, 6) + "********"
                        + oldNumber.substring(14)))
                .andExpect(jsonPath("$[0].newValue").value(newNumber.substring(0, 6) + "********"
                        + newNumber.substring(14)));
        mvc.perform(get("/api/v1/households/" + id + "/corrections").with(as("township-officer", "350481101")))
                .andExpect(status().isNotFound());
        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            String event = probe.awaitEvent(id, "HouseholdUpdated");
            assertThat(new EventSchemas().violations(event)).isEmpty();
            assertThat(event).contains("\"changedFields\":[\"members[" + memberId + "].idNumber\"]")
                    .doesNotContain(newNumber).doesNotContain(oldNumber);
        }
    }

    @Test
    void aNumberHeldByAnActiveMemberAnywhereInTheRegistryIsAConflict() throws Exception {
        JsonNode first = register();
        JsonNode second = register();
        JsonNode holder = first.get("members").get(0);
        String id = second.get("id").asString();

        correct(id, second.get("members").get(0).get("id").asString(), "0", correction("idNumber",
                holder.get("idNumber").asString(), "gender", holder.get("gender").asString(), "birthDate",
                holder.get("birthDate").asString()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("duplicate-id-number"));
        mvc.perform(get("/api/v1/households/" + id).with(clerk())).andExpect(header().string("ETag", "\"0\""));
    }

    @Test
    void legacyNumbersAreAcceptedAndFlaggedCertificatesChecked() throws Exception {
        JsonNode household = register();
        String id = household.get("id").asString();
        JsonNode head = household.get("members").get(0);
        String memberId = head.get("id").asString();
        String full = newIdNumber(head, false);
        String legacy = full.substring(0, 6) + full.substring(8, 17);
        String issues = "/api/v1/data-issues?ruleCode=legacy-resident-id&size=200&areaCode=" + VILLAGE;

        correct(id, memberId, "0", correction("idNumber", legacy)).andExpect(status().isOk());
        mvc.perform(get(issues).with(clerk()))
                .andExpect(jsonPath("$.content[?(@.householdId == '" + id + "')].status").value("OPEN"));

        correct(id, memberId, "1", correction("idType", "09", "idNumber", full + "47"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"));
        correct(id, memberId, "1", correction("idType", "09", "idNumber", full + "42"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members[0].idType").value("09"))
                .andExpect(jsonPath("$.members[0].idNumber").value(full + "42"));
        mvc.perform(get(issues + "&status=CLOSED").with(clerk()))
                .andExpect(jsonPath("$.content[?(@.householdId == '" + id + "')].resolution").value("CORRECTED"));
        assertThat(jdbc.queryForList("select field from member_correction where member_id = ?::uuid order by id",
                String.class, memberId)).containsExactly("idNumber", "idType", "idNumber");
    }

    @Test
    void theHeadChangesOnlyByAChangeOfHeadThatNamesBothMembers() throws Exception {
        RegisterHouseholdRequest request;
        do {
            request = synthetic.next(VILLAGE, HouseholdCategory.REGISTERED);
        }
        while (request.getMembers().size() < 2);
        JsonNode household = register(request);
        String id = household.get("id").asString();
        JsonNode head = household.get("members").get(0);
        JsonNode other = household.get("members").get(1);
        String headId = head.get("id").asString();
        String otherId = other.get("id").asString();
        String formerHeadRelation = "02".equals(other.get("relation").asString()) ? "02"
                : "1".equals(head.get("gender").asString()) ? "11" : "12";

        correct(id, otherId, "0", correction("relation", "01"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("household-head-required"));
        correct(id, headId, "0", correction("relation", "03"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("household-head-required"));

        Map<String, Object> change = Map.of("newHeadMemberId", otherId, "reason", "原户主长期外出，经村民小组确认",
                "relations", List.of(Map.of("memberId", headId, "relation", formerHeadRelation)));
        changeHead(id, null, change).andExpect(status().isPreconditionRequired());
        changeHead(id, "5", change).andExpect(status().isPreconditionFailed());
        changeHead(id, "0", Map.of("newHeadMemberId", otherId, "reason", "未给出原户主", "relations", List.of()))
                .andExpect(status().isBadRequest());
        changeHead(id, "0", Map.of("newHeadMemberId", otherId, "reason", "两名户主",
                "relations", List.of(Map.of("memberId", headId, "relation", "01"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("household-head-required"));
        changeHead(id, "0", Map.of("newHeadMemberId", otherId, "reason", "编码有误",
                "relations", List.of(Map.of("memberId", headId, "relation", "77"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("relations[0].relation"))
                .andExpect(jsonPath("$.errors[0].indicator").value("A5"));

        changeHead(id, "0", change)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.members[0].id").value(otherId))
                .andExpect(jsonPath("$.members[?(@.relation == '01')].id").value(otherId))
                .andExpect(jsonPath("$.members[?(@.id == '" + headId + "')].relation").value(formerHeadRelation));

        assertThat(jdbc.queryForList("""
                select old_value, new_value from member_correction where household_id = ?::uuid and field = 'relation'
                and reason = '原户主长期外出，经村民小组确认' order by old_value""", id)).containsExactly(
                        Map.of("old_value", "01", "new_value", formerHeadRelation),
                        Map.of("old_value", other.get("relation").asString(), "new_value", "01"));
        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            String event = probe.awaitEvent(id, "HouseholdUpdated");
            assertThat(new EventSchemas().violations(event)).isEmpty();
            assertThat(event).contains("members[" + headId + "].relation", "members[" + otherId + "].relation");
        }
    }

    ResultActions changeHead(String householdId, String version, Map<String, Object> change) throws Exception {
        var request = post("/api/v1/households/" + householdId + "/head-change").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(change));
        return mvc.perform(version == null ? request : request.header("If-Match", "\"" + version + "\""));
    }
}
