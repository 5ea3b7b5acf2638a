package cn.fupin.audit.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.KafkaException;

import cn.fupin.audit.AuditKeys;
import cn.fupin.audit.Checkpoint;
import cn.fupin.audit.ClientSettings;
import cn.fupin.audit.TopicReader;
import cn.fupin.audit.verifier.Finding.Severity;

/**
 * The audit verifier: reads event topics from their beginning, as an outside audit tool would (the Kafka client
 * only, no consumer group, committed records only), with each topic's signed checkpoints
 * ({@link Checkpoint#topicFor}), and reports gaps, duplicates, reordering, broken hashes and bad checkpoints
 * ({@link TopicAudit}). Exit status 0 when no violation was found, 1 when one was, 2 when it could not verify.
 */
public final class AuditVerifier {

    static final List<String> TOPICS = List.of("household.events", "monitoring.events", "review.events");

    private static final String USAGE = """
            usage: audit/verify --bootstrap-server HOST:PORT --public-key BASE64|@FILE [options]
              --topic NAME[=AS]     an event topic to verify (repeatable; default: %s); a copy of one
                                    (a mirror, say) as the topic its checkpoints name: mirror.household.events=household.events
              --public-key KEY      the checkpoints' Ed25519 public key, X.509 in Base64, or @file holding it
                                    (repeatable: keys rotated out still verify their checkpoints)
              --command-config FILE Kafka client settings: the user's SASL sign-in, e.g. the local stack's
                                    deploy/local/.data/kafka/audit.properties (a user that reads, never writes)
              --property KEY=VALUE  a Kafka consumer property (repeatable), e.g. security.protocol=SASL_SSL
              --timeout SECONDS     longest wait for the broker (default 30)
              --show N              findings shown per kind (default 20; all are counted)
            exit status: 0 no violation, 1 violations found, 2 could not verify"""
            .formatted(String.join(", ", TOPICS));

    private AuditVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the verifier as its command line would; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && args[0].equals("--help")) {
            out.println(USAGE);
            return 0;
        }
        Options options;
        try {
            options = Options.parse(args);
        }
        catch (IllegalArgumentException ex) {
            err.println(ex.getMessage());
            err.println(USAGE);
            return 2;
        }
        int violations = 0;
        try (TopicReader reader = new TopicReader(options.connection(), options.timeout())) {
            for (Map.Entry<String, String> topic : options.topics().entrySet()) {
                TopicAudit audit = new TopicAudit(topic.getValue(), options.keys());
                String checkpoints = Checkpoint.topicFor(topic.getKey());
                if (!reader.read(checkpoints, record -> audit.checkpoint(record.offset(), record.value()))) {
                    out.println("topic " + checkpoints + ": none (no checkpoints to verify against)");
                }
                if (!reader.read(topic.getKey(), record -> audit.record(record.partition(), record.offset(),
                        record.key(), record.value()))) {
                    err.println("topic " + topic.getKey() + " does not exist");
                    return 2;
                }
                if (!topic.getKey().equals(topic.getValue())) {
                    out.println("topic " + topic.getKey() + " read as " + topic.getValue());
                }
                List<Finding> findings = audit.finish();
                violations += (int) findings.stream().filter(f -> f.severity() == Severity.VIOLATION).count();
                report(audit, findings, options.show(), out);
            }
        }
        catch (KafkaException | IllegalStateException ex) {
            err.println("could not read the topics: " + ex.getMessage()
                    + ClientSettings.hint(options.connection()));
            return 2;
        }
        out.println(violations == 0 ? "VERIFIED: no violation" : "NOT VERIFIED: " + violations + " violations");
        return violations == 0 ? 0 : 1;
    }

    private static void report(TopicAudit audit, List<Finding> findings, int show, PrintStream out) {
        out.println("topic " + audit.topic() + ": " + audit.records() + " records, " + audit.aggregates()
                + " aggregates; checkpoints verified by partition " + audit.verifiedCheckpoints());
        Map<String, List<Finding>> byKind = findings.stream()
                .collect(Collectors.groupingBy(f -> f.severity() + " " + f.kind(), LinkedHashMap::new,
                        Collectors.toList()));
        byKind.forEach((kind, found) -> {
            out.println("  " + kind + ": " + found.size());
            found.stream().limit(show).forEach(finding -> out.println("    " + finding));
        });
    }

    /** The command line, read. */
    record Options(Properties connection, Map<String, String> topics, List<PublicKey> keys, Duration timeout,
            int show) {

        static Options parse(String[] args) {
            Properties connection = new Properties();
            Map<String, String> topics = new LinkedHashMap<>();
            List<PublicKey> keys = new ArrayList<>();
            Duration timeout = Duration.ofSeconds(30);
            int show = 20;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--bootstrap-server" -> connection.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, need(args[i], value));
                    case "--topic" -> {
                        String[] names = need(args[i], value).split("=", 2);
                        topics.put(names[0], names.length == 2 ? names[1] : names[0]);
                    }
                    case "--public-key" -> keys.add(AuditKeys.publicKey(keyText(need(args[i], value))));
                    case "--command-config", "--property" ->
                        ClientSettings.apply(args[i], need(args[i], value), connection);
                    case "--timeout" -> timeout = Duration.ofSeconds(number(args[i], need(args[i], value)));
                    case "--show" -> show = (int) number(args[i], need(args[i], value));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (!connection.containsKey(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
                throw new IllegalArgumentException("--bootstrap-server is required");
            }
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("--public-key is required: checkpoints are verified with it");
            }
            if (topics.isEmpty()) {
                TOPICS.forEach(topic -> topics.put(topic, topic));
            }
            return new Options(connection, topics, List.copyOf(keys), timeout, show);
        }

        private static String need(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " wants a value");
            }
            return value;
        }

        private static long number(String option, String value) {
            try {
                return Long.parseLong(value);
            }
            catch (NumberFormatException ex) {
                throw new IllegalArgumentException(option + " wants a number, not " + value);
            }
        }

        private static String keyText(String value) {
            if (!value.startsWith("@")) {
                return value;
            }
            try {
                return Files.readString(Path.of(value.substring(1)), StandardCharsets.US_ASCII);
            }
            catch (IOException ex) {
                throw new IllegalArgumentException("cannot read the public key from " + value.substring(1), ex);
            }
        }
    }
}
