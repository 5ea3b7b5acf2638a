package cn.fupin.monitoring.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.fupin.monitoring.households.HouseholdSummary;
import cn.fupin.monitoring.households.HouseholdSummary.MemberSummary;

/** Each early-warning rule on its own. */
class WarningRulesTests {

    static final BigDecimal LINE = new BigDecimal("6000.00");
    static final UUID MEMBER = UUID.randomUUID();

    static HouseholdSummary household(List<String> health, List<String> causes) {
        return new HouseholdSummary(UUID.randomUUID(), "350481100201", "MARGINAL", "MARGINAL", 2, null, null,
                List.of(new MemberSummary(MEMBER, "01", health, "01", null, true)), causes, null, null, null, 1);
    }

    static List<Trigger> triggers(String event, Map<String, Object> data, HouseholdSummary before,
            HouseholdSummary after) {
        return WarningRules.of(event, data, before, after, LINE).stream().map(WarningRules.Warning::trigger).toList();
    }

    @Test
    void incomeUnderTheMonitoringLineButNotAtIt() {
        HouseholdSummary h = household(List.of("01"), List.of());
        assertThat(triggers("AnnualRecordSubmitted", Map.of("year", 2020, "perCapitaIncome", "5999.99"), h, h))
                .containsExactly(Trigger.INCOME_BELOW_MONITORING_LINE);
        assertThat(triggers("AnnualRecordSubmitted", Map.of("year", 2020, "perCapitaIncome", "6000.00"), h, h))
                .isEmpty();
    }

    @Test
    void deathIsDecreaseReasonOneOnly() {
        HouseholdSummary h = household(List.of("01"), List.of());
        assertThat(triggers("MemberRemoved", Map.of("reason", "1", "memberId", MEMBER.toString()), h, h))
                .containsExactly(Trigger.MEMBER_DECEASED);
        assertThat(triggers("MemberRemoved", Map.of("reason", "2", "memberId", MEMBER.toString()), h, h)).isEmpty();
    }

    @Test
    void aNewSeriousIllnessOrDisabilityOnceNotAgain() {
        HouseholdSummary healthy = household(List.of("01"), List.of());
        HouseholdSummary ill = household(List.of("03", "04"), List.of());
        assertThat(triggers("HouseholdUpdated", Map.of(), healthy, ill))
                .containsExactly(Trigger.MEMBER_SERIOUSLY_ILL, Trigger.MEMBER_DISABLED);
        assertThat(triggers("HouseholdUpdated", Map.of(), ill, ill)).isEmpty();
        assertThat(triggers("HouseholdRegistered", Map.of(), null, ill)).isEmpty();
    }

    @Test
    void disasterNewlyAmongTheCauses() {
        assertThat(triggers("HouseholdUpdated", Map.of(), household(List.of("01"), List.of("01")),
                household(List.of("01"), List.of("01", "04")))).containsExactly(Trigger.DISASTER);
        assertThat(triggers("HouseholdUpdated", Map.of(), household(List.of("01"), List.of("04")),
                household(List.of("01"), List.of("04")))).isEmpty();
    }
}
