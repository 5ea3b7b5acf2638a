package cn.fupin.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole system running on this machine: PostgreSQL, Kafka, Keycloak, the four services and the gateway,
 * started in dependency order, each awaited until it really serves. {@link #close()} stops what was started in
 * the reverse order (applications first, so they do not spend their shutdown failing to reach the broker or
 * the database); a JVM shutdown hook does the same if the owner never calls it.
 */
public final class RunningStack implements AutoCloseable {

    private static final Duration APPLICATION_STARTUP = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final StackOptions options;
    private final Ports ports;
    private final StackPaths paths;
    private final PidFile pidFile;
    private final boolean recordLauncher;
    private final List<PidEntry> pids = new ArrayList<>();
    private final Map<String, ChildProcess> applications = new LinkedHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread shutdownHook = new Thread(this::close, "fupin-stack-shutdown");

    private PostgresServer postgres;
    private KafkaUsers kafkaUsers;
    private ChildProcess kafka;
    private ChildProcess keycloak;
    private boolean closed;
    private Duration startupTime = Duration.ZERO;

    /**
     * @param recordLauncher whether this JVM is the command-line launcher, which {@code down} asks to stop the
     *                       stack (never true in-process: {@code down} must not signal a test JVM)
     */
    RunningStack(StackOptions options, boolean recordLauncher) {
        this.options = options;
        this.ports = options.ports();
        this.paths = StackPaths.of(options);
        this.pidFile = new PidFile(paths.pidFile());
        this.recordLauncher = recordLauncher;
    }

    /** Starts everything; on any failure stops what had started and throws, naming the part and its log. */
    void boot() {
        long start = System.nanoTime();
        Preflight.check(options, paths, pidFile);
        paths.createDirectories();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            if (recordLauncher) {
                synchronized (this) {
                    record(PidEntry.of(PidFile.LAUNCHER, ProcessHandle.current()));
                }
            }
            startPostgres();
            startKafka();
            startKeycloak();
            if (!options.infraOnly()) {
                startApplications();
                if (options.demoData()) {
                    new DemoLoader(ports).loadIfEmpty();
                }
            }
            startupTime = Duration.ofNanos(System.nanoTime() - start);
        }
        catch (RuntimeException ex) {
            boolean interrupted = isClosed();
            close();
            throw interrupted ? new StackStartException("start-up interrupted: the stack was stopped", ex) : ex;
        }
    }

    private void startPostgres() {
        Console.say("PostgreSQL: starting on port " + ports.postgres() + " (data " + paths.postgresData() + ")");
        long start = System.nanoTime();
        synchronized (this) {
            ensureOpen();
            paths.freshLog("postgres");
            postgres = PostgresServer.start(paths, ports.postgres(), options.durable());
            record(PidEntry.of(PidFile.POSTGRES, postgres.postmaster()));
        }
        Console.say("PostgreSQL ready (" + Console.seconds(Duration.ofNanos(System.nanoTime() - start)) + ")");
    }

    private void startKafka() {
        Console.say("Kafka: starting on port " + ports.kafka() + " (KRaft broker and controller)");
        long start = System.nanoTime();
        synchronized (this) {
            ensureOpen();
            paths.freshLog(KafkaBroker.PART);
            kafkaUsers = KafkaUsers.of(paths.kafkaUsers());
            kafkaUsers.writeClientFiles(paths.kafka());
            kafka = KafkaBroker.start(paths, ports, kafkaUsers);
            record(PidEntry.of(KafkaBroker.PART, kafka.handle()));
        }
        KafkaBroker.awaitReady(kafka, ports, kafkaUsers);
        Console.say("Kafka ready (" + Console.seconds(Duration.ofNanos(System.nanoTime() - start)) + ")");
    }

    private void startKeycloak() {
        Console.say("Keycloak: starting on port " + ports.keycloak() + " (the first start takes a minute or two)");
        long start = System.nanoTime();
        RealmImport realm = new RealmImport(paths.realmFile(), paths.keycloakHome());
        synchronized (this) {
            ensureOpen();
            paths.freshLog(KeycloakServer.PART);
            keycloak = KeycloakServer.start(paths, ports, realm);
            record(PidEntry.of(KeycloakServer.PART, keycloak.handle()));
        }
        KeycloakServer.awaitReady(keycloak, ports);
        realm.recordImported();
        Console.say("Keycloak ready (" + Console.seconds(Duration.ofNanos(System.nanoTime() - start)) + ")");
    }

    /** The four services start together (they only need the infrastructure), the gateway once they serve. */
    private void startApplications() {
        Applications.awaitReady(launch(ServiceSpec.services(ports)), APPLICATION_STARTUP);
        Applications.awaitReady(launch(List.of(ServiceSpec.gateway(ports))), APPLICATION_STARTUP);
    }

    private List<Applications.Launched> launch(List<ServiceSpec> specs) {
        return launch(specs, Map.of(), true);
    }

    private List<Applications.Launched> launch(List<ServiceSpec> specs, Map<String, String> extraEnvironment,
            boolean freshLog) {
        List<Applications.Launched> launched = new ArrayList<>();
        synchronized (this) {
            ensureOpen();
            for (ServiceSpec spec : specs) {
                Console.say(spec.name() + ": starting on port " + spec.port());
                if (freshLog) {
                    paths.freshLog(spec.name());
                }
                Map<String, String> environment = new LinkedHashMap<>(spec.environment());
                environment.putAll(kafkaUsers.serviceEnvironment(spec.name()));
                environment.putAll(extraEnvironment);
                ChildProcess process = ChildProcess.start(spec.name(), spec.command(paths.jar(spec.name()), paths.tmp(),
                        options.productionJvm()), environment, paths.repoRoot(), paths.log(spec.name()));
                applications.put(spec.name(), process);
                record(PidEntry.of(spec.name(), process.handle()));
                launched.add(new Applications.Launched(spec, process, System.nanoTime()));
            }
        }
        return launched;
    }

    /** Records a part's process, in place of an earlier one of the same name (a restarted part). */
    private void record(PidEntry entry) {
        pids.removeIf(earlier -> earlier.name().equals(entry.name()));
        pids.add(entry);
        pidFile.write(pids);
    }

    /**
     * Kills a part as a crash would and returns once it is gone: SIGKILL for Kafka, Keycloak, a service or the
     * gateway; for PostgreSQL an immediate shutdown ({@code pg_ctl stop -m immediate}: no checkpoint, recovery from
     * the write-ahead log at the next start). For the fault tests; {@link #restart} brings it back.
     */
    public void kill(String part) {
        ChildProcess process;
        synchronized (this) {
            ensureOpen();
            if (part.equals(PidFile.POSTGRES)) {
                postgres.crash();
                Console.say("PostgreSQL crashed (immediate shutdown)");
                return;
            }
            process = childProcess(part);
        }
        process.handle().destroyForcibly();
        if (!process.awaitEnd(STOP_GRACE)) {
            throw new IllegalStateException(part + " still runs " + Console.seconds(STOP_GRACE) + " after SIGKILL");
        }
        Console.say(part + " killed (SIGKILL)");
    }

    /**
     * Starts a part again after it was killed or died, and returns once it serves. Its log goes on where it stopped.
     *
     * @param environment added to a service's own (e.g. a crash point, or a database reached through a proxy); none
     *                    for the infrastructure
     */
    public void restart(String part, Map<String, String> environment) {
        switch (part) {
            case PidFile.POSTGRES -> {
                synchronized (this) {
                    ensureOpen();
                    postgres = PostgresServer.start(paths, ports.postgres(), options.durable());
                    record(PidEntry.of(PidFile.POSTGRES, postgres.postmaster()));
                }
                Console.say("PostgreSQL restarted");
            }
            case KafkaBroker.PART -> {
                synchronized (this) {
                    ensureOpen();
                    kafka = KafkaBroker.start(paths, ports, kafkaUsers);
                    record(PidEntry.of(KafkaBroker.PART, kafka.handle()));
                }
                KafkaBroker.awaitReady(kafka, ports, kafkaUsers);
                Console.say("Kafka restarted");
            }
            default -> {
                ServiceSpec spec = ServiceSpec.all(ports).stream().filter(candidate -> candidate.name().equals(part))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("no such part: " + part));
                if (!awaitExit(part, Duration.ZERO)) {
                    throw new IllegalStateException(part + " is running");
                }
                Applications.awaitReady(launch(List.of(spec), environment, false), APPLICATION_STARTUP);
            }
        }
    }

    /**
     * A physical backup of the stack's PostgreSQL — every service's schema at one moment — into the directory, taken
     * while everything serves ({@code fupin backup}); returns its manifest.
     */
    public java.util.Properties backupDatabase(Path target) {
        PostgresServer database;
        synchronized (this) {
            ensureOpen();
            database = postgres;
        }
        java.util.Properties manifest = PostgresBackup.take(database.superuser(), paths.postgresData(), target);
        Console.say("PostgreSQL backed up into " + target + " (" + manifest.getProperty("bytes") + " bytes)");
        return manifest;
    }

    /**
     * Puts a backup in place of the stack's database, as {@code fupin restore} does with the stack down: the services
     * and the gateway stopped, PostgreSQL stopped, the backup restored, PostgreSQL started (replaying the backup's
     * log), the services and the gateway started again. Returns where the replaced data directory was kept.
     */
    public Path restoreDatabase(Path backup) {
        List<ChildProcess> apps;
        synchronized (this) {
            ensureOpen();
            apps = List.copyOf(applications.values());
        }
        ProcessTree.stop(apps.stream().map(ChildProcess::handle).toList(), STOP_GRACE);
        synchronized (this) {
            postgres.close();
        }
        Path kept = PostgresBackup.restore(backup, paths.postgresData());
        Console.say("PostgreSQL restored from " + backup + " (the data it replaced: " + kept + ")");
        startPostgres();
        startApplications();
        return kept;
    }

    /**
     * Waits for a part to exit by itself (a service that reached its crash point), and to be reaped; false if it still
     * runs.
     */
    public boolean awaitExit(String part, Duration timeout) {
        ChildProcess process;
        synchronized (this) {
            process = childProcess(part);
        }
        return process.awaitEnd(timeout);
    }

    private ChildProcess childProcess(String part) {
        ChildProcess process = switch (part) {
            case KafkaBroker.PART -> kafka;
            case KeycloakServer.PART -> keycloak;
            default -> applications.get(part);
        };
        if (process == null) {
            throw new IllegalArgumentException("no such part: " + part);
        }
        return process;
    }

    private void ensureOpen() {
        if (closed) {
            throw new StackStartException("the stack is stopping");
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    public String gatewayUrl() {
        return ServiceSpec.local(ports.gateway());
    }

    public String keycloakUrl() {
        return ServiceSpec.local(ports.keycloak());
    }

    /** The issuer of the realm {@code fupin}, e.g. for a token endpoint: {@code issuerUri() + "/protocol/openid-connect/token"}. */
    public String issuerUri() {
        return ServiceSpec.issuerUri(ports);
    }

    public String kafkaBootstrap() {
        return ServiceSpec.kafkaBootstrap(ports);
    }

    /**
     * A Kafka client's security settings (the clients' own keys) as one of the broker's users: {@code admin} (the
     * operator: everything), {@code audit} (reads every event topic, writes nothing) or a service by its name (writes
     * its own topic only).
     */
    public synchronized Map<String, String> kafkaClient(String user) {
        return kafkaUsers.client(user);
    }

    /**
     * Where a proxy in front of the broker listens ({@code kafkaProxyPort}) and forwards to ({@code
     * kafkaBehindProxyPort}): a client bootstrapped at the proxy is sent back to it for every broker connection.
     */
    public int kafkaProxyPort() {
        return ports.kafkaProxy();
    }

    public int kafkaBehindProxyPort() {
        return ports.kafkaBehindProxy();
    }

    /** Database {@code fupin}, user and password {@code fupin}. */
    public String jdbcUrl() {
        return ServiceSpec.jdbcUrl(ports);
    }

    /** A service's own address, past the gateway (e.g. for benchmarks comparing the two). */
    public String serviceUrl(String name) {
        return ServiceSpec.local(ServiceSpec.all(ports).stream().filter(spec -> spec.name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no such service: " + name)).port());
    }

    /** Where a part (postgres, kafka, keycloak, a service, gateway) writes its output. */
    public Path log(String part) {
        return paths.log(part);
    }

    /** Every part's process by name (postgres, kafka, keycloak, the services, gateway), as started. */
    public synchronized Map<String, ProcessHandle> processes() {
        Map<String, ProcessHandle> processes = new LinkedHashMap<>();
        pids.stream().filter(entry -> !entry.name().equals(PidFile.LAUNCHER))
                .forEach(entry -> entry.live().ifPresent(handle -> processes.put(entry.name(), handle)));
        return processes;
    }

    /** From the first part's start to the last one serving (and the demo data loaded, if asked for). */
    public Duration startupTime() {
        return startupTime;
    }

    /** Blocks until {@link #close()} has run, e.g. from the shutdown hook after Ctrl-C. */
    void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Stops everything this stack started (idempotent). */
    @Override
    public void close() {
        List<ChildProcess> apps;
        ChildProcess broker;
        ChildProcess identity;
        PostgresServer database;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            apps = List.copyOf(applications.values());
            broker = kafka;
            identity = keycloak;
            database = postgres;
        }
        long start = System.nanoTime();
        Console.say("stopping the stack");
        if (!apps.isEmpty()) {
            ProcessTree.stop(apps.stream().map(ChildProcess::handle).toList(), STOP_GRACE);
            Console.say("services and gateway stopped");
        }
        stop(identity, "Keycloak");
        stop(broker, "Kafka");
        if (database != null) {
            database.close();
            Console.say("PostgreSQL stopped");
        }
        if (!pids.isEmpty()) {
            pidFile.delete();
        }
        removeShutdownHook();
        Console.say("stack stopped (" + Console.seconds(Duration.ofNanos(System.nanoTime() - start)) + ")");
        stopped.countDown();
    }

    private static void stop(ChildProcess part, String name) {
        if (part != null) {
            ProcessTree.stop(List.of(part.handle()), STOP_GRACE);
            Console.say(name + " stopped");
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (IllegalStateException ex) {
            // the JVM is already shutting down: this is the hook
        }
    }
}
