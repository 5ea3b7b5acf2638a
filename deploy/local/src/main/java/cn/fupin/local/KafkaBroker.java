package cn.fupin.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node Kafka (KRaft: broker and controller in one JVM) run from the Maven Central jars in
 * {@code target/lib}, since no broker comes with the operating system. Its log directory is formatted once and
 * then kept, so events stay replayable across restarts ({@code log.retention.ms=-1}, as the design asks).
 */
final class KafkaBroker {

    static final String PART = "kafka";

    private static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final int SCRAM_ITERATIONS = 4096;

    private KafkaBroker() {
    }

    static ChildProcess start(StackPaths paths, Ports ports, KafkaUsers users) {
        Path config = paths.kafka().resolve("server.properties");
        Path logDirs = paths.kafka().resolve("logs");
        Path log = paths.log(PART);
        try {
            Files.createDirectories(logDirs);
            Files.writeString(config, serverProperties(ports, logDirs, users.password(KafkaAccess.ADMIN)),
                    StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            format(paths, config, log);
        }
        return ChildProcess.start(PART, java(paths, "kafka.Kafka", config.toString()), Map.of(), paths.kafka(), log);
    }

    /**
     * Waits until the broker serves, then provisions it as its admin: the event topics, the users' SCRAM credentials
     * and their ACLs ({@link KafkaAccess}). Each start does it again; what exists stays as it is.
     */
    static Duration awaitReady(ChildProcess broker, Ports ports, KafkaUsers users) {
        try (ClusterProbe probe = new ClusterProbe(ports.kafka(), users)) {
            Duration waited = Readiness.await("Kafka", Optional.of(broker.process()), broker.log(), STARTUP, probe);
            provision(probe.admin, users);
            return waited;
        }
    }

    private static void provision(Admin admin, KafkaUsers users) {
        try {
            for (var created : admin.createTopics(KafkaAccess.topics()).values().values()) {
                try {
                    created.get();
                }
                catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw ex;
                    }
                }
            }
            admin.alterUserScramCredentials(KafkaAccess.users().stream()
                    .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(user,
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                            users.password(user)))
                    .toList()).all().get();
            admin.createAcls(KafkaAccess.acls()).all().get();
        }
        catch (ExecutionException ex) {
            throw new StackStartException("Kafka: provisioning its topics, users and ACLs failed: " + ex.getCause(),
                    ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new StackStartException("Kafka: interrupted while provisioning", ex);
        }
    }

    /**
     * The broker's configuration: one node that is broker and controller, listening on loopback only (and on a second
     * port for clients that reach it through a proxy), every
     * internal topic with replication factor 1 (there is one broker), topics created on first use with six
     * partitions (room for the services' consumer concurrency), and nothing ever deleted by age.
     * <p>
     * Every listener wants a user: SCRAM-SHA-512 for the services and audit tools, PLAIN for the admin, whose password
     * is in this file (the broker and the controller sign in to each other as it); the standard authorizer allows
     * only what {@link KafkaAccess} grants, the admin everything. A client without credentials is not served.
     */
    static String serverProperties(Ports ports, Path logDirs, String adminPassword) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + ports.kafkaController());
        config.put("listeners", "CLIENT://127.0.0.1:" + ports.kafka() + ",CONTROLLER://127.0.0.1:"
                + ports.kafkaController() + ",PROXIED://127.0.0.1:" + ports.kafkaBehindProxy());
        // a client that comes in through PROXIED is sent to the proxy's port for every broker connection, so that a
        // proxy there (the fault tests') carries all its traffic; nothing listens there otherwise
        config.put("advertised.listeners", "CLIENT://127.0.0.1:" + ports.kafka() + ",PROXIED://127.0.0.1:"
                + ports.kafkaProxy());
        config.put("listener.security.protocol.map",
                "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT,PROXIED:SASL_PLAINTEXT");
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "CLIENT");
        config.put("sasl.enabled.mechanisms", KafkaUsers.SCRAM + "," + KafkaUsers.PLAIN);
        config.put("sasl.mechanism.inter.broker.protocol", KafkaUsers.PLAIN);
        config.put("sasl.mechanism.controller.protocol", KafkaUsers.PLAIN);
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\""
                + adminPassword + "\" user_admin=\"" + adminPassword + "\";";
        for (String listener : List.of("client", "controller", "proxied")) {
            config.put("listener.name." + listener + ".plain.sasl.jaas.config", plain);
            config.put("listener.name." + listener + ".scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        }
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("super.users", "User:" + KafkaAccess.ADMIN);
        config.put("allow.everyone.if.no.acl.found", "false");
        config.put("log.dirs", logDirs.toString());
        config.put("num.partitions", "6");
        config.put("default.replication.factor", "1");
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("log.retention.ms", "-1");
        config.put("auto.create.topics.enable", "true");
        config.put("group.initial.rebalance.delay.ms", "0");
        return config.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "# written by the Fupin local stack on every start\n", "\n"));
    }

    private static void format(StackPaths paths, Path config, Path log) {
        String clusterId = Uuid.randomUuid().toString();
        Console.say("Kafka: formatting the log directory (first start), cluster id " + clusterId);
        ChildProcess formatter = ChildProcess.start("Kafka storage format",
                java(paths, STORAGE_TOOL, "format", "-t", clusterId, "-c", config.toString()), Map.of(),
                paths.kafka(), log);
        int exit = formatter.awaitExit(FORMAT_TIMEOUT);
        if (exit != 0) {
            throw new StackStartException("Kafka: formatting the log directory failed (exit " + exit + "); see "
                    + log + Readiness.tail(log));
        }
    }

    private static List<String> java(StackPaths paths, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(ChildProcess.java(), "-Xmx512m",
                "-Djava.io.tmpdir=" + paths.tmp(),
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS",
                "-cp", paths.lib().resolve("*").toString(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** Ready when the controller has elected itself and the broker answers the admin's metadata request. */
    private static final class ClusterProbe implements Readiness.Probe, AutoCloseable {

        private final int port;
        private final KafkaUsers users;
        private Admin admin;

        ClusterProbe(int port, KafkaUsers users) {
            this.port = port;
            this.users = users;
        }

        @Override
        public boolean ready() throws Exception {
            if (!Readiness.listening("127.0.0.1", port)) {
                return false;
            }
            if (admin == null) {
                Properties properties = new Properties();
                properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
                properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
                properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
                properties.putAll(users.client(KafkaAccess.ADMIN));
                admin = Admin.create(properties);
            }
            return !admin.describeCluster().nodes().get().isEmpty();
        }

        @Override
        public void close() {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
        }
    }
}
