package cn.fupin.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.platform.PlatformTestApplication;
import cn.fupin.platform.faults.CrashPoints;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.TopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A relay that has gone idle is woken by the commit of an outbox row (the insert trigger's notification), not by its
 * fallback: both its idle delay and its wake-up timeout are a minute here, yet the event is on the topic in seconds;
 * a rolled-back row wakes nobody and is never sent. The listener's connection comes a second late, as on a busy
 * machine: the relay's first round finds nobody listening yet, and its idle delay must end when the listener starts.
 */
@RealInfrastructure
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "fupin.events.service=test", "fupin.events.topic=wakeups.events",
                "fupin.events.relay.enabled=false", "spring.flyway.locations=classpath:db/platform-test" })
class OutboxWakeupsIntegrationTests {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    record Numbered(int n) {
    }

    @Test
    void anIdleRelayIsWokenByTheCommitOfAnOutboxRow() throws Exception {
        OutboxProperties.Relay settings = new OutboxProperties.Relay(true, 100, Duration.ofMinutes(1),
                Duration.ofSeconds(1), Duration.ofMinutes(1));
        OutboxWakeups wakeups = new OutboxWakeups(new DelegatingDataSource(jdbc.getDataSource()) {
            @Override
            public Connection getConnection() throws SQLException {
                try {
                    Thread.sleep(1000);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                return super.getConnection();
            }
        });
        OutboxRelay relay = new OutboxRelay(jdbc, transactions, kafka, settings, new SimpleMeterRegistry(), wakeups,
                CrashPoints.NONE);
        relay.start();
        try (TopicProbe probe = new TopicProbe(brokers, "wakeups.events")) {
            // the probe joins its consumer group now: on a slow machine the first join took seconds of the bound below
            probe.poll();
            await().atMost(Duration.ofSeconds(30)).until(wakeups::listening);
            // not awaiting a result: the relay's first (empty) round must be over, so that only a wake-up can send
            Thread.sleep(500);

            transactions.executeWithoutResult(status -> {
                outbox.append(OutgoingEvent.of("thing", "undone", "350481100201", new Numbered(0)));
                status.setRollbackOnly();
            });
            transactions.executeWithoutResult(status -> outbox
                    .append(OutgoingEvent.of("thing", "woken", "350481100201", new Numbered(1))));

            // sent within seconds, not after the fallback's minute: the relay deletes a row once the broker has it
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from outbox_event where message_key = 'woken'", Long.class) == 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.poll().stream()
                    .anyMatch(record -> record.key().equals("woken")));
            assertThat(jdbc.queryForObject("select count(*) from outbox_event", Long.class)).isZero();
            assertThat(probe.poll()).noneMatch(record -> record.key().equals("undone"));
        }
        finally {
            relay.stop();
        }
        assertThat(wakeups.listening()).as("stopped with the relay").isFalse();
    }
}
