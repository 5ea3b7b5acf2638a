package cn.fupin.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service publishes and how its relay runs.
 *
 * @param service short service name used in event types and ids, e.g. {@code household}
 * @param topic the service's topic, e.g. {@code household.events}
 * @param partitions partitions of the topic when the service creates it
 * @param relay relay tuning
 */
@ConfigurationProperties("fupin.events")
public record OutboxProperties(String service, String topic, @DefaultValue("6") int partitions,
        @DefaultValue Relay relay) {

    /**
     * @param enabled whether this instance runs a relay (only one of all instances publishes at a time)
     * @param batchSize rows read and sent per round
     * @param idleDelay pause when the outbox is empty and commits are not heard ({@link OutboxWakeups})
     * @param maxBackoff longest pause after a broker failure
     * @param wakeupTimeout longest sleep while commits are heard: the relay looks anyway after it
     */
    public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("2000") int batchSize,
            @DefaultValue("20ms") Duration idleDelay, @DefaultValue("5s") Duration maxBackoff,
            @DefaultValue("1s") Duration wakeupTimeout) {
    }

    public boolean publishes() {
        return topic != null && !topic.isBlank();
    }
}
