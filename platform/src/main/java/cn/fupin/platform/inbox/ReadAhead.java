package cn.fupin.platform.inbox;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a batch of events will read, read together before the batch takes effect ({@link EventBatches}: one
 * transaction per poll) and kept for that transaction: a bulk import's thousands of events then cost one query per
 * batch instead of one each. A key read ahead and not found is known to be absent. Outside a transaction nothing is
 * kept.
 *
 * @param <K> what identifies a row (a household's id)
 * @param <V> the row
 */
public final class ReadAhead<K, V> {

    private final TransactionMap<K, V> rows = new TransactionMap<>(read -> { });
    private final Function<List<K>, Map<K, V>> reader;

    /** @param reader reads the rows of the keys it is given, in the current transaction (locking them if it must) */
    public ReadAhead(Function<List<K>, Map<K, V>> reader) {
        this.reader = reader;
    }

    /** Reads the rows of the keys not read yet in this transaction, in one call of the reader. */
    public void read(Collection<K> keys) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Map<K, V> read = rows.bound();
        List<K> unread = keys.stream().distinct().filter(key -> !read.containsKey(key)).toList();
        if (unread.isEmpty()) {
            return;
        }
        Map<K, V> found = reader.apply(unread);
        unread.forEach(key -> read.put(key, found.get(key)));
    }

    /** Whether the key's row was read ahead in this transaction (found or not). */
    public boolean wasRead(K key) {
        Map<K, V> read = rows.current();
        return read != null && read.containsKey(key);
    }

    /** The row read ahead for the key; null when it was not found, or not read ({@link #wasRead}). */
    public V get(K key) {
        Map<K, V> read = rows.current();
        return read == null ? null : read.get(key);
    }
}
