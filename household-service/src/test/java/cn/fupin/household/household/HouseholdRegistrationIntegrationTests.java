package cn.fupin.household.household;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

import cn.fupin.contracts.events.EventSchemas;
import cn.fupin.contracts.household.model.HouseholdCategory;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import cn.fupin.platform.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class HouseholdRegistrationIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481100201";

    static final SyntheticHouseholds synthetic = new SyntheticHouseholds(11);

    @Test
    void aClerkRegistersAHouseholdInTheVillageAndItIsPublishedAsACloudEvent() throws Exception {
        RegisterHouseholdRequest request = synthetic.next(VILLAGE, HouseholdCategory.REGISTERED);

        String body = mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.status").value("CANDIDATE"))
                .andExpect(jsonPath("$.size").value(request.getMembers().size()))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();

        mvc.perform(get("/api/v1/households/" + id).with(as("township-officer", "350481100")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members[0].idNumber").value(request.getMembers().getFirst().getIdNumber()));

        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.poll().stream().anyMatch(record -> record.key().equals(id)));
            String event = probe.poll().stream().filter(record -> record.key().equals(id)).findFirst()
                    .orElseThrow().value();
            assertThat(new EventSchemas().violations(event)).isEmpty();
            JsonNode envelope = json.readTree(event);
            assertThat(envelope.get("type").asString()).isEqualTo("fupin.household.HouseholdRegistered.v1");
            assertThat(envelope.get("areacode").asString()).isEqualTo(VILLAGE);
            assertThat(envelope.get("actor").asString()).isEqualTo("user-village-clerk");
            assertThat(envelope.get("sequence").asLong()).isEqualTo(1);
            assertThat(event).doesNotContain(request.getMembers().getFirst().getIdNumber());
            var head = request.getMembers().stream().filter(m -> "01".equals(m.getRelation())).findFirst()
                    .orElseThrow();
            assertThat(envelope.at("/data/headName").asString()).isEqualTo(head.getName());
            assertThat(envelope.at("/data/members").findValuesAsString("idNumberHash"))
                    .contains(idHash.of(head.getIdNumber())).allMatch(hash -> hash.matches("[0-9a-f]{64}"));
            assertThat(envelope.at("/data/members/0/labourSkill").isString()).isTrue();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    cn.fupin.platform.pii.IdNumberHash idHash;

    @Test
    void badInputIsRefusedFieldByFieldWithIndicatorsAndLeavesNoTrace() throws Exception {
        RegisterHouseholdRequest request = synthetic.next(VILLAGE);
        request.getMembers().getFirst().idNumber("350481199001011230").gender("7");
        request.getMembers().forEach(member -> member.relation("03"));
        long before = jdbc.queryForObject("select count(*) from household", Long.class);

        mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("validation-failed"))
                .andExpect(jsonPath("$.errors[?(@.field == 'members[0].idNumber')].indicator").value("A4"))
                .andExpect(jsonPath("$.errors[?(@.field == 'members[0].gender')].indicator").value("A2"))
                .andExpect(jsonPath("$.errors[?(@.field == 'members')].indicator").value("A5"));

        assertThat(jdbc.queryForObject("select count(*) from household", Long.class)).isEqualTo(before);
    }

    @Test
    void aDisabilityCertificateIsAValidIdPlusCategoryAndGrade() throws Exception {
        RegisterHouseholdRequest request = synthetic.next(VILLAGE);
        var head = request.getMembers().getFirst();
        head.idType("09").idNumber(head.getIdNumber() + "47");

        mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("members[0].idNumber"));

        head.idNumber(head.getIdNumber().substring(0, 18) + "42");
        mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.members[0].idType").value("09"));
    }

    @Test
    void aMissingRequiredFieldNamesTheField() throws Exception {
        mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"category\":\"REGISTERED\",\"address\":{\"divisionCode\":\"" + VILLAGE + "\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("members"));
    }

    @Test
    void anIdNumberAlreadyInTheRegistryIsAConflict() throws Exception {
        RegisterHouseholdRequest first = synthetic.next(VILLAGE);
        RegisterHouseholdRequest second = synthetic.next(VILLAGE);
        second.getMembers().getFirst().idNumber(first.getMembers().getFirst().getIdNumber())
                .gender(first.getMembers().getFirst().getGender())
                .birthDate(first.getMembers().getFirst().getBirthDate());

        mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(first)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(second)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("duplicate-id-number"));
    }

    @Test
    void anotherVillagesHouseholdDoesNotExistForTheClerk() throws Exception {
        String body = mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(synthetic.next(VILLAGE))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();

        mvc.perform(get("/api/v1/households/" + id).with(as("village-clerk", "350481100202")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));
        mvc.perform(post("/api/v1/households").with(as("village-clerk", "350481100202"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(synthetic.next(VILLAGE))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/households?areaCode=350481101").with(as("village-clerk", VILLAGE)))
                .andExpect(status().isNotFound());
    }

    @Test
    void searchStaysInsideTheCallersArea() throws Exception {
        mvc.perform(post("/api/v1/households").with(as("city-officer", "350481"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(synthetic.next("350481101201"))))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/households?size=200").with(as("township-officer", "350481100")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.divisionCode =~ /350481101.*/)]").isEmpty());
        mvc.perform(get("/api/v1/households?areaCode=350481101&size=200").with(as("city-officer", "350481")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].divisionCode").value("350481101201"));
    }

    /** 查找: by the head's name as its first characters, by any member's ID number, never outside the area. */
    @Test
    void householdsAreFoundByTheHeadsNameAndByAnyMembersIdNumber() throws Exception {
        RegisterHouseholdRequest request = synthetic.next("350481103206");
        String head = request.getMembers().getFirst().getName();
        String member = request.getMembers().getLast().getIdNumber();
        String id = json.readTree(mvc.perform(post("/api/v1/households").with(as("city-officer", "350481"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();

        mvc.perform(get("/api/v1/households").param("headName", head.substring(0, 1)).param("size", "200")
                .with(as("village-clerk", "350481103206")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id == '" + id + "')]").exists())
                .andExpect(jsonPath("$.content[?(@.headName =~ /^(?!" + head.charAt(0) + ").*/)]").isEmpty());
        mvc.perform(get("/api/v1/households").param("idNumber", member.toLowerCase())
                .with(as("township-officer", "350481103")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(id));
        mvc.perform(get("/api/v1/households").param("idNumber", member).with(as("township-officer", "350481100")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/v1/households").param("headName", "%").with(as("village-clerk", "350481103206")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalElements").value(0));
    }

    /** A village's page: its households only, oldest first, narrowed by category and status as asked. */
    @Test
    void aVillagesPageHoldsItsOwnHouseholdsOldestFirstAndTheFiltersNarrowIt() throws Exception {
        String village = "350481104201";
        String marginal = register(synthetic.next(village, HouseholdCategory.MARGINAL));
        String registered = register(synthetic.next(village, HouseholdCategory.REGISTERED));
        register(synthetic.next("350481104202", HouseholdCategory.MARGINAL));

        JsonNode page = json.readTree(mvc.perform(get("/api/v1/households").param("areaCode", village)
                .param("size", "200").with(as("township-officer", "350481104")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> ids = page.get("content").valueStream().map(household -> household.get("id").asString()).toList();
        assertThat(page.get("content").valueStream().map(household -> household.get("divisionCode").asString()))
                .containsOnly(village);
        assertThat(ids).containsSubsequence(marginal, registered);
        assertThat(page.get("totalElements").asLong()).isEqualTo(ids.size());

        mvc.perform(get("/api/v1/households").param("areaCode", village).param("category", "MARGINAL")
                .param("size", "200").with(as("township-officer", "350481104")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id == '" + marginal + "')]").exists())
                .andExpect(jsonPath("$.content[?(@.category != 'MARGINAL')]").isEmpty())
                .andExpect(jsonPath("$.content[?(@.divisionCode != '" + village + "')]").isEmpty());
        mvc.perform(get("/api/v1/households").param("areaCode", "350481104").param("status", "CANDIDATE")
                .param("size", "200").with(as("city-officer", "350481")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id == '" + registered + "')]").exists())
                .andExpect(jsonPath("$.content[?(@.id == '" + marginal + "')]").isEmpty())
                .andExpect(jsonPath("$.content[?(@.status != 'CANDIDATE')]").isEmpty());
    }

    private String register(RegisterHouseholdRequest request) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/households").with(as("city-officer", "350481"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    @Test
    void withoutATokenItIs401AndAnAuditorMayNotRegister() throws Exception {
        mvc.perform(get("/api/v1/households")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("unauthenticated"));
        mvc.perform(post("/api/v1/households").with(as("auditor", "350481"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(synthetic.next(VILLAGE))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesOnceAndGetsTheSameAnswer() throws Exception {
        String body = json.writeValueAsString(synthetic.next(VILLAGE));
        long before = jdbc.queryForObject("select count(*) from household", Long.class);

        String first = mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .header("Idempotency-Key", "retry-1").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .header("Idempotency-Key", "retry-1").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotency-Replayed", "true"))
                .andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString();

        assertThat(second).isEqualTo(first);
        assertThat(jdbc.queryForObject("select count(*) from household", Long.class)).isEqualTo(before + 1);
        String idNumber = json.readTree(first).at("/members/0/idNumber").asString();
        byte[] kept = jdbc.queryForObject("select body from idempotent_request where idempotency_key = 'retry-1'",
                byte[].class);
        assertThat(new String(kept, java.nio.charset.StandardCharsets.ISO_8859_1)).as("the kept answer is encrypted")
                .doesNotContain(idNumber).doesNotContain("members");
        mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .header("Idempotency-Key", "retry-1").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(synthetic.next(VILLAGE))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("idempotency-key-reused"));
    }

    @Test
    void aRefusedRequestIsReplayedAsRefused() throws Exception {
        RegisterHouseholdRequest bad = synthetic.next(VILLAGE);
        bad.getMembers().forEach(member -> member.relation("03"));
        String body = json.writeValueAsString(bad);

        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                    .header("Idempotency-Key", "bad-1").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("validation-failed"));
        }
    }

    @Test
    void theOutboxAndHttpTrafficAreMetrics() throws Exception {
        mvc.perform(get("/api/v1/codebook").with(as("auditor", "350481"))).andExpect(status().isOk());

        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andExpect(content().string(containsString("fupin_outbox_backlog")))
                .andExpect(content().string(containsString("fupin_outbox_published_total")))
                .andExpect(content().string(containsString("http_server_requests_seconds_count")));
    }

    @Test
    void anIdNumberIsFoundInsideTheAreaOnly() throws Exception {
        RegisterHouseholdRequest request = synthetic.next(VILLAGE);
        String idNumber = request.getMembers().getFirst().getIdNumber();
        mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/persons?idNumber=" + idNumber.toLowerCase()).with(as("township-officer", "350481100")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value(request.getMembers().getFirst().getName()))
                .andExpect(jsonPath("$[0].active").value(true));
        mvc.perform(get("/api/v1/persons?idNumber=" + idNumber).with(as("village-clerk", "350481101201")))
                .andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
        mvc.perform(get("/api/v1/persons").with(as("village-clerk", VILLAGE)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].indicator").value("A4"));
    }

    @Test
    void theDivisionTreeStartsAtTheCallersArea() throws Exception {
        mvc.perform(get("/api/v1/areas").with(as("township-officer", "350481100")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("西洋镇"))
                .andExpect(jsonPath("$.level").value("TOWNSHIP"))
                .andExpect(jsonPath("$.children[0].code").value("350481100201"));
        mvc.perform(get("/api/v1/areas/350481101").with(as("township-officer", "350481100")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/areas/350481").with(as("city-officer", "350481")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.children.length()").value(15));
    }

    @Test
    void theCodebookIsServedWithLabels() throws Exception {
        mvc.perform(get("/api/v1/codebook").with(as("auditor", "350481")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lists[?(@.name == 'A5_relation')].options[0].label").value("户主"));
    }
}
