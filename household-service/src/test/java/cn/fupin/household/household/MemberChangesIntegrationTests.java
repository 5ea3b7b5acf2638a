package cn.fupin.household.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

import cn.fupin.contracts.events.EventSchemas;
import cn.fupin.contracts.household.model.MemberIncrease;
import cn.fupin.contracts.household.model.MemberInput;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import cn.fupin.platform.testing.Tokens;
import cn.fupin.platform.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

/** Forms 2 and 3: natural increase and decrease of members, through the API, on real PostgreSQL and Kafka. */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class MemberChangesIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481100202";
    static final SyntheticHouseholds synthetic = new SyntheticHouseholds(23);
    static int babies = 100;

    static JwtRequestPostProcessor clerk() {
        return Tokens.as("village-clerk", VILLAGE);
    }

    JsonNode register() throws Exception {
        RegisterHouseholdRequest request = synthetic.next(VILLAGE);
        return json.readTree(mvc.perform(post("/api/v1/households").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    static MemberIncrease newborn() {
        ResidentId id = ResidentId.of("350481", LocalDate.of(2020, 6, 1), 2 * babies++ + 1);
        return new MemberIncrease(new MemberInput("新生儿", "1", id.value(), "07").birthDate(id.birthDate()), "1",
                LocalDate.of(2020, 6, 1));
    }

    @Test
    void aNewbornIsAddedTheHouseholdGrowsAndMemberAddedIsPublished() throws Exception {
        JsonNode household = register();
        String id = household.get("id").asString();
        int size = household.get("size").asInt();

        mvc.perform(post("/api/v1/households/" + id + "/members").with(clerk()).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(newborn())))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.size").value(size + 1))
                .andExpect(jsonPath("$.members[?(@.increaseReason == '1')].joinedOn").value("2020-06-01"));

        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            String event = probe.awaitEvent(id, "MemberAdded");
            assertThat(new EventSchemas().violations(event)).isEmpty();
            List<Long> sequences = probe.poll().stream().filter(r -> r.key().equals(id))
                    .map(r -> json.readTree(r.value()).get("sequence").asLong()).toList();
            assertThat(sequences).as("one aggregate's events in order, without gaps")
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(1, sequences.size()).boxed().toList());
        }
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() throws Exception {
        String id = register().get("id").asString();

        mvc.perform(post("/api/v1/households/" + id + "/members").with(clerk()).header("If-Match", "\"7\"")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(newborn())))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.code").value("version-mismatch"));
        mvc.perform(get("/api/v1/households/" + id).with(clerk())).andExpect(header().string("ETag", "\"0\""));
    }

    @Test
    void badCodesAndAFutureDateAreNamed() throws Exception {
        String id = register().get("id").asString();
        MemberIncrease increase = newborn().date(LocalDate.now().plusDays(3));
        increase.getMember().indicators(new cn.fupin.contracts.household.model.MemberIndicators().education("77")
                .health(List.of("01", "09")));

        mvc.perform(post("/api/v1/households/" + id + "/members").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(increase)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'member.indicators.education')].indicator").value("A8"))
                .andExpect(jsonPath("$.errors[?(@.field == 'member.indicators.health[1]')].indicator").value("A10"))
                .andExpect(jsonPath("$.errors[?(@.field == 'date')]").exists());
        mvc.perform(post("/api/v1/households/" + id + "/members").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content("{\"member\":{},\"reason\":\"9\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aMemberLeavesStaysInTheHistoryAndMemberRemovedIsPublished() throws Exception {
        JsonNode household = register();
        String id = household.get("id").asString();
        JsonNode head = household.get("members").get(0);
        String otherId = household.get("members").size() > 1 ? household.get("members").get(1).get("id").asString()
                : null;
        if (otherId == null) {
            otherId = json.readTree(mvc.perform(post("/api/v1/households/" + id + "/members").with(clerk())
                    .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(newborn())))
                    .andReturn().getResponse().getContentAsString()).get("members").get(1).get("id").asString();
        }

        mvc.perform(post("/api/v1/households/" + id + "/members/" + head.get("id").asString() + "/removal")
                .with(clerk()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("reason", "1", "date", "2020-09-30"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newHeadMemberId"));

        String newHead = otherId;
        mvc.perform(post("/api/v1/households/" + id + "/members/" + head.get("id").asString() + "/removal")
                .with(clerk()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("reason", "1", "date", "2020-09-30",
                        "newHeadMemberId", newHead))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members[?(@.id == '" + head.get("id").asString() + "')].active").value(false))
                .andExpect(jsonPath("$.members[?(@.id == '" + head.get("id").asString() + "')].decreaseReason")
                        .value("1"))
                .andExpect(jsonPath("$.members[?(@.id == '" + newHead + "')].relation").value("01"));

        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            String event = probe.awaitEvent(id, "MemberRemoved");
            assertThat(new EventSchemas().violations(event)).isEmpty();
        }
        String removed = head.get("idNumber").asString();
        mvc.perform(get("/api/v1/persons").param("idNumber", removed).with(clerk())).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].householdId").value(id))
                .andExpect(jsonPath("$[0].active").value(false));
        mvc.perform(get("/api/v1/households").param("idNumber", removed).with(clerk())).andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(1)).andExpect(jsonPath("$.content[0].id").value(id));
    }

    @Test
    void baseDataChangesNeedTheVersionTheyWereMadeOn() throws Exception {
        String id = register().get("id").asString();
        String change = json.writeValueAsString(Map.of("phone", "13900000000", "causes", List.of("04")));

        mvc.perform(patch("/api/v1/households/" + id)
                .with(clerk()).contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.code").value("if-match-required"));
        mvc.perform(patch("/api/v1/households/" + id)
                .with(clerk()).header("If-Match", "\"3\"").contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(patch("/api/v1/households/" + id)
                .with(clerk()).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.phone").value("13900000000"))
                .andExpect(jsonPath("$.causes[0]").value("04"));

        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            String event = probe.awaitEvent(id, "HouseholdUpdated");
            assertThat(new EventSchemas().violations(event)).isEmpty();
            assertThat(event).contains("\"changedFields\":[\"phone\",\"causes\"]").doesNotContain("13900000000");
        }
    }

    @Test
    void helpersAreAssignedAndPublishedWithoutTheirPersonalData() throws Exception {
        String id = register().get("id").asString();
        String helpers = json.writeValueAsString(Map.of("helpers", List.of(Map.of("name", "王帮扶", "gender", "1",
                "politicalStatus", "01", "unit", "永安市扶贫办", "startDate", "2020-03-01", "phone", "13512345678"))));

        mvc.perform(put("/api/v1/households/" + id + "/helpers").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(helpers))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.helpers[0].unit").value("永安市扶贫办"))
                .andExpect(jsonPath("$.helpers[0].phone").value("13512345678"));
        mvc.perform(put("/api/v1/households/" + id + "/helpers").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("helpers",
                        List.of(Map.of("name", "王帮扶", "gender", "1", "unit", "x", "startDate", "2020-03-01",
                                "endDate", "2019-01-01"))))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("helpers[0].endDate"));

        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            String event = probe.awaitEvent(id, "HelpersAssigned");
            assertThat(new EventSchemas().violations(event)).isEmpty();
            assertThat(event).doesNotContain("王帮扶").doesNotContain("13512345678");
        }
    }

    @Test
    void aCorrectedMemberClosesTheProblemItCaused() throws Exception {
        RegisterHouseholdRequest request = synthetic.next(VILLAGE);
        var head = request.getMembers().getFirst();
        head.getIndicators().education("03").studentStatus("05");
        JsonNode household = json.readTree(mvc.perform(post("/api/v1/households").with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String id = household.get("id").asString();
        String memberId = household.get("members").get(0).get("id").asString();
        String issues = "/api/v1/data-issues?ruleCode=education-or-student&size=200&areaCode=" + VILLAGE;
        mvc.perform(get(issues).with(clerk()))
                .andExpect(jsonPath("$.content[?(@.householdId == '" + id + "')].status").value("OPEN"));

        Map<String, Object> corrected = Map.of("indicators", Map.of("education", "03", "medicalInsured", true));
        mvc.perform(patch("/api/v1/households/" + id + "/members/" + memberId).with(clerk())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(corrected)))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(patch("/api/v1/households/" + id + "/members/" + memberId).with(clerk())
                .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("indicators", Map.of("education", "77")))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].indicator").value("A8"));
        mvc.perform(patch("/api/v1/households/" + id + "/members/" + memberId).with(clerk())
                .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(corrected)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.members[0].indicators.studentStatus").doesNotExist());

        mvc.perform(get(issues + "&status=CLOSED").with(clerk()))
                .andExpect(jsonPath("$.content[?(@.householdId == '" + id + "')].status").value("CLOSED"));
        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            String event = probe.awaitEvent(id, "HouseholdUpdated");
            assertThat(new EventSchemas().violations(event)).isEmpty();
            assertThat(event).contains("members[" + memberId + "].indicators.studentStatus");
        }
    }

    @Test
    void anotherVillagesHouseholdCannotBeChanged() throws Exception {
        String id = register().get("id").asString();

        mvc.perform(post("/api/v1/households/" + id + "/members")
                .with(Tokens.as("village-clerk", "350481101201"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(newborn())))
                .andExpect(status().isNotFound());
    }
}
