package cn.fupin.reporting.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every key either side counts is compared; a key missing on one side counts zero there. */
class ReconciliationTests {

    @Test
    void equalCountsBalanceAndAnyDifferenceOrMissingOwnerDoesNot() {
        var items = Reconciliation.compare("household", Map.of("households.REGISTERED.POOR", 3L),
                Map.of("households.REGISTERED.POOR", 3L));
        assertThat(new Reconciliation(items, List.of()).balanced()).isTrue();
        assertThat(new Reconciliation(items, List.of("review")).balanced()).isFalse();

        var off = Reconciliation.compare("household", Map.of("households.REGISTERED.POOR", 3L),
                Map.of("households.REGISTERED.POOR", 4L, "dataIssues.OPEN", 2L));
        assertThat(off).extracting(Reconciliation.Item::key, Reconciliation.Item::difference)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dataIssues.OPEN", -2L),
                        org.assertj.core.groups.Tuple.tuple("households.REGISTERED.POOR", -1L));
        assertThat(new Reconciliation(off, List.of()).balanced()).isFalse();
    }

    @Test
    void keysReadInChinese() {
        assertThat(ReconciliationController.label("households.REGISTERED.POOR")).isEqualTo("户数（建档立卡户·贫困户）");
        assertThat(ReconciliationController.label("annualRecords.2020")).isEqualTo("年度信息户数（2020）");
        assertThat(ReconciliationController.label("cases.IN_REVIEW")).isEqualTo("审核案件（审核中）");
    }
}
