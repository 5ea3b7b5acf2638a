package cn.fupin.platform.inbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.faults.CrashPoints;
import cn.fupin.platform.observability.CorrelationId;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Idempotent consumption: the id of every processed event is recorded in the same transaction as its
 * effect, so an event delivered twice (Kafka is at least once) takes effect once. Each consumer counts the events it
 * applied and those it recognised as delivered again ({@value #EVENTS_METER}, tagged {@code consumer} and
 * {@code outcome} {@code applied} or {@code duplicate}).
 */
public class Inbox {

    static final String EVENTS_METER = "fupin.inbox.events";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CrashPoints crashPoints;
    private final Meter.MeterProvider<Counter> events;

    public Inbox(JdbcTemplate jdbc, TransactionTemplate transactions, CrashPoints crashPoints, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.crashPoints = crashPoints;
        this.events = Counter.builder(EVENTS_METER).description("Events taken in by a consumer's inbox, by outcome")
                .withRegistry(meters);
    }

    /**
     * Runs {@code effect} in a transaction unless this consumer has processed the event before.
     *
     * @return whether the effect ran
     */
    public boolean handleOnce(String consumer, EventEnvelope event, Consumer<EventEnvelope> effect) {
        String previous = MDC.get(CorrelationId.MDC_KEY);
        if (event.correlationid() != null) {
            MDC.put(CorrelationId.MDC_KEY, event.correlationid());
        }
        try {
            Boolean ran = transactions.execute(status -> {
                int inserted = jdbc.update("""
                        insert into inbox_event (consumer, event_id, event_type) values (?, ?, ?)
                        on conflict do nothing""", consumer, event.id(), event.type());
                if (inserted == 0) {
                    return false;
                }
                effect.accept(event);
                return true;
            });
            boolean applied = Boolean.TRUE.equals(ran);
            counted(consumer, applied ? 1 : 0, applied ? 0 : 1);
            if (applied) {
                crashPoints.reached(CrashPoints.Point.INBOX_COMMITTED, consumer);
            }
            return applied;
        }
        finally {
            restore(previous);
        }
    }

    /**
     * Runs {@code effect} for each event of a batch this consumer has not processed before, in their order, all in
     * one transaction with their inbox rows (one statement for those): a bulk import's thousands of events cost a
     * transaction per batch, not per event. An event twice in the batch takes effect once. When an effect fails
     * nothing of the batch is kept, and the failure says which event it was.
     *
     * @return how many events took effect
     * @throws BatchEffectFailed naming the index of the event whose effect failed
     */
    public int handleAllOnce(String consumer, List<EventEnvelope> events, Consumer<EventEnvelope> effect) {
        return handleAllOnce(consumer, events, fresh -> { }, effect);
    }

    /**
     * As {@link #handleAllOnce(String, List, Consumer)}, {@code prepare} given the events that will take effect, in
     * the transaction, before the first does (to read together what their effects will read: {@link ReadAhead}).
     */
    public int handleAllOnce(String consumer, List<EventEnvelope> events, Consumer<List<EventEnvelope>> prepare,
            Consumer<EventEnvelope> effect) {
        if (events.isEmpty()) {
            return 0;
        }
        String previous = MDC.get(CorrelationId.MDC_KEY);
        try {
            Integer ran = transactions.execute(status -> {
                Set<String> fresh = new HashSet<>(jdbc.query(connection -> {
                    var statement = connection.prepareStatement("""
                            insert into inbox_event (consumer, event_id, event_type)
                            select ?, id, type from unnest(?::text[], ?::text[]) as e (id, type)
                            on conflict do nothing returning event_id""");
                    statement.setString(1, consumer);
                    statement.setArray(2, connection.createArrayOf("text",
                            events.stream().map(EventEnvelope::id).toArray()));
                    statement.setArray(3, connection.createArrayOf("text",
                            events.stream().map(EventEnvelope::type).toArray()));
                    return statement;
                }, (rs, n) -> rs.getString(1)));
                prepare.accept(events.stream().filter(event -> fresh.contains(event.id())).toList());
                int applied = 0;
                for (int i = 0; i < events.size(); i++) {
                    EventEnvelope event = events.get(i);
                    if (!fresh.remove(event.id())) {
                        continue;
                    }
                    if (event.correlationid() != null) {
                        MDC.put(CorrelationId.MDC_KEY, event.correlationid());
                    }
                    try {
                        effect.accept(event);
                    }
                    catch (RuntimeException ex) {
                        throw new BatchEffectFailed(i, ex);
                    }
                    applied++;
                }
                return applied;
            });
            int applied = ran == null ? 0 : ran;
            counted(consumer, applied, events.size() - applied);
            if (applied > 0) {
                crashPoints.reached(CrashPoints.Point.INBOX_COMMITTED, consumer);
            }
            return applied;
        }
        finally {
            restore(previous);
        }
    }

    /** Counted once committed: a rolled-back batch counts nothing. */
    private void counted(String consumer, int applied, int duplicates) {
        if (applied > 0) {
            events.withTags("consumer", consumer, "outcome", "applied").increment(applied);
        }
        if (duplicates > 0) {
            events.withTags("consumer", consumer, "outcome", "duplicate").increment(duplicates);
        }
    }

    /** The correlation id of the thread as it was before an event's own. */
    private static void restore(String previous) {
        if (previous == null) {
            MDC.remove(CorrelationId.MDC_KEY);
        }
        else {
            MDC.put(CorrelationId.MDC_KEY, previous);
        }
    }

    /** The effect of one event of a batch failed; the batch's transaction was rolled back. */
    public static final class BatchEffectFailed extends RuntimeException {

        private final int index;

        BatchEffectFailed(int index, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.index = index;
        }

        /** The failing event's index in the batch. */
        public int index() {
            return index;
        }
    }
}
