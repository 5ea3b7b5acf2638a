package cn.fupin.household.issues;

import java.util.UUID;

import cn.fupin.platform.outbox.PublishedEvent;

/** An event of one problem-data item for other services: keyed by the issue, in its household's village. */
interface DataIssueEvent extends PublishedEvent {

    UUID issueId();

    String divisionCode();

    @Override
    default String aggregateType() {
        return DataIssues.AGGREGATE;
    }

    @Override
    default String aggregateId() {
        return issueId().toString();
    }

    @Override
    default String areaCode() {
        return divisionCode();
    }
}
