package cn.fupin.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.context.event.EventListener;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The service's one outbox adapter: the {@link PublishedEvent}s raised in a transaction are appended to the outbox
 * in that transaction, and only here — in the order raised, together just before it commits, so a bulk write of
 * many aggregates costs one statement for their sequences and one batch of rows per thousand events. A long bulk
 * transaction stages them a thousand at a time (and at each savepoint) and releases them into the outbox just
 * before it commits ({@link Outbox#stage}): the events committed meanwhile by others are relayed without walking
 * its rows.
 */
public class PublishedEvents {

    /** Events held before they are appended while the transaction goes on. */
    static final int HELD = 1000;

    private final Outbox outbox;

    public PublishedEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(PublishedEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalTransactionStateException(
                    "事件 " + event.eventType() + " 须在改变其聚合的事务中发布");
        }
        Pending pending = pending();
        pending.events.add(new OutgoingEvent(event.aggregateType(), event.aggregateId(), event.areaCode(),
                event.eventType(), event.version(), event));
        if (pending.events.size() >= HELD) {
            pending.stageHeld();
        }
    }

    /**
     * Runs a step of a long transaction in a savepoint ({@code nested}: {@link TransactionDefinition#PROPAGATION_NESTED})
     * that is undone alone when it fails: the events the step raised are appended to the outbox inside the savepoint,
     * so they stay with its changes, or are dropped with them when the step fails. A bulk job keeps its good steps and
     * reports the failed ones, without an event of a change that was undone.
     */
    public <T> T inSavepoint(TransactionOperations nested, Supplier<T> step) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalTransactionStateException("保存点须在事务之内");
        }
        Pending pending = pending();
        int before = pending.events.size();
        try {
            return nested.execute(status -> {
                T result = step.get();
                pending.stageHeld();
                return result;
            });
        }
        catch (RuntimeException ex) {
            pending.events.subList(before, pending.events.size()).clear();
            throw ex;
        }
    }

    /**
     * The events of the current transaction. Synchronizations are suspended with their transaction, so an inner
     * {@code REQUIRES_NEW} transaction collects its own.
     */
    private Pending pending() {
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof Pending pending && pending.owner == this) {
                return pending;
            }
        }
        Pending pending = new Pending(this);
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    /** Not a record: the synchronizations are kept in a set, by identity. */
    private static final class Pending implements TransactionSynchronization {

        private final PublishedEvents owner;
        private final List<OutgoingEvent> events = new ArrayList<>();
        private boolean staged;

        Pending(PublishedEvents owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (staged) {
                stageHeld();
                owner.outbox.releaseStaged();
            }
            else {
                owner.outbox.appendAll(List.copyOf(events));
                events.clear();
            }
        }

        /** Mid-transaction: the held events go to the transaction's staging table. */
        void stageHeld() {
            if (events.isEmpty()) {
                return;
            }
            owner.outbox.stage(List.copyOf(events));
            events.clear();
            staged = true;
        }
    }
}
