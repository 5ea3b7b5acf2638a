package cn.fupin.audit.consumer;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import cn.fupin.audit.ClientSettings;

/**
 * A sample consumer of Fupin's events for audit tools and other systems, with the Kafka client only: subscribes with
 * a consumer group, checks every record ({@link EventChecks}: envelope, sequence, audit chain), acts on each new event
 * (here: prints it), reports what breaks the catalogue's promises, and commits its offsets once a batch is handled.
 * Run it with {@code audit/consume}; copy it as the start of your own.
 */
public final class SampleConsumer {

    static final List<String> TOPICS = List.of("household.events", "monitoring.events", "review.events");

    private static final String USAGE = """
            usage: audit/consume --bootstrap-server HOST:PORT --command-config FILE [options]
              --group ID            the consumer group (default audit-sample; the audit user may use groups audit*)
              --topic NAME          an event topic (repeatable; default: %s)
              --command-config FILE Kafka client settings: the user's SASL sign-in (the local stack's
                                    deploy/local/.data/kafka/audit.properties)
              --property KEY=VALUE  a Kafka consumer property (repeatable)
              --from-beginning      a new group starts at the topics' beginning (default: their end)
              --max-records N       stop after N records (default: run until stopped)"""
            .formatted(String.join(", ", TOPICS));

    private final EventChecks checks = new EventChecks();
    private final PrintStream out;
    private final PrintStream err;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    SampleConsumer(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        SampleConsumer sample = new SampleConsumer(System.out, System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(sample::stop));
        System.exit(sample.run(args));
    }

    /** Consumes as its command line says until stopped or the records asked for are read; returns the exit status. */
    int run(String[] args) {
        if (args.length == 1 && args[0].equals("--help")) {
            out.println(USAGE);
            return 0;
        }
        Properties settings = new Properties();
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "audit-sample");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        List<String> topics = new ArrayList<>();
        long maxRecords = Long.MAX_VALUE;
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--bootstrap-server" -> settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, need(args[i], value));
                    case "--group" -> settings.put(ConsumerConfig.GROUP_ID_CONFIG, need(args[i], value));
                    case "--topic" -> topics.add(need(args[i], value));
                    case "--from-beginning" -> {
                        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
                        continue;
                    }
                    case "--max-records" -> maxRecords = Long.parseLong(need(args[i], value));
                    default -> {
                        if (!ClientSettings.apply(args[i], need(args[i], value), settings)) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                    }
                }
                i++;
            }
            if (!settings.containsKey(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
                throw new IllegalArgumentException("--bootstrap-server is missing");
            }
        }
        catch (IllegalArgumentException ex) {
            err.println(ex.getMessage());
            err.println(USAGE);
            return 2;
        }
        // offsets committed by this loop once a batch is handled: a crash hands the batch out again (at least once),
        // and the checks tell the events seen before
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return consume(settings, topics.isEmpty() ? TOPICS : topics, maxRecords);
    }

    private int consume(Properties settings, List<String> topics, long maxRecords) {
        long read = 0;
        long refused = 0;
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = kafka;
            kafka.subscribe(topics);
            while (!stopping.get() && read < maxRecords) {
                for (ConsumerRecord<byte[], byte[]> record : kafka.poll(Duration.ofSeconds(1))) {
                    read++;
                    if (!handle(record)) {
                        refused++;
                    }
                }
                kafka.commitSync();
            }
        }
        catch (WakeupException ex) {
            // stopped
        }
        out.println(read + " records read, " + refused + " refused");
        return refused == 0 ? 0 : 1;
    }

    /** Checks a record and acts on it; false when it is refused. */
    private boolean handle(ConsumerRecord<byte[], byte[]> record) {
        String place = record.topic() + "/" + record.partition() + "@" + record.offset();
        return switch (checks.check(record.key(), record.value())) {
            case EventChecks.Accepted accepted -> {
                // your system's work goes here, e.g. storing the event with the aggregate's last sequence and hash
                out.println(place + " " + accepted.event().get("type").asString() + " "
                        + accepted.event().get("subject").asString() + " #" + accepted.event().get("sequence"));
                yield true;
            }
            case EventChecks.Duplicate duplicate -> {
                out.println(place + " seen before: " + duplicate.id());
                yield true;
            }
            case EventChecks.Refused problem -> {
                err.println(place + " REFUSED " + problem.kind() + ": " + problem.detail() + " (key "
                        + (record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8)) + ")");
                yield false;
            }
        };
    }

    void stop() {
        stopping.set(true);
        KafkaConsumer<byte[], byte[]> running = consumer;
        if (running != null) {
            running.wakeup();
        }
    }

    private static String need(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " wants a value");
        }
        return value;
    }
}
