package cn.fupin.household.issues;

import java.util.UUID;

import cn.fupin.platform.outbox.PublishedEvent;

/** A problem was found in a household's data (by a quality rule). */
public record DataIssueRaised(UUID issueId, UUID householdId, UUID memberId, String divisionCode, int year,
        String ruleCode, String severity, String origin, String indicator, String field, String message,
        String status) implements PublishedEvent {

    @Override
    public String aggregateType() {
        return "data-issue";
    }

    @Override
    public String aggregateId() {
        return issueId().toString();
    }

    @Override
    public String areaCode() {
        return divisionCode();
    }
}
