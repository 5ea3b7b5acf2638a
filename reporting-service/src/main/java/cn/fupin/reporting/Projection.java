package cn.fupin.reporting;

import java.util.Set;

import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.events.NewestVersions;

/**
 * One read model fed by one topic: the event names it reads and how it applies one. The topic's listener applies
 * an event to every projection that reads it, once (inbox), in one transaction.
 */
public interface Projection {

    /** The topic it reads ({@code household.events}, {@code review.events}, …). */
    String topic();

    Set<String> events();

    /** The newest version of each of its events it understands: their first unless it says otherwise. */
    default NewestVersions understood() {
        return NewestVersions.FIRST;
    }

    void apply(EventEnvelope event);
}
