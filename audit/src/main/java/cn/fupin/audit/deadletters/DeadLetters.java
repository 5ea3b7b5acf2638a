package cn.fupin.audit.deadletters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import cn.fupin.audit.ClientSettings;
import cn.fupin.audit.TopicReader;

/**
 * An operator's view of the dead letters ({@code <topic>.<service>.dlt}: the records a service's consumer refused,
 * each with the reason in its headers) and the way back: a dead letter replayed is sent again, key and value as they
 * were, to the topic it came from, where every consumer reads it again — the one that refused it (upgraded since, or
 * its cause fixed) takes effect, the others have it already and apply it once (their inboxes). The Kafka client only.
 */
public final class DeadLetters {

    static final String REPLAYED_FROM = "fupin-replayed-from";

    private static final String USAGE = """
            usage: audit/dead-letters list   --bootstrap-server HOST:PORT [--topic DLT]...
                   audit/dead-letters replay --bootstrap-server HOST:PORT --dead-letter DLT/PARTITION@OFFSET
              list    every dead letter (of every *.dlt topic, or those named): where it came from, which service
                      refused it, when and why, its key and value
              replay  sends the dead letter's key and value again to its original topic (header fupin-replayed-from)
              --command-config FILE Kafka client settings (the user's SASL sign-in): listing wants a reader
                                    such as the local stack's .data/kafka/audit.properties, replaying the operator's
                                    admin.properties (only the admin writes a service's topic)
              --property KEY=VALUE  a Kafka client property (repeatable), e.g. security.protocol=SASL_SSL
            exit status: 0 done, 1 no such dead letter, 2 could not run""";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int SHOWN_VALUE = 400;

    private DeadLetters() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !List.of("list", "replay").contains(args[0])) {
            err.println(USAGE);
            return 2;
        }
        Properties connection = new Properties();
        List<String> topics = new ArrayList<>();
        String deadLetter = null;
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                err.println(args[i] + " wants a value");
                err.println(USAGE);
                return 2;
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--bootstrap-server" -> connection.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, value);
                case "--topic" -> topics.add(value);
                case "--dead-letter" -> deadLetter = value;
                default -> {
                    try {
                        if (!ClientSettings.apply(args[i], value, connection)) {
                            err.println("unknown option " + args[i]);
                            err.println(USAGE);
                            return 2;
                        }
                    }
                    catch (IllegalArgumentException ex) {
                        err.println(ex.getMessage());
                        return 2;
                    }
                }
            }
        }
        if (!connection.containsKey(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            err.println("--bootstrap-server is required");
            return 2;
        }
        try {
            if (args[0].equals("list")) {
                list(connection, topics, out);
                return 0;
            }
            if (deadLetter == null || !deadLetter.matches(".+/\\d+@\\d+")) {
                err.println("--dead-letter wants DLT/PARTITION@OFFSET, as list shows it");
                return 2;
            }
            return replay(connection, deadLetter, out, err);
        }
        catch (KafkaException | IllegalStateException ex) {
            err.println("could not reach the dead letters: " + ex.getMessage()
                    + ClientSettings.hint(connection));
            return 2;
        }
    }

    private static void list(Properties connection, List<String> named, PrintStream out) {
        List<String> topics = named;
        if (topics.isEmpty()) {
            try (Admin admin = Admin.create(connection)) {
                topics = admin.listTopics().names().get(WAIT.toSeconds(), TimeUnit.SECONDS).stream()
                        .filter(name -> name.endsWith(".dlt")).sorted().toList();
            }
            catch (ExecutionException | TimeoutException ex) {
                throw new IllegalStateException("no topic list from the broker: " + ex.getMessage(), ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", ex);
            }
        }
        List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
        try (TopicReader reader = new TopicReader(connection, WAIT)) {
            for (String topic : topics) {
                reader.read(topic, letters::add);
            }
        }
        for (ConsumerRecord<byte[], byte[]> letter : letters) {
            out.println(letter.topic() + "/" + letter.partition() + "@" + letter.offset() + "  "
                    + Instant.ofEpochMilli(letter.timestamp()));
            out.println("  from     " + header(letter, "kafka_dlt-original-topic") + "/"
                    + number(letter, "kafka_dlt-original-partition") + "@"
                    + number(letter, "kafka_dlt-original-offset") + ", refused by "
                    + header(letter, "kafka_dlt-original-consumer-group"));
            out.println("  reason   " + header(letter, "kafka_dlt-exception-fqcn") + ": "
                    + header(letter, "kafka_dlt-exception-message"));
            out.println("  key      " + text(letter.key()));
            String value = text(letter.value());
            out.println("  value    " + (value.length() > SHOWN_VALUE ? value.substring(0, SHOWN_VALUE) + "…" : value));
        }
        out.println(letters.size() + " dead letters in " + topics.size() + " topics");
    }

    private static int replay(Properties connection, String deadLetter, PrintStream out, PrintStream err) {
        int slash = deadLetter.lastIndexOf('/');
        int at = deadLetter.lastIndexOf('@');
        TopicPartition partition = new TopicPartition(deadLetter.substring(0, slash),
                Integer.parseInt(deadLetter.substring(slash + 1, at)));
        long offset = Long.parseLong(deadLetter.substring(at + 1));
        ConsumerRecord<byte[], byte[]> letter;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(connection)) {
            letter = readOne(consumer, partition, offset);
        }
        if (letter == null) {
            err.println("no dead letter at " + deadLetter);
            return 1;
        }
        String original = header(letter, "kafka_dlt-original-topic");
        if (original == null) {
            err.println(deadLetter + " names no original topic (kafka_dlt-original-topic): not a dead letter");
            return 1;
        }
        Properties producing = new Properties();
        producing.putAll(connection);
        producing.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producing.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producing, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(original, letter.key(), letter.value());
            for (Header header : letter.headers()) {
                if (!header.key().startsWith("kafka_dlt-")) {
                    again.headers().add(header);
                }
            }
            again.headers().add(REPLAYED_FROM, deadLetter.getBytes(StandardCharsets.UTF_8));
            RecordMetadata sent = producer.send(again).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            out.println("replayed " + deadLetter + " to " + sent.topic() + "/" + sent.partition() + "@"
                    + sent.offset());
            return 0;
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("the replay was not acknowledged: " + ex.getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Properties connection) {
        Properties properties = new Properties();
        properties.putAll(connection);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static ConsumerRecord<byte[], byte[]> readOne(KafkaConsumer<byte[], byte[]> consumer,
            TopicPartition partition, long offset) {
        if (consumer.partitionsFor(partition.topic(), WAIT).stream()
                .noneMatch(info -> info.partition() == partition.partition())) {
            return null;
        }
        consumer.assign(List.of(partition));
        long end = consumer.endOffsets(List.of(partition), WAIT).get(partition);
        if (offset >= end) {
            return null;
        }
        consumer.seek(partition, offset);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() == offset) {
                    return record;
                }
                if (record.offset() > offset) {
                    return null;
                }
            }
        }
        throw new IllegalStateException(partition + "@" + offset + " not read in " + WAIT.toSeconds() + " s");
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Spring Kafka writes the original partition (4 bytes) and offset (8 bytes) as big-endian numbers. */
    private static String number(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            return "?";
        }
        byte[] bytes = header.value();
        long value = 0;
        for (byte b : bytes) {
            value = value << 8 | (b & 0xff);
        }
        return bytes.length == 4 || bytes.length == 8 ? Long.toString(value) : text(bytes);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "(none)" : new String(bytes, StandardCharsets.UTF_8);
    }
}
