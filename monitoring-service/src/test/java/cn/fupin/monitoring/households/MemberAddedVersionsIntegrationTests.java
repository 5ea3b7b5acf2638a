package cn.fupin.monitoring.households;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import cn.fupin.monitoring.HouseholdEvents;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import cn.fupin.platform.testing.TopicProbe;

/**
 * MemberAdded while its publisher switches from v1 to v2 (docs/operations.md, upgrading an event's version): the
 * projection takes the added member from either shape, and a version newer than it understands is dead-lettered
 * while the household's later events still apply.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class MemberAddedVersionsIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481104204";

    @Test
    void aMemberAddedInEitherVersionJoinsTheProjectionAndANewerOneIsDeadLettered() {
        HouseholdEvents household = new HouseholdEvents(kafka, UUID.randomUUID(), VILLAGE);
        household.registered("REGISTERED", "POOR", "0".repeat(64), true);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        household.send("MemberAdded", """
                {"householdId":"%s","divisionCode":"%s","category":"REGISTERED","status":"POOR","memberId":"%s",
                 "relation":"03","gender":"1","health":["01"],"labourSkill":"01","reason":"1",
                 "effectiveDate":"2020-10-01","size":3}""".formatted(household.household(), VILLAGE, first));
        String v2 = """
                {"householdId":"%s","divisionCode":"%s","category":"REGISTERED","status":"POOR",
                 "member":{"memberId":"%s","relation":"03","gender":"2","active":true,"health":["02"],
                   "labourSkill":"03"},
                 "reason":"1","effectiveDate":"2020-10-02","size":4}""".formatted(household.household(), VILLAGE,
                second);
        household.send("MemberAdded", 2, v2);
        awaitProjected(household.household(), 3);
        String members = jdbc.queryForObject("select members::text from household_summary where household_id = ?",
                String.class, household.household());
        assertThat(members).contains(first.toString(), second.toString(), "\"03\"");
        assertThat(jdbc.queryForObject("select size from household_summary where household_id = ?", Integer.class,
                household.household())).isEqualTo(4);

        try (TopicProbe dead = new TopicProbe(brokers, "household.events.monitoring-service.dlt")) {
            household.send("MemberAdded", 3, v2.replace(second.toString(), UUID.randomUUID().toString()));
            household.status("HouseholdExited", "EXITED");
            await().atMost(Duration.ofSeconds(30)).until(() -> dead.poll().stream()
                    .anyMatch(r -> r.key().equals(household.household().toString())
                            && r.value().contains("MemberAdded.v3")));
        }
        awaitProjected(household.household(), 5);
        assertThat(jdbc.queryForObject("select status from household_summary where household_id = ?", String.class,
                household.household())).isEqualTo("EXITED");
    }

    private void awaitProjected(UUID household, long sequence) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select last_sequence from household_summary where household_id = ?", Long.class, household)
                .stream().anyMatch(s -> s >= sequence));
    }
}
