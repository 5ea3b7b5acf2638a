package cn.fupin.platform.audit;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.audit.AuditKeys;
import cn.fupin.audit.Checkpoint;
import cn.fupin.audit.PartitionChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs what the service's topic holds: every {@code interval} it reads each partition on from where it left off
 * (as any consumer reads it: committed records, in offset order), takes the records into the partition's running
 * hash ({@link PartitionChain}), and publishes a signed {@link Checkpoint} of each partition that grew to the topic's
 * checkpoint topic. An audit tool holding the public key can then tell whether the partition it reads is the one the
 * service wrote, up to the last checkpoint: no record changed, dropped, added or moved.
 *
 * <p>Where it left off is a row per partition ({@code audit_checkpoint}), moved in the transaction that holds the
 * checkpointer's advisory lock (one instance checkpoints at a time) and only once the checkpoints are acknowledged:
 * a crash in between publishes the same checkpoints again, which verify as well.
 */
public class Checkpointer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);
    private static final long LOCK_KEY = 0x6675_7069_6e00_0002L;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration BROKER_WAIT = Duration.ofSeconds(10);

    private final String topic;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final Properties consumerProperties;
    private final PrivateKey key;
    private final String keyId;
    private final Duration interval;
    private final Clock clock;
    private final JsonMapper json;
    private volatile Thread worker;
    private volatile boolean running;

    public Checkpointer(String topic, JdbcTemplate jdbc, TransactionTemplate transactions,
            KafkaTemplate<String, String> kafka, Map<String, Object> consumerConfig, AuditProperties properties,
            Clock clock, JsonMapper json) {
        this.topic = topic;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.consumerProperties = consumerProperties(consumerConfig);
        this.key = AuditKeys.privateKey(properties.signingKey());
        this.keyId = AuditKeys.keyId(AuditKeys.publicKey(properties.publicKey()));
        this.interval = properties.checkpoints().interval();
        this.clock = clock;
        this.json = json;
        checkKeysMatch(properties);
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("audit-checkpointer").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(BROKER_WAIT.toMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            while (running) {
                try {
                    checkpointOnce(consumer);
                }
                catch (RuntimeException ex) {
                    if (!running) {
                        return;
                    }
                    log.warn("audit checkpoint of {} failed, tried again in {}: {}", topic, interval, ex.toString());
                }
                try {
                    Thread.sleep(interval);
                }
                catch (InterruptedException ex) {
                    return;
                }
            }
        }
    }

    /** One round: the checkpoints of every partition that grew since the last, published. */
    private int checkpointOnce(KafkaConsumer<byte[], byte[]> consumer) {
        Integer published = transactions.execute(status -> {
            Boolean leader = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
            if (!Boolean.TRUE.equals(leader)) {
                return 0;
            }
            List<Checkpoint> checkpoints = read(consumer, positions());
            send(checkpoints);
            checkpoints.forEach(checkpoint -> jdbc.update("""
                    insert into audit_checkpoint (topic, partition, next_offset, record_count, chain_hash)
                    values (?, ?, ?, ?, ?)
                    on conflict (topic, partition) do update set next_offset = excluded.next_offset,
                        record_count = excluded.record_count, chain_hash = excluded.chain_hash""",
                    topic, checkpoint.partition(), checkpoint.nextOffset(), checkpoint.count(),
                    checkpoint.chainHash()));
            return checkpoints.size();
        });
        return published == null ? 0 : published;
    }

    /** Where each partition was left: its next offset and its chain so far. */
    private Map<Integer, Position> positions() {
        Map<Integer, Position> positions = new HashMap<>();
        jdbc.query("select partition, next_offset, record_count, chain_hash from audit_checkpoint where topic = ?",
                row -> {
                    positions.put(row.getInt(1), new Position(row.getLong(2),
                            PartitionChain.resume(row.getLong(3), row.getString(4))));
                }, topic);
        return positions;
    }

    /** Reads each partition on to its end now; a checkpoint of each that grew. */
    private List<Checkpoint> read(KafkaConsumer<byte[], byte[]> consumer, Map<Integer, Position> positions) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, BROKER_WAIT);
        List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        // assigned and moved only when they differ: the client logs each assignment and seek, every round
        if (!consumer.assignment().equals(new java.util.HashSet<>(partitions))) {
            consumer.assign(partitions);
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, BROKER_WAIT);
        Map<TopicPartition, Long> open = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Position position = positions.computeIfAbsent(partition.partition(),
                    number -> new Position(0, PartitionChain.start()));
            if (consumer.position(partition, BROKER_WAIT) != position.nextOffset) {
                consumer.seek(partition, position.nextOffset);
            }
            if (ends.get(partition) > position.nextOffset) {
                open.put(partition, ends.get(partition));
            }
        }
        Map<Integer, Long> grown = new HashMap<>();
        long deadline = System.nanoTime() + BROKER_WAIT.toNanos();
        while (!open.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("partitions " + open.keySet() + " not read to their end in "
                        + BROKER_WAIT.toSeconds() + " s");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                Long end = open.get(partition);
                if (end == null || record.offset() >= end) {
                    continue;
                }
                Position position = positions.get(record.partition());
                position.chain.add(record.key(), record.value());
                position.nextOffset = record.offset() + 1;
                grown.merge(record.partition(), 1L, Long::sum);
                deadline = System.nanoTime() + BROKER_WAIT.toNanos();
            }
            // a transaction's marker takes an offset no record has: a partition is read once its position is at the end
            open.entrySet().removeIf(entry -> consumer.position(entry.getKey(), BROKER_WAIT) >= entry.getValue());
        }
        String now = clock.instant().toString();
        List<Checkpoint> checkpoints = new ArrayList<>();
        grown.keySet().stream().sorted().forEach(number -> {
            Position position = positions.get(number);
            checkpoints.add(AuditKeys.sign(new Checkpoint(topic, number, position.chain.count(),
                    position.nextOffset, position.chain.hash(), now, keyId, null), key));
        });
        return checkpoints;
    }

    private void send(List<Checkpoint> checkpoints) {
        String checkpointTopic = Checkpoint.topicFor(topic);
        List<java.util.concurrent.CompletableFuture<?>> acks = new ArrayList<>();
        for (Checkpoint checkpoint : checkpoints) {
            acks.add(kafka.send(checkpointTopic, Integer.toString(checkpoint.partition()),
                    json.writeValueAsString(checkpoint)));
        }
        try {
            for (var ack : acks) {
                ack.get(BROKER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("checkpoints of " + topic + " not acknowledged", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing checkpoints", ex);
        }
    }

    private static Properties consumerProperties(Map<String, Object> config) {
        Properties properties = new Properties();
        properties.putAll(config);
        // no group: nothing committed, the position is this service's own row
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        properties.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-checkpointer");
        // wait for no batch to gather: a round reads what is there
        properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return properties;
    }

    private void checkKeysMatch(AuditProperties properties) {
        Checkpoint probe = AuditKeys.sign(new Checkpoint(topic, 0, 0, 0, "", "", keyId, null), key);
        if (!AuditKeys.verify(probe, AuditKeys.publicKey(properties.publicKey()))) {
            throw new IllegalStateException("fupin.audit.public-key is not the public half of fupin.audit.signing-key");
        }
    }

    /** A partition's place: the offset read next and the chain of the records before it. */
    private static final class Position {

        long nextOffset;
        final PartitionChain chain;

        Position(long nextOffset, PartitionChain chain) {
            this.nextOffset = nextOffset;
            this.chain = chain;
        }
    }
}
