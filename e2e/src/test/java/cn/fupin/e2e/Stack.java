package cn.fupin.e2e;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import cn.fupin.local.LocalStack;
import cn.fupin.local.RunningStack;
import cn.fupin.local.StackOptions;

/**
 * The whole system, started once for all end-to-end tests by the same launcher as {@code deploy/local/fupin up},
 * on ports moved to 20000+ so it runs beside a developer's stack. Registry and broker start empty on every run;
 * Keycloak's unpacked distribution is kept in {@code target/} between runs to save its first-start build.
 */
final class Stack {

    static final int PORT_BASE = 20000;
    private static RunningStack running;

    private Stack() {
    }

    static synchronized RunningStack get() {
        if (running == null) {
            running = LocalStack.startFresh(options());
            Runtime.getRuntime().addShutdownHook(new Thread(running::close));
        }
        return running;
    }

    /**
     * A Kafka client's settings on the stack's broker, signed in as the user ({@code audit}: reads every event topic;
     * {@code admin}: the operator, who alone writes a service's topic by hand), with the client's own settings added.
     */
    static Map<String, Object> kafka(String user, Map<String, Object> settings) {
        Map<String, Object> client = new HashMap<>(get().kafkaClient(user));
        client.put("bootstrap.servers", get().kafkaBootstrap());
        client.putAll(settings);
        return client;
    }

    /**
     * The e2e stack: this checkout, data under {@code target/stack}, no demo data, ports 20000+. The fault tests'
     * run ({@code -Pfaults}, system property {@code fupin.e2e.faults}) has PostgreSQL durable, as production runs it:
     * what it proves of a crash holds for a server that acknowledges a commit once it is on disk.
     */
    static StackOptions options() {
        Path module = Path.of("").toAbsolutePath();
        return new StackOptions(module.getParent(), module.resolve("target/stack"), false, PORT_BASE, false, false,
                Boolean.getBoolean("fupin.e2e.faults"));
    }
}
