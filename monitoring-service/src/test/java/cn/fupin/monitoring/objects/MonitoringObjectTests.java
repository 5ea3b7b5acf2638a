package cn.fupin.monitoring.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.fupin.platform.domain.RuleViolation;

/** The object's lifecycle and the request each review outcome must name. */
class MonitoringObjectTests {

    static MonitoringObject proposed() {
        return MonitoringObject.propose(UUID.randomUUID(), ObjectType.MARGINAL, "350481100201", 2020,
                List.of("01"), "陈大山", 2, null, "clerk", Instant.now());
    }

    @Test
    void anOutcomeAppliesOnlyToTheCurrentRequestOfItsType() {
        MonitoringObject o = proposed();
        assertThat(o.awaits(o.requestId(), MonitoringObject.INCLUSION)).isTrue();
        assertThat(o.awaits(UUID.randomUUID(), MonitoringObject.INCLUSION)).isFalse();
        assertThat(o.awaits(o.requestId(), MonitoringObject.ELIMINATION)).isFalse();
        o.approved(Instant.now());
        assertThat(o.status()).isEqualTo(MonitoringStatus.MONITORED);
        assertThat(o.awaits(o.requestId(), MonitoringObject.INCLUSION)).isFalse();
    }

    @Test
    void eliminationIsANewRequestAndItsRejectionReturnsToMonitoring() {
        MonitoringObject o = proposed();
        UUID inclusion = o.requestId();
        o.approved(Instant.now());
        o.requestElimination(UUID.randomUUID());
        assertThat(o.requestId()).isNotEqualTo(inclusion);
        assertThatThrownBy(() -> o.requestElimination(UUID.randomUUID())).isInstanceOf(RuleViolation.class);
        o.rejected("[]");
        assertThat(o.status()).isEqualTo(MonitoringStatus.MONITORED);
    }

    @Test
    void onlyAReturnedRequestIsResubmittedAndOnlyAClearedObjectReopened() {
        MonitoringObject o = proposed();
        assertThatThrownBy(() -> o.resubmit(null)).hasMessageContaining("退回");
        o.returned("[{\"text\":\"x\"}]");
        o.resubmit(List.of("03"));
        assertThat(o.risks()).containsExactly("03");
        assertThat(o.requestState()).isEqualTo("PENDING");
        assertThatThrownBy(() -> o.reopen(List.of("01"))).hasMessageContaining("风险已消除");
        o.rejected("[]");
        assertThat(o.status()).isEqualTo(MonitoringStatus.REJECTED);
    }
}
