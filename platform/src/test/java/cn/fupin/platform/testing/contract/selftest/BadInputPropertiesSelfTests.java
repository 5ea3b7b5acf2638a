package cn.fupin.platform.testing.contract.selftest;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The bad-input property is a real check: against a stand-in service with the platform's strict door it holds;
 * with the door deliberately broken, it fails (the careless controller answers 500 to a null it did not expect).
 */
class BadInputPropertiesSelfTests {

    @Test
    void thePropertyHoldsBehindTheStrictDoor() {
        EngineTestKit.engine("jqwik").selectors(selectClass(StrictThingProperties.class)).execute().testEvents()
                .assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void thePropertyFailsWhenTheDoorIsBroken() {
        EngineTestKit.engine("jqwik").selectors(selectClass(LaxThingProperties.class)).execute().testEvents()
                .assertStatistics(stats -> stats.succeeded(0).failed(1));
    }
}
