package cn.fupin.reporting.rebuild;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.events.InvalidEventException;
import cn.fupin.platform.jdbc.AfterCommit;
import cn.fupin.platform.web.ApiException;
import cn.fupin.reporting.Projection;

/**
 * Rebuilds every read model without downtime: the three topics are replayed from their beginning into a fresh
 * schema while readers and the live consumers go on with the active one; caught up, the live consumers pause,
 * the replay takes the last events, the active schema switches, the live consumers resume (what they then
 * deliver again is absorbed: every projection is idempotent by event id or sequence). One rebuild at a time.
 */
@Service
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    static final List<String> TOPICS = List.of("household.events", "monitoring.events", "review.events");
    private static final Duration PAUSE_TIMEOUT = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventCodec codec;
    private final List<Projection> projections;
    private final ReadModelGenerations generations;
    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaProperties kafka;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "read-model-rebuild"));
    private final AtomicBoolean running = new AtomicBoolean();

    Rebuilds(JdbcClient jdbc, TransactionTemplate transactions, EventCodec codec, List<Projection> projections,
            ReadModelGenerations generations, KafkaListenerEndpointRegistry listeners, KafkaProperties kafka,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.codec = codec;
        this.projections = projections;
        this.generations = generations;
        this.listeners = listeners;
        this.kafka = kafka;
        this.clock = clock;
    }

    public record Rebuild(UUID id, String state, String targetSchema, long events, Instant startedAt,
            Instant finishedAt, String error) {
    }

    /** Starts a rebuild in the background; a second one while one runs is a conflict. */
    public Rebuild start() {
        if (!running.compareAndSet(false, true)) {
            throw ApiException.conflict("rebuild-running", "已有一次读模型重建正在进行");
        }
        UUID id = UUID.randomUUID();
        String target = "reporting_rm_" + clock.instant().getEpochSecond();
        jdbc.sql("insert into reporting.read_model_rebuild (id, state, target_schema, started_at)"
                + " values (:id, 'RUNNING', :target, :at)").param("id", id).param("target", target)
                .param("at", Timestamp.from(clock.instant())).update();
        AfterCommit.run(() -> worker.execute(() -> {
            try {
                run(id, target);
            }
            catch (RuntimeException ex) {
                log.error("读模型重建 {} 失败，继续使用 {}", id, generations.active(), ex);
                finish(id, "FAILED", ex.toString());
            }
            finally {
                running.set(false);
            }
        }), () -> running.set(false));
        return find(id).orElseThrow();
    }

    public Optional<Rebuild> find(UUID id) {
        return jdbc.sql("select id, state, target_schema, events, started_at, finished_at, error"
                + " from reporting.read_model_rebuild where id = :id").param("id", id)
                .query((rs, n) -> new Rebuild(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .optional();
    }

    private void run(UUID id, String target) {
        generations.migrate(target);
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Map<TopicPartition, Long> replayed = new HashMap<>();
            long events = replay(consumer, target, replayed, id, 0);
            jdbc.sql("update reporting.read_model_rebuild set state = 'SWITCHING' where id = :id").param("id", id)
                    .update();
            List<MessageListenerContainer> live = List.copyOf(listeners.getAllListenerContainers());
            live.forEach(MessageListenerContainer::pause);
            try {
                awaitPaused(live);
                events = replay(consumer, target, replayed, id, events);
                generations.switchTo(target);
                log.info("读模型重建 {}：重放 {} 个事件，已切换到 {}", id, events, target);
            }
            finally {
                live.forEach(MessageListenerContainer::resume);
            }
        }
        finish(id, "DONE", null);
    }

    /** Replays every topic from where this rebuild stands to its current end, into the target schema. */
    private long replay(KafkaConsumer<String, String> consumer, String target, Map<TopicPartition, Long> positions,
            UUID id, long events) {
        for (String topic : TOPICS) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                continue;
            }
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, positions.getOrDefault(partition, 0L));
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                events += apply(target, topic, records);
                jdbc.sql("update reporting.read_model_rebuild set events = :events where id = :id")
                        .param("events", events).param("id", id).update();
            }
            partitions.forEach(p -> positions.put(p, consumer.position(p)));
        }
        return events;
    }

    private int apply(String target, String topic, Iterable<ConsumerRecord<String, String>> records) {
        Integer applied = transactions.execute(status -> {
            jdbc.sql(ActiveReadModel.searchPath(target).replace("set search_path", "set local search_path"))
                    .update();
            int count = 0;
            for (ConsumerRecord<String, String> record : records) {
                EventEnvelope event;
                try {
                    event = codec.read(record.value());
                }
                catch (InvalidEventException ex) {
                    // the live consumer dead-lettered it and went on; a rebuild that stopped here never could finish
                    log.warn("读模型重建跳过 {}-{}@{}（不是事件，在线消费时已转入死信）：{}", topic, record.partition(),
                            record.offset(), ex.getMessage());
                    continue;
                }
                for (Projection projection : projections) {
                    if (projection.topic().equals(topic) && projection.events().contains(event.eventName())
                            && projection.understood().understands(event)) {
                        projection.apply(event);
                    }
                }
                count++;
            }
            return count;
        });
        return applied == null ? 0 : applied;
    }

    private void awaitPaused(List<MessageListenerContainer> live) {
        long deadline = System.nanoTime() + PAUSE_TIMEOUT.toNanos();
        while (live.stream().anyMatch(c -> c.isRunning() && !c.isContainerPaused())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("live consumers did not pause within " + PAUSE_TIMEOUT);
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    private void finish(UUID id, String state, String error) {
        jdbc.sql("update reporting.read_model_rebuild set state = :state, finished_at = :at, error = :error"
                + " where id = :id").param("state", state).param("at", Timestamp.from(clock.instant()))
                .param("error", error).param("id", id).update();
    }
}
