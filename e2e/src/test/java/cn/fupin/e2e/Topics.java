package cn.fupin.e2e;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import cn.fupin.audit.TopicReader;
import cn.fupin.audit.verifier.AuditVerifier;

/**
 * The stack's topics as an outside reader sees them: from the beginning to their end now, committed records only;
 * and as an audit tool verifies them.
 */
final class Topics {

    private Topics() {
    }

    /** The topic's records the filter keeps; none if the topic is not there (yet). */
    static List<ConsumerRecord<byte[], byte[]>> read(String topic, Predicate<ConsumerRecord<byte[], byte[]>> keep) {
        Properties connection = new Properties();
        connection.putAll(Stack.kafka("audit", Map.of()));
        List<ConsumerRecord<byte[], byte[]>> kept = new ArrayList<>();
        try (TopicReader reader = new TopicReader(connection, Duration.ofSeconds(30))) {
            reader.read(topic, record -> {
                if (keep.test(record)) {
                    kept.add(record);
                }
            });
        }
        return kept;
    }

    /** The records keyed so (an aggregate's, on its topic). */
    static List<ConsumerRecord<byte[], byte[]>> keyed(String topic, String key) {
        return read(topic, record -> record.key() != null && key.equals(text(record.key())));
    }

    /** What the audit verifier reported, as an audit tool runs it. */
    record Verification(int status, String report) {
    }

    /**
     * The audit verifier on the stack's broker with the checkpoints' key as the gateway publishes it (no token), the
     * options given (topics, say) added.
     */
    static Verification verify(String... options) {
        String key = Api.json(Api.anonymous().get("/openapi/events/audit-keys.json")).get("keys").get(0).get("spki")
                .asString();
        List<String> args = new ArrayList<>(List.of("--bootstrap-server", Stack.get().kafkaBootstrap(),
                "--public-key", key));
        // signed in as audit tools are: the audit user, who reads and never writes
        Stack.get().kafkaClient("audit").forEach((name, value) -> args.addAll(List.of("--property", name + "=" + value)));
        args.addAll(List.of(options));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = AuditVerifier.run(args.toArray(String[]::new), print, print);
        return new Verification(status, out.toString(StandardCharsets.UTF_8));
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
