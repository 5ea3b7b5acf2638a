package cn.fupin.platform.events;

import java.util.Map;

/**
 * The newest version of each event a consumer understands, by the event's name: its first unless the consumer says
 * otherwise. A newer one — its publisher upgraded before it — is dead-lettered, and replayed once the consumer
 * understands it (docs/operations.md: upgrading an event's version).
 */
@FunctionalInterface
public interface NewestVersions {

    /** Every event in its first version only. */
    NewestVersions FIRST = name -> 1;

    int of(String eventName);

    /** The versions named, the first of every other event. */
    static NewestVersions of(Map<String, Integer> newest) {
        Map<String, Integer> copy = Map.copyOf(newest);
        return name -> copy.getOrDefault(name, 1);
    }

    /** Whether the consumer understands this event's version. */
    default boolean understands(EventEnvelope event) {
        return event.version() >= 1 && event.version() <= of(event.eventName());
    }
}
