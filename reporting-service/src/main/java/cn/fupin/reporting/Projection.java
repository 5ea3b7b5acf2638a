package cn.fupin.reporting;

import java.util.Set;

import cn.fupin.platform.events.EventEnvelope;

/**
 * One read model fed by one topic: the event names it reads and how it applies one. The topic's listener applies
 * an event to every projection that reads it, once (inbox), in one transaction.
 */
public interface Projection {

    /** The topic it reads ({@code household.events}, {@code review.events}, …). */
    String topic();

    Set<String> events();

    void apply(EventEnvelope event);
}
