package cn.fupin.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.fupin.platform.events.EventCatalogue;

/** A consumer's catalogue is the contracts' event schemas: a type none of them publishes is a dead letter. */
class EventCatalogueTests {

    private final EventCatalogue catalogue = EventCatalogue.fromClasspath();

    @Test
    void knowsEveryPublishedTypeAndVersionAndNothingElse() {
        assertThat(catalogue.types()).contains("fupin.household.HouseholdRegistered.v1",
                "fupin.monitoring.RiskCleared.v1", "fupin.review.WorkPlanPublished.v1").hasSizeGreaterThan(30);
        assertThat(catalogue.knows("fupin.household.MemberAdded.v1")).isTrue();
        assertThat(catalogue.knows("fupin.household.HouseholdTeleported.v1")).isFalse();
        assertThat(catalogue.knows("fupin.household.MemberAdded.v9")).isFalse();
    }
}
