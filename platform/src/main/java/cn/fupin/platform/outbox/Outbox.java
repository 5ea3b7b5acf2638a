package cn.fupin.platform.outbox;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.audit.ChainHashes;
import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.jdbc.CopyRows;
import cn.fupin.platform.observability.CorrelationId;
import cn.fupin.platform.security.Caller;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/**
 * The transactional outbox: events are rows written in the same transaction as the state change that
 * caused them, so a change is never published without being committed, nor committed without being
 * published. {@link OutboxRelay} sends the rows to Kafka.
 *
 * <p>Each event gets the next number of its aggregate's gap-free sequence and the hash of its aggregate's previous
 * event ({@code prevhash}: the audit chain, {@link ChainHashes}). The sequence row is locked by the first writer, so
 * two transactions on one aggregate write their events in commit order and the relay, reading rows in id order,
 * keeps per-aggregate order; the row keeps the aggregate's last hash for its next event.
 */
public class Outbox {

    private static final String NEXT_SEQUENCES = """
            insert into event_sequence (aggregate_id, last_sequence)
            select * from unnest(?::text[], ?::bigint[])
            on conflict (aggregate_id) do update set last_sequence = event_sequence.last_sequence + excluded.last_sequence
            returning aggregate_id, last_sequence, last_hash""";

    private static final String LAST_HASHES = """
            update event_sequence s set last_hash = v.hash
            from unnest(?::text[], ?::text[]) as v (aggregate_id, hash)
            where s.aggregate_id = v.aggregate_id""";

    private static final String COLUMNS = "event_id, topic, message_key, payload, created_at, traceparent";
    private static final String INSERT = "insert into outbox_event (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final EventCodec codec;
    private final OutboxProperties properties;
    private final Clock clock;
    private final ObjectProvider<Tracer> tracers;

