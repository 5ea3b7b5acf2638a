package cn.fupin.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The setting's parsing; that a reached point halts the service is proved on the running stack (e2e FaultTests). */
class CrashPointsTests {

    @Test
    void unsetOrBlankArmsNothing() {
        assertThat(CrashPoints.of(null).armed()).isFalse();
        assertThat(CrashPoints.of("  ").armed()).isFalse();
        CrashPoints.NONE.reached(CrashPoints.Point.RELAY_SENT);
    }

    @Test
    void aPointOfAnotherStepOrConsumerLeavesTheServiceRunning() {
        CrashPoints relay = CrashPoints.of("relay-sent");
        assertThat(relay.armed()).isTrue();
        relay.reached(CrashPoints.Point.RELAY_READ);
        relay.reached(CrashPoints.Point.INBOX_COMMITTED, "reporting.households");

        CrashPoints oneConsumer = CrashPoints.of("inbox-committed:monitoring.households");
        oneConsumer.reached(CrashPoints.Point.INBOX_COMMITTED, "monitoring.review-outcomes");
        oneConsumer.reached(CrashPoints.Point.RELAY_SENT);
    }

    @Test
    void anUnknownPointIsRefusedNamingThoseThereAre() {
        assertThatIllegalArgumentException().isThrownBy(() -> CrashPoints.of("after-commit"))
                .withMessageContaining("after-commit")
                .withMessageContaining("[inbox-committed, relay-read, relay-sent]");
    }
}
