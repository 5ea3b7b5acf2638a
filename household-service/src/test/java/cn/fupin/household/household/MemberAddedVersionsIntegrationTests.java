package cn.fupin.household.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

import cn.fupin.contracts.events.EventSchemas;
import cn.fupin.contracts.household.model.MemberIncrease;
import cn.fupin.contracts.household.model.MemberInput;
import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.pii.IdNumberHash;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import cn.fupin.platform.testing.Tokens;
import cn.fupin.platform.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * household-service switched to MemberAdded v2 (docs/operations.md, upgrading an event's version): a member added
 * is published as v2, valid against its schema, the member one object as the household's other events carry theirs.
 */
@RealInfrastructure
@SpringBootTest(properties = "fupin.events.publish.member-added=2")
@AutoConfigureMockMvc
class MemberAddedVersionsIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481106204";

    @Autowired
    IdNumberHash idHash;

    @Test
    void aMemberAddedIsPublishedAsVersionTwoWhenSoSet() throws Exception {
        String id = json.readTree(mvc.perform(post("/api/v1/households").with(Tokens.as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(new SyntheticHouseholds(606).next(VILLAGE))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        ResidentId baby = ResidentId.of("350481", LocalDate.of(2020, 7, 1), 17);
        mvc.perform(post("/api/v1/households/" + id + "/members").with(Tokens.as("village-clerk", VILLAGE))
                .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(new MemberIncrease(new MemberInput("新生儿", "1", baby.value(), "07")
                        .birthDate(baby.birthDate()), "1", LocalDate.of(2020, 7, 1)))))
                .andExpect(status().isCreated());

        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            String event = probe.awaitEvent(id, "MemberAdded");
            assertThat(new EventSchemas().violations(event)).isEmpty();
            JsonNode envelope = json.readTree(event);
            assertThat(envelope.get("type").asString()).isEqualTo("fupin.household.MemberAdded.v2");
            JsonNode data = envelope.get("data");
            assertThat(data.has("relation")).as("the member's fields are in its object").isFalse();
            assertThat(data.get("member").get("relation").asString()).isEqualTo("07");
            assertThat(data.get("member").get("idNumberHash").asString()).isEqualTo(idHash.of(baby.value()));
            assertThat(data.get("reason").asString()).isEqualTo("1");
        }
    }
}