    public Outbox(JdbcTemplate jdbc, EventCodec codec, OutboxProperties properties, Clock clock,
            ObjectProvider<Tracer> tracers) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.properties = properties;
        this.clock = clock;
        this.tracers = tracers;
    }

    /** Appends one event; must run inside the transaction that changed the aggregate. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(OutgoingEvent event) {
        appendAll(List.of(event));
    }

    /** Appends events in the given order (bulk paths: one statement for the sequences, one batch of rows). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<OutgoingEvent> events) {
        write(events);
    }

    /**
     * Stages events of a long transaction in a temporary table of its own (dropped at commit), sequences reserved
     * as for {@link #appendAll}: they reach the outbox together, by {@link #releaseStaged}, just before the
     * transaction commits. Rows a long transaction wrote to the outbox itself would lie, uncommitted, in front of
     * every event committed meanwhile (an import's progress), and the relay would walk them on every round.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void stage(List<OutgoingEvent> events) {
        createStaging();
        if (events.isEmpty()) {
            return;
        }
        // copied in: the staging table is the transaction's own, under no row security
        CopyRows staged = new CopyRows();
        rows(events).forEach(row -> {
            for (Object column : row) {
                staged.add(column);
            }
            staged.end();
        });
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            staged.copyStraightInto(connection, "outbox_staging", COLUMNS);
            return null;
        });
    }

    /** Appends the staged events to the outbox in the order staged, in one statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void releaseStaged() {
        // created again when a savepoint that created it was rolled back
        createStaging();
        jdbc.update("insert into outbox_event (" + COLUMNS + ") select " + COLUMNS
                + " from outbox_staging order by seq");
        jdbc.execute("truncate outbox_staging");
    }

    private void createStaging() {
        jdbc.execute("""
                create temporary table if not exists outbox_staging (
                    seq bigint generated always as identity, event_id text not null, topic text not null,
                    message_key text not null, payload text not null, created_at timestamptz not null,
                    traceparent text) on commit drop""");
    }

    private void write(List<OutgoingEvent> events) {
        if (!events.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows(events));
        }
    }

    /** The events' outbox rows ({@link #COLUMNS}), each numbered and chained in its aggregate's sequence. */
    private List<Object[]> rows(List<OutgoingEvent> events) {
        Map<String, Chain> chains = reserveSequences(events);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Caller caller = Caller.currentOrSystem();
        String correlationId = Objects.requireNonNullElseGet(MDC.get(CorrelationId.MDC_KEY),
                () -> UUID.randomUUID().toString());
        String traceparent = traceparent();
        List<Object[]> rows = new ArrayList<>(events.size());
        for (OutgoingEvent event : events) {
            Chain chain = chains.get(event.aggregateId());
            EventEnvelope envelope = envelope(event, chain.sequence, chain.lastHash, now, caller.userId(),
                    correlationId, traceparent);
            String payload = codec.write(envelope, event.data());
            chain.next(ChainHashes.ofEvent(payload));
            rows.add(new Object[] { envelope.id(), properties.topic(), event.aggregateId(), payload,
                    Timestamp.from(now.toInstant()), traceparent });
        }
        keepLastHashes(chains);
        return rows;
    }

    /**
     * Reserves, per aggregate, as many sequence numbers as it has events; returns where each aggregate's chain goes
     * on: its first new number and its last event's hash (none for a new aggregate, or one whose events came before
     * the chain).
     */
    private Map<String, Chain> reserveSequences(List<OutgoingEvent> events) {
        // sorted, so that concurrent bulk writers lock sequence rows in one order and cannot deadlock
        Map<String, Long> counts = new TreeMap<>();
        events.forEach(event -> counts.merge(event.aggregateId(), 1L, Long::sum));
        Map<String, Chain> chains = new HashMap<>();
        jdbc.execute((java.sql.Connection connection) -> {
            Array ids = connection.createArrayOf("text", counts.keySet().toArray());
            Array increments = connection.createArrayOf("bigint", counts.values().toArray());
            try (var statement = connection.prepareStatement(NEXT_SEQUENCES)) {
                statement.setArray(1, ids);
                statement.setArray(2, increments);
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        String id = result.getString(1);
                        chains.put(id, new Chain(result.getLong(2) - counts.get(id) + 1, result.getString(3)));
                    }
                }
            }
            return null;
        });
        return chains;
    }

    private void keepLastHashes(Map<String, Chain> chains) {
        jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.prepareStatement(LAST_HASHES)) {
                statement.setArray(1, connection.createArrayOf("text", chains.keySet().toArray()));
                statement.setArray(2, connection.createArrayOf("text",
                        chains.values().stream().map(chain -> chain.lastHash).toArray()));
                statement.executeUpdate();
            }
            return null;
        });
    }

    /** An aggregate's chain as this transaction extends it: the next event's number, the last event's hash. */
    private static final class Chain {

        long sequence;
        String lastHash;

        Chain(long sequence, String lastHash) {
            this.sequence = sequence;
            this.lastHash = lastHash;
        }

        void next(String hash) {
            sequence++;
            lastHash = hash;
        }
    }

    /** The event's envelope, without its data: that is written from the event's own object. */
    private EventEnvelope envelope(OutgoingEvent event, long sequence, String prevhash, OffsetDateTime time,
            String actor, String correlationId, String traceparent) {
        String service = properties.service();
        String id = service + ":" + event.aggregateType() + ":" + event.aggregateId() + ":" + sequence;
        String type = "fupin." + service + "." + event.name() + ".v" + event.version();
        String schema = "https://schemas.fupin.cn/events/" + service + "/" + event.name() + ".v" + event.version()
                + ".schema.json";
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, id, "/fupin/" + service + "-service", type,
                event.aggregateId(), time, "application/json", schema, event.areaCode(), actor, correlationId,
                event.aggregateType(), sequence, prevhash, traceparent, null);
    }

    /** The W3C trace context of the current span, so consumers continue the causing request's trace. */
    private String traceparent() {
        Tracer tracer = tracers.getIfAvailable();
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        TraceContext context = span.context();
        return "00-" + context.traceId() + "-" + context.spanId() + (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00");
    }
}
