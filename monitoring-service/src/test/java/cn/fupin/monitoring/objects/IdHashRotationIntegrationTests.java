package cn.fupin.monitoring.objects;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

import cn.fupin.monitoring.HouseholdEvents;
import cn.fupin.platform.pii.IdNumberHash;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;

/**
 * The ID-hash key rotated (docs/operations.md), as monitoring lives it: its projection holds a head's hash made
 * with the previous key until household-service republishes the members under the new one. Meanwhile a head is
 * found by his number under either key (form 5's proposal), and the republished members re-key the projection.
 */
@RealInfrastructure
@SpringBootTest(properties = { "fupin.test.database=rehashing",
        "fupin.pii.id-hash-key=" + IdHashRotationIntegrationTests.NEW_KEY,
        "fupin.pii.id-hash-key-previous=" + IdHashRotationIntegrationTests.PREVIOUS_KEY })
@AutoConfigureMockMvc
class IdHashRotationIntegrationTests extends ServiceTestSupport {

    static final String PREVIOUS_KEY = "the-id-hash-key-before-the-rotation";
    static final String NEW_KEY = "the-id-hash-key-after-the-rotation";
    static final String VILLAGE = "350481104203";

    @Test
    void aHeadIsFoundUnderEitherKeyAndTheRepublishedMembersReKeyTheProjection() throws Exception {
        policyOf2020();
        String head = HouseholdEvents.headId();
        String previousHash = new IdNumberHash(PREVIOUS_KEY).of(head);
        String newHash = new IdNumberHash(NEW_KEY).of(head);
        HouseholdEvents household = new HouseholdEvents(kafka, UUID.randomUUID(), VILLAGE);
        household.registered("REGISTERED", "POOR", previousHash, true);
        household.status("HouseholdExited", "EXITED");
        awaitHeadHash(household.household(), 2, previousHash);

        mvc.perform(post("/api/v1/monitoring-objects").with(as("clerk-r", "village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"objectType":"UNSTABLE_EXITED","year":2020,"headIdNumber":"%s","risks":["01"]}"""
                        .formatted(head)))
                .andExpect(status().isCreated());

        UUID member = UUID.randomUUID();
        household.send("HouseholdUpdated", """
                {"householdId":"%s","divisionCode":"%s","category":"REGISTERED","status":"EXITED","size":1,
                 "changedFields":["members[%s].idNumberHash"],
                 "members":[{"memberId":"%s","relation":"01","gender":"1","birthYear":1968,"active":true,
                   "idNumberHash":"%s","health":["01"],"labourSkill":"01"}]}"""
                .formatted(household.household(), VILLAGE, member, member, newHash));
        awaitHeadHash(household.household(), 3, newHash);
    }

    private void awaitHeadHash(UUID household, long sequence, String hash) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select head_id_hash from household_summary where household_id = ? and last_sequence >= ?",
                String.class, household, sequence).contains(hash));
    }
}
