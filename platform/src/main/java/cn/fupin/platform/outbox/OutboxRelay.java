package cn.fupin.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.platform.faults.CrashPoints;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes outbox rows to Kafka in id order, in batches: read a batch, send it with the idempotent
 * producer, wait for the acknowledgements, delete the sent rows, all inside one transaction that holds a
 * PostgreSQL advisory lock, so that of several instances only one relays at a time.
 *
 * <p>An empty outbox is not polled while commits are heard ({@link OutboxWakeups}): the relay sleeps until outbox
 * rows are committed, looking anyway after {@code wakeupTimeout}; without them it polls every {@code idleDelay}.
 *
 * <p>Writers never wait for Kafka: during a broker outage rows pile up in the outbox and the relay backs off;
 * when the broker is back, it sends them in order. A crash between send and delete resends the batch:
 * delivery is at least once, and consumers deduplicate on the deterministic event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long LOCK_KEY = 0x6675_7069_6e00_0001L;
    private static final byte[] CONTENT_TYPE = "application/cloudevents+json".getBytes(StandardCharsets.US_ASCII);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties.Relay settings;
    private final OutboxWakeups wakeups;
    private final CrashPoints crashPoints;
    private final Counter published;
    private final Counter failures;
    private final AtomicLong backlog = new AtomicLong();
    private volatile Thread worker;
    private volatile boolean running;
    private long lastBacklogCount;

    /** A relay that polls; {@code wakeups} (null for none) lets it sleep until outbox rows are committed. */
    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
            OutboxProperties.Relay settings, MeterRegistry meters, OutboxWakeups wakeups, CrashPoints crashPoints) {
        this.jdbc = jdbc;
        this.wakeups = wakeups;
        this.crashPoints = crashPoints;
        this.transactions = transactions;
        this.kafka = kafka;
        this.settings = settings;
        this.published = Counter.builder("fupin.outbox.published").description("events sent to Kafka")
                .register(meters);
        this.failures = Counter.builder("fupin.outbox.failures").description("relay rounds that failed")
                .register(meters);
        Gauge.builder("fupin.outbox.backlog", backlog, AtomicLong::get)
                .description("events written but not yet acknowledged by Kafka").register(meters);
    }

    @Override
    public void start() {
        running = true;
        if (wakeups != null) {
            wakeups.start();
        }
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        if (wakeups != null) {
            wakeups.stop();
        }
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Duration backoff = settings.idleDelay();
        while (running) {
            try {
                int sent = relayOnce();
                backoff = settings.idleDelay();
                if (sent < settings.batchSize()) {
                    awaitWork();
                }
            }
            catch (RuntimeException ex) {
                if (!running) {
                    return;
                }
                failures.increment();
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff()
                        : backoff.multipliedBy(2);
                log.warn("Outbox relay round failed, retrying in {} ms: {}", backoff.toMillis(), ex.toString());
                pause(backoff);
            }
        }
    }

    /** One round: returns how many events were sent (0 when another instance holds the relay lock). */
    public int relayOnce() {
        Integer sent = transactions.execute(status -> {
            Boolean leader = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
            if (!Boolean.TRUE.equals(leader)) {
                return 0;
            }
            List<Row> rows = jdbc.query(connection -> planned(connection,
                    "select id, topic, message_key, payload, traceparent from outbox_event order by id limit ?",
                    settings.batchSize()),
                    (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
            if (rows.isEmpty()) {
                backlog.set(0);
                return 0;
            }
            crashPoints.reached(CrashPoints.Point.RELAY_READ);
            send(rows);
            crashPoints.reached(CrashPoints.Point.RELAY_SENT);
            // exactly the sent ids: a lower id still uncommitted when the batch was read must stay for the next round
            Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
            jdbc.update(connection -> planned(connection, "delete from outbox_event where id = any(?)",
                    connection.createArrayOf("bigint", ids)));
            refreshBacklog(rows.size());
            return rows.size();
        });
        return sent == null ? 0 : sent;
    }

    /**
     * A statement planned for the outbox as it is at each call, never from a plan kept on the connection: the outbox
     * swings between empty (vacuum truncates it to no pages) and the hundreds of thousands of rows an import commits,
     * and a generic plan made while it was empty scans the whole table on every round once it is full (measured: the
     * relay's delete took 53 s of PostgreSQL's time for 100,000 events until an autoanalyze happened to replan it).
     */
    private static PreparedStatement planned(Connection connection, String sql, Object parameter)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        statement.setObject(1, parameter);
        return statement;
    }

    private void send(List<Row> rows) {
        List<CompletableFuture<SendResult<String, String>>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            record.headers().add(new RecordHeader("content-type", CONTENT_TYPE));
            if (row.traceparent() != null) {
                // the causing request's trace continues in every consumer (W3C trace context)
                record.headers().add(new RecordHeader("traceparent",
                        row.traceparent().getBytes(StandardCharsets.US_ASCII)));
            }
            acks.add(kafka.send(record));
        }
        kafka.flush();
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox batch", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the outbox batch", ex);
        }
        published.increment(rows.size());
    }

    /** Counting the whole table every round would cost more than the relaying; a full batch means more wait. */
    private void refreshBacklog(int sentNow) {
        if (sentNow < settings.batchSize()) {
            lastBacklogCount = 0;
        }
        else if (lastBacklogCount <= sentNow) {
            Long remaining = jdbc.queryForObject("select count(*) from outbox_event", Long.class);
            lastBacklogCount = remaining == null ? 0 : remaining;
        }
        else {
            lastBacklogCount -= sentNow;
        }
        backlog.set(lastBacklogCount);
    }

    /**
     * Until outbox rows are committed (or the fallback timeout), when commits are heard; else the idle delay, cut short
     * when the listener starts hearing them (it signals then), so that a relay whose first round came before the
     * listener's connection does not sit out a whole idle delay deaf.
     */
    private void awaitWork() {
        if (wakeups == null) {
            pause(settings.idleDelay());
            return;
        }
        try {
            wakeups.await(wakeups.listening() ? settings.wakeupTimeout() : settings.idleDelay());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private record Row(long id, String topic, String key, String payload, String traceparent) {
    }
}
