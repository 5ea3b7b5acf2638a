package cn.fupin.household.issues;

import java.util.UUID;

/** A problem no longer holds: the data was corrected (or the issue found not to apply). */
public record DataIssueResolved(UUID issueId, UUID householdId, String divisionCode, int year, String ruleCode,
        String resolution, String comment, String status) implements DataIssueEvent {
}
