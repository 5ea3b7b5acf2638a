package cn.fupin.platform.inbox;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.kafka.listener.BatchListenerFailedException;

import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.events.EventCatalogue;
import cn.fupin.platform.events.InvalidEventException;
import cn.fupin.platform.events.NewestVersions;

/**
 * A batch listener's records as events, applied once each in one transaction per batch ({@link Inbox#handleAllOnce}):
 * a county's import arrives as tens of thousands of events, which then cost a transaction per poll instead of one
 * each. Records keep their partitions' order. A record that is no event, of a type no contract publishes
 * ({@link EventCatalogue}), an event the consumer reads but in a version it does not know, or one whose effect fails
 * is named to the error handler after the events before it are kept: it is retried (an invalid event is not) and
 * then dead-lettered, and the records after it come again.
 */
public class EventBatches {

    private final EventCodec codec;
    private final Inbox inbox;
    private final EventCatalogue catalogue;

    public EventBatches(EventCodec codec, Inbox inbox, EventCatalogue catalogue) {
        this.codec = codec;
        this.inbox = inbox;
        this.catalogue = catalogue;
    }

    /**
     * @param consumer the inbox's name for this consumer
     * @param effectOf what an event does to this consumer; null for an event it does not read
     */
    public void consume(String consumer, List<String> records, Function<EventEnvelope, Consumer<EventEnvelope>> effectOf) {
        consume(consumer, records, effectOf, events -> { });
    }

    /**
     * @param prepare given the events about to take effect, in their transaction, before the first does: to read
     *        together what their effects will read ({@link ReadAhead})
     */
    public void consume(String consumer, List<String> records, Function<EventEnvelope, Consumer<EventEnvelope>> effectOf,
            Consumer<List<EventEnvelope>> prepare) {
        consume(consumer, records, effectOf, prepare, NewestVersions.FIRST);
    }

    /**
     * @param understood the newest version of each event the consumer understands: a newer one is dead-lettered
     */
    public void consume(String consumer, List<String> records, Function<EventEnvelope, Consumer<EventEnvelope>> effectOf,
            Consumer<List<EventEnvelope>> prepare, NewestVersions understood) {
        List<Read> reads = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                EventEnvelope event = codec.read(records.get(i));
                Consumer<EventEnvelope> effect = effectOf.apply(event);
                if (effect == null) {
                    if (!catalogue.knows(event.type())) {
                        throw new InvalidEventException("未知的事件类型: " + event.type());
                    }
                    continue;
                }
                if (!understood.understands(event)) {
                    throw new InvalidEventException("未知的事件版本: " + event.type());
                }
                reads.add(new Read(i, event, effect));
            }
            catch (RuntimeException ex) {
                keep(consumer, reads, prepare);
                throw new BatchListenerFailedException(ex.getMessage(), ex, i);
            }
        }
        keep(consumer, reads, prepare);
    }

    /** An event of the batch, the record it came from and what it does. */
    private record Read(int record, EventEnvelope event, Consumer<EventEnvelope> effect) {
    }

    /**
     * Applies the events; when one fails, those before it are kept and the failing record is named. When the batch
     * fails as a whole (rows written behind its effects, {@link WriteBehind}, refused at its commit), its events are
     * applied again one at a time to find the one that fails.
     */
    private void keep(String consumer, List<Read> reads, Consumer<List<EventEnvelope>> prepare) {
        Map<EventEnvelope, Consumer<EventEnvelope>> effects = new IdentityHashMap<>();
        reads.forEach(read -> effects.put(read.event(), read.effect()));
        Consumer<EventEnvelope> effect = event -> effects.get(event).accept(event);
        try {
            inbox.handleAllOnce(consumer, events(reads), prepare, effect);
        }
        catch (Inbox.BatchEffectFailed failed) {
            inbox.handleAllOnce(consumer, events(reads.subList(0, failed.index())), prepare, effect);
            throw new BatchListenerFailedException(failed.getMessage(), failed.getCause(),
                    reads.get(failed.index()).record());
        }
        catch (RuntimeException failed) {
            if (reads.size() == 1) {
                throw new BatchListenerFailedException(failed.getMessage(), failed, reads.getFirst().record());
            }
            for (Read read : reads) {
                try {
                    inbox.handleAllOnce(consumer, List.of(read.event()), prepare, read.effect());
                }
                catch (RuntimeException one) {
                    throw new BatchListenerFailedException(one.getMessage(), one, read.record());
                }
            }
        }
    }

    private static List<EventEnvelope> events(List<Read> reads) {
        return reads.stream().map(Read::event).toList();
    }
}
