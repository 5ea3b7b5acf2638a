package cn.fupin.review.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.fupin.workplan.YearlyPolicy;
import cn.fupin.contracts.rules.WorkYear;

/**
 * The year's work plan (年度工作方案) as the city office published it: its phases, the moment the system closes for
 * the year and the year's policy figures, with the revision each change increments.
 */
public record WorkPlan(UUID id, int year, String areaCode, String timezone, Instant closeAt, List<Phase> phases,
        YearlyPolicy policy, int revision, String updatedBy, Instant updatedAt) {

    public WorkPlan {
        phases = List.copyOf(phases);
    }

    public Optional<Phase> phase(PhaseCode code) {
        return phases.stream().filter(phase -> phase.code() == code).findFirst();
    }

    /** The phase a day falls in (the first listed that covers it), if any. */
    public Optional<Phase> phaseOn(LocalDate day) {
        return phases.stream().filter(phase -> phase.covers(day)).findFirst();
    }

    /** When opened functions let a township write: the first day of data entry. */
    public Instant writesFrom() {
        return phase(PhaseCode.DATA_ENTRY).map(Phase::firstDay).orElse(LocalDate.of(year, 1, 1))
                .atStartOfDay(WorkYear.ZONE).toInstant();
    }

    public boolean closedAt(Instant instant) {
        return !instant.isBefore(closeAt);
    }
}
