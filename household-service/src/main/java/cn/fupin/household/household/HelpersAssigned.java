package cn.fupin.household.household;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The household's helpers were assigned anew; names and phones stay home (PIPL). */
public record HelpersAssigned(UUID householdId, String divisionCode, Category category, PovertyStatus status,
        int helperCount, List<AssignedHelper> helpers) implements HouseholdEvent {

    /** A helper as other services see it. */
    public record AssignedHelper(UUID helperId, String unit, LocalDate startDate, LocalDate endDate) {
    }
}
