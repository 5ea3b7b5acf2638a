package cn.fupin.household.household;

import org.springframework.context.event.EventListener;

import com.fasterxml.jackson.annotation.JsonInclude;
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
    void on(HelpersAssigned event) {
        outbox.append(OutgoingEvent.of(AGGREGATE, event.householdId().toString(), event.divisionCode(), event));
    }

    @EventListener
    void on(HouseholdUpdated event) {
        outbox.append(OutgoingEvent.of(AGGREGATE, event.householdId().toString(), event.divisionCode(), event));
    }

    @EventListener
    void on(MemberAdded event) {
        outbox.append(OutgoingEvent.of(AGGREGATE, event.householdId().toString(), event.divisionCode(), event));
    }

    @EventListener
    void on(StatusChanged event) {
        outbox.append(new OutgoingEvent(AGGREGATE, event.householdId().toString(), event.divisionCode(),
                event.eventName(), 1, new StatusChangedData(event.householdId(), event.divisionCode(),
                        event.category(), event.previousStatus(), event.status(), event.size(), event.year(),
                        event.effectiveDate(), event.caseId(), event.reason())));
    }

    /** The payload of the status events: the change without its name (that is the event's type). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StatusChangedData(java.util.UUID householdId, String divisionCode, Category category,
            PovertyStatus previousStatus, PovertyStatus status, int size, int year,
            java.time.LocalDate effectiveDate, java.util.UUID caseId, String reason) {
    }

    @EventListener
    void on(MemberRemoved event) {
        outbox.append(OutgoingEvent.of(AGGREGATE, event.householdId().toString(), event.divisionCode(), event));
    }
}
