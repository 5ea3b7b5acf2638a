package cn.fupin.reporting.households;

import java.util.Set;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.events.InvalidEventException;
import cn.fupin.platform.inbox.Inbox;

/**
 * Feeds the household read model from {@code household.events}, once per event (inbox). Versions it does not
 * know of an event it reads are dead-lettered; events it has no use for are skipped.
 */
@Component
class HouseholdEventsListener {

    static final String CONSUMER = "reporting.households";
    /** Events that carry the household's state after the change: the latest one (by sequence) wins. */
    static final Set<String> STATE_EVENTS = Set.of("HouseholdRegistered", "MemberAdded", "MemberRemoved",
            "HouseholdIdentified", "HouseholdExited", "HouseholdReturnedToPoverty", "HouseholdConfirmed",
            "HouseholdCleared");

    private final EventCodec codec;
    private final Inbox inbox;
    private final HouseholdFacts facts;

    HouseholdEventsListener(EventCodec codec, Inbox inbox, HouseholdFacts facts) {
        this.codec = codec;
        this.inbox = inbox;
        this.facts = facts;
    }

    @KafkaListener(topics = "household.events")
    void on(String value) {
        EventEnvelope event = codec.read(value);
        if (!STATE_EVENTS.contains(event.eventName())) {
            return;
        }
        if (event.version() != 1) {
            throw new InvalidEventException("未知的事件版本: " + event.type());
        }
        inbox.handleOnce(CONSUMER, event,
                e -> facts.upsert(codec.data(e, HouseholdState.class), e.sequence()));
    }
}
