package cn.fupin.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo schedule opens data entry today, whatever the day, and stays a plan review-service accepts. */
class DemoWorkPlanTests {

    @ParameterizedTest
    @ValueSource(strings = { "2026-01-01", "2026-03-15", "2026-11-29", "2026-12-20", "2026-12-31" })
    void dataEntryIsOpenTodayAndThePhasesAreOrderedWithinTheYear(String day) {
        LocalDate today = LocalDate.parse(day);
        List<Map<String, Object>> phases = DemoWorkPlan.schedule(today);
        assertThat(phases).extracting(p -> p.get("code")).containsExactly("FIELD_WORK",
                "REPORT_AND_FUNCTION_OPENING", "DATA_ENTRY", "SELF_CHECK", "FIELD_VERIFICATION", "CORRECTION",
                "SUMMARY");
        Map<String, Object> entry = phases.get(2);
        assertThat(LocalDate.parse((String) entry.get("startDate"))).isEqualTo(today);
        assertThat(LocalDate.parse((String) entry.get("endDate"))).isAfterOrEqualTo(today);
        LocalDate previousStart = null;
        for (Map<String, Object> phase : phases) {
            LocalDate end = LocalDate.parse((String) phase.get("endDate"));
            assertThat(end.getYear()).isEqualTo(today.getYear());
            if (phase.get("startDate") != null) {
                LocalDate start = LocalDate.parse((String) phase.get("startDate"));
                assertThat(start).isBeforeOrEqualTo(end).hasYear(today.getYear());
                if (previousStart != null) {
                    assertThat(start).isAfterOrEqualTo(previousStart);
                }
                previousStart = start;
            }
        }
    }
}
