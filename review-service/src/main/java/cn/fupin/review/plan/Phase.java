package cn.fupin.review.plan;

import java.time.LocalDate;

/** One phase of the plan: dates in Asia/Shanghai, both ends included; no start means "by the end date". */
public record Phase(PhaseCode code, String name, LocalDate startDate, LocalDate endDate) {

    public Phase {
        if (name == null || name.isBlank()) {
            name = code.label();
        }
    }

    /** The first day the phase covers: its start, or the year's first day when it only has a deadline. */
    public LocalDate firstDay() {
        return startDate != null ? startDate : endDate.withDayOfYear(1);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(firstDay()) && !day.isAfter(endDate);
    }

    public boolean startedBy(LocalDate day) {
        return startDate != null && !day.isBefore(startDate);
    }

    public boolean endedBy(LocalDate day) {
        return day.isAfter(endDate);
    }
}
