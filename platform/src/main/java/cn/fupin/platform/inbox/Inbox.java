package cn.fupin.platform.inbox;

import java.util.function.Consumer;

import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.observability.CorrelationId;

/**
 * Idempotent consumption: the id of every processed event is recorded in the same transaction as its
 * effect, so an event delivered twice (Kafka is at least once) takes effect once.
 */
public class Inbox {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public Inbox(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
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
            return Boolean.TRUE.equals(ran);
        }
        finally {
            if (previous == null) {
                MDC.remove(CorrelationId.MDC_KEY);
            }
            else {
                MDC.put(CorrelationId.MDC_KEY, previous);
            }
        }
    }
}
