package cn.fupin.platform.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A map kept for the length of the current transaction ({@link WriteBehind}'s gathered rows, {@link ReadAhead}'s
 * rows read): bound on first use, unbound when the transaction completes.
 *
 * @param <K> what identifies a row
 * @param <V> the row
 */
final class TransactionMap<K, V> {

    private final Object resource = new Object();
    private final Consumer<Map<K, V>> beforeCommit;

    /** @param beforeCommit given the map just before the transaction commits */
    TransactionMap(Consumer<Map<K, V>> beforeCommit) {
        this.beforeCommit = beforeCommit;
    }

    /** The map of the current transaction; null outside one, or when nothing was put in it yet. */
    @SuppressWarnings("unchecked")
    Map<K, V> current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        return (Map<K, V>) TransactionSynchronizationManager.getResource(resource);
    }

    /** The map of the current transaction, bound now if it was not; the caller is inside a transaction. */
    Map<K, V> bound() {
        Map<K, V> map = current();
        if (map == null) {
            Map<K, V> fresh = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(resource, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    beforeCommit.accept(fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(resource);
                }
            });
            map = fresh;
        }
        return map;
    }
}
