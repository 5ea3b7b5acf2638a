package cn.fupin.review.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The 2020 schedule as the template of every year. */
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
}
