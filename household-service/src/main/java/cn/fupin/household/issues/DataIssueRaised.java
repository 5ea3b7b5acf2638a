package cn.fupin.household.issues;

import java.util.UUID;

/** A problem was found in a household's data (by a quality rule). */
public record DataIssueRaised(UUID issueId, UUID householdId, UUID memberId, String divisionCode, int year,
        String ruleCode, String severity, String origin, String indicator, String field, String message,
        String status) implements DataIssueEvent {
}
