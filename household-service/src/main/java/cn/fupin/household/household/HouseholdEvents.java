package cn.fupin.household.household;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.fupin.platform.outbox.Outbox;
import cn.fupin.platform.outbox.OutgoingEvent;

/**
 * Hands the household events other services need to the outbox, inside the transaction that saved the
 * aggregate (Spring Data publishes the aggregate's registered events on save).
 */
@Component
class HouseholdEvents {

    static final String AGGREGATE = "household";

    private final Outbox outbox;

    HouseholdEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(HouseholdRegistered event) {
        outbox.append(OutgoingEvent.of(AGGREGATE, event.householdId().toString(), event.divisionCode(), event));
    }

    @EventListener
    void on(MemberAdded event) {
        outbox.append(OutgoingEvent.of(AGGREGATE, event.householdId().toString(), event.divisionCode(), event));
    }

    @EventListener
    void on(MemberRemoved event) {
        outbox.append(OutgoingEvent.of(AGGREGATE, event.householdId().toString(), event.divisionCode(), event));
    }
}
