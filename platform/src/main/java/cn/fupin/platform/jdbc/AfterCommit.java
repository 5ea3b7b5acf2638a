package cn.fupin.platform.jdbc;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work handed to another thread once what it reads is committed: a job queued by a request must not start before the
 * request's transaction (the job's row) is visible to it — with an {@code Idempotency-Key}, that transaction spans
 * the whole request. Without a transaction the work is handed over at once.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code handOver} after the current transaction commits (never if it rolls back), or now if there is none. */
    public static void run(Runnable handOver) {
        run(handOver, () -> { });
    }

    /** As {@link #run(Runnable)}, with {@code ifRolledBack} run instead if the transaction does not commit. */
    public static void run(Runnable handOver, Runnable ifRolledBack) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            handOver.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                (status == STATUS_COMMITTED ? handOver : ifRolledBack).run();
            }
        });
    }
}
