package cn.fupin.audit;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from its beginning to where it ended when reading began, as a consumer sees it (committed records
 * only), with no consumer group: nothing is committed, nothing the publishers or other readers see changes. The
 * verifier reads the event topics with it, the dead letters' tool their dead-letter topics.
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration timeout;

    public TopicReader(Properties connection, Duration timeout) {
        Properties properties = new Properties();
        properties.putAll(connection);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        // asking for a topic that is not there must not create it
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.timeout = timeout;
    }

    /** Every record of the topic up to its end now, each partition's in offset order; false if it has no partitions. */
    public boolean read(String topic, Consumer<ConsumerRecord<byte[], byte[]>> records) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            return false;
        }
        List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
        end.entrySet().removeIf(entry -> consumer.position(entry.getKey(), timeout) >= entry.getValue());
        long quietSince = System.nanoTime();
        while (!end.isEmpty()) {
            var polled = consumer.poll(POLL);
            if (!polled.isEmpty()) {
                quietSince = System.nanoTime();
            }
            else if (System.nanoTime() - quietSince > timeout.toNanos()) {
                throw new IllegalStateException("no records of " + topic + " for " + timeout.toSeconds()
                        + " s while " + end.keySet() + " were not read to their end");
            }
            for (ConsumerRecord<byte[], byte[]> record : polled) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                Long last = end.get(partition);
                if (last != null && record.offset() < last) {
                    records.accept(record);
                }
            }
            // transaction markers take offsets no record has: a partition is read once its position reaches the end
            end.entrySet().removeIf(entry -> consumer.position(entry.getKey(), timeout) >= entry.getValue());
        }
        consumer.unsubscribe();
        return true;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
