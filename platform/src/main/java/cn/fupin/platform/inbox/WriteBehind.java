package cn.fupin.platform.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a consumer's effects write, gathered while a batch of events takes effect and written together just before
 * the batch's transaction commits ({@link EventBatches}: one transaction per poll): a bulk import's thousands of
 * events then cost one statement per table and batch instead of one per event. Rows of one key are merged as they
 * come ({@code merge}: the later state wins), and an effect reads what the batch has gathered before what is stored
 * ({@link #pending}). Outside a transaction a row is written at once.
 *
 * @param <K> what identifies a row (a household's id)
 * @param <V> the row
 */
public final class WriteBehind<K, V> {

    private final TransactionMap<K, V> gathered;
    private final Consumer<List<V>> writer;
    private final BinaryOperator<V> merge;

    /**
     * @param writer writes the rows gathered, in one statement or a few, in the current transaction
     * @param merge the row to keep of the one gathered and a newer one for the same key
     */
    public WriteBehind(Consumer<List<V>> writer, BinaryOperator<V> merge) {
        this.writer = writer;
        this.merge = merge;
        this.gathered = new TransactionMap<>(rows -> {
            if (!rows.isEmpty()) {
                writer.accept(new ArrayList<>(rows.values()));
                rows.clear();
            }
        });
    }

    /** Gathers a row, to be written before the transaction commits. */
    public void put(K key, V row) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            writer.accept(List.of(row));
            return;
        }
        gathered.bound().merge(key, row, merge);
    }

    /** The row gathered for the key in this transaction, null when none. */
    public V pending(K key) {
        Map<K, V> rows = gathered.current();
        return rows == null ? null : rows.get(key);
    }
}
