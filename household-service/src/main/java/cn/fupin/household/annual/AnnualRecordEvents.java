package cn.fupin.household.annual;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.fupin.platform.outbox.Outbox;
import cn.fupin.platform.outbox.OutgoingEvent;

/** Hands {@link AnnualRecordSubmitted} to the outbox in the transaction that stored the record. */
@Component
class AnnualRecordEvents {

    private final Outbox outbox;

    AnnualRecordEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(AnnualRecordSubmitted event) {
        outbox.append(OutgoingEvent.of("household", event.householdId().toString(), event.divisionCode(), event));
    }
}
