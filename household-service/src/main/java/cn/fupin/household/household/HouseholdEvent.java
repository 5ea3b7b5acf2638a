package cn.fupin.household.household;

import java.util.UUID;

import cn.fupin.platform.outbox.PublishedEvent;

/** An event of one household for other services: keyed by the household, in its village. */
public interface HouseholdEvent extends PublishedEvent {

    UUID householdId();

    String divisionCode();

    @Override
    default String aggregateType() {
        return "household";
    }

    @Override
    default String aggregateId() {
        return householdId().toString();
    }

    @Override
    default String areaCode() {
        return divisionCode();
    }
}
