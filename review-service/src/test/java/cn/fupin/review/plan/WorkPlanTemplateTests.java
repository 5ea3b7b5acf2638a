package cn.fupin.review.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 2020 schedule as the template, and a demo schedule valid on any day. */
class WorkPlanTemplateTests {

    @Test
    void theTemplateIsTheSchedule2020OfTheWorkPlan() {
        List<Phase> phases = WorkPlanTemplate.forYear(2020);
        assertThat(phases).extracting(Phase::code).containsExactly(PhaseCode.values());
        Phase entry = phases.get(2);
        assertThat(entry.startDate()).isEqualTo(LocalDate.of(2020, 10, 28));
        assertThat(entry.endDate()).isEqualTo(LocalDate.of(2020, 11, 20));
        assertThat(entry.name()).isEqualTo("数据录入");
        assertThat(WorkPlanTemplate.closeOf(2020)).isEqualTo(Instant.parse("2020-12-31T16:00:00Z"));
        assertThat(WorkPlans.problems(2020, WorkPlanTemplate.closeOf(2020), phases,
                Instant.parse("2020-10-01T00:00:00Z"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-01-01", "2026-03-15", "2026-11-29", "2026-12-20", "2026-12-31" })
    void theDemoScheduleHasDataEntryOpenTodayAndIsAValidPlan(String day) {
        LocalDate today = LocalDate.parse(day);
        List<Phase> phases = WorkPlanTemplate.demo(today);
        WorkPlan plan = new WorkPlan(null, today.getYear(), "350481", "Asia/Shanghai",
                WorkPlanTemplate.closeOf(today.getYear()), phases, 1, null, null);
        assertThat(plan.phaseOn(today).map(Phase::code)).isNotEmpty();
        assertThat(plan.phase(PhaseCode.DATA_ENTRY).orElseThrow().covers(today)).isTrue();
        assertThat(WorkPlans.problems(today.getYear(), plan.closeAt(), phases, today.atStartOfDay()
                .toInstant(java.time.ZoneOffset.ofHours(8)))).isEmpty();
    }
}
