package cn.fupin.audit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The sample consumer's checks on records written as household-service writes them, then broken. */
class EventChecksTests {

    private final EventChecks checks = new EventChecks();
    private final PublishedEvents published = new PublishedEvents();

    @Test
    void eventsInOrderAndChainedAreAcceptedAndOneDeliveredAgainIsRecognised() {
        byte[] first = published.event("h1", 1, "HouseholdRegistered");
        byte[] second = published.event("h1", 2, "MemberAdded");

        assertThat(checks.check(key("h1"), first)).isInstanceOf(EventChecks.Accepted.class);
        assertThat(checks.check(key("h1"), second)).isInstanceOf(EventChecks.Accepted.class);
        assertThat(checks.check(key("h1"), second)).isInstanceOf(EventChecks.Duplicate.class);
        assertThat(checks.check(key("h1"), first)).as("an older one after a newer").isInstanceOf(EventChecks.Duplicate.class);
        assertThat(checks.check(key("h2"), published.event("h2", 1, "HouseholdRegistered")))
                .isInstanceOf(EventChecks.Accepted.class);
    }

    @Test
    void aMissingEventIsAGap() {
        checks.check(key("h1"), published.event("h1", 1, "HouseholdRegistered"));
        published.event("h1", 2, "MemberAdded");

        assertThat(kind(checks.check(key("h1"), published.event("h1", 3, "MemberAdded")))).isEqualTo("gap");
    }

    @Test
    void aChangedEventBreaksTheChainOfTheNext() {
        byte[] first = published.event("h1", 1, "HouseholdRegistered");
        byte[] changed = new String(first, StandardCharsets.UTF_8).replace("\"size\":3", "\"size\":4")
                .getBytes(StandardCharsets.UTF_8);
        checks.check(key("h1"), changed);

        assertThat(kind(checks.check(key("h1"), published.event("h1", 2, "MemberAdded")))).isEqualTo("broken-chain");
    }

    @Test
    void anotherEventUnderASequenceSeenIsAConflictingDuplicate() {
        checks.check(key("h1"), published.event("h1", 1, "HouseholdRegistered"));
        published.forget("h1");

        assertThat(kind(checks.check(key("h1"), published.event("h1", 1, "HouseholdImported"))))
                .isEqualTo("conflicting-duplicate");
    }

    @Test
    void anEnvelopeThatBreaksTheCatalogueIsRefusedNamingWhat() {
        String good = new String(published.event("h1", 1, "HouseholdRegistered"), StandardCharsets.UTF_8);

        assertThat(refusal(good.replace("\"actor\":\"xiyang.clerk\",", ""))).contains("actor missing");
        assertThat(refusal(good.replace("fupin.household.HouseholdRegistered.v1", "fupin.household.registered")))
                .contains("no Fupin event type");
        assertThat(refusal(good.replace("HouseholdRegistered.v1.schema.json", "MemberAdded.v1.schema.json")))
                .contains("not the schema of");
        assertThat(refusal("not json")).contains("no JSON");
        assertThat(kind(checks.check(key("h9"), good.getBytes(StandardCharsets.UTF_8)))).isEqualTo("envelope");
    }

    private String refusal(String value) {
        return ((EventChecks.Refused) checks.check(key("h1"), value.getBytes(StandardCharsets.UTF_8))).detail();
    }

    private static String kind(EventChecks.Outcome outcome) {
        assertThat(outcome).isInstanceOf(EventChecks.Refused.class);
        return ((EventChecks.Refused) outcome).kind();
    }

    private static byte[] key(String subject) {
        return PublishedEvents.key(subject);
    }
}
