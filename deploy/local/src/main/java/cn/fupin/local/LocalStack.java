package cn.fupin.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One command for the whole system on one machine, with nothing installed but a JDK: real PostgreSQL, a real
 * Kafka broker and a real Keycloak as processes, then the four services and the gateway, then demo data.
 * {@code up} stays in the foreground and Ctrl-C stops everything; {@code down} stops it from another terminal.
 * The end-to-end tests use {@link #start(StackOptions)} to get the same stack in-process.
 */
public final class LocalStack {

    private LocalStack() {
    }

    /**
     * Starts the stack and returns once every part serves (and demo data, if asked for, is loaded).
     *
     * @throws StackStartException naming the part that failed and its log; nothing is left running
     */
    public static RunningStack start(StackOptions options) {
        RunningStack stack = new RunningStack(options, false);
        stack.boot();
        return stack;
    }

    /**
     * Starts the stack with an empty registry and broker: PostgreSQL's and Kafka's data are deleted first (Keycloak's
     * unpacked distribution is kept, its first build takes a minute). For the end-to-end tests and the benchmarks.
     */
    public static RunningStack startFresh(StackOptions options) {
        StackPaths paths = StackPaths.of(options);
        deleteTree(paths.postgresData());
        deleteTree(paths.kafka());
        return start(options);
    }

    private static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Rebuilds reporting's read models of the running stack from the event streams; true once switched. */
    public static boolean rebuildReports(StackOptions options) {
        return ReportRebuild.run(options);
    }

    public static void main(String[] args) throws InterruptedException {
        quietLibraryLogging();
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args, Path.of("").toAbsolutePath());
        }
        catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        switch (commandLine.command()) {
            case UP -> up(commandLine.options());
            case DOWN -> StackStopper.down(commandLine.options());
            case REBUILD_REPORTS -> System.exit(rebuildReports(commandLine.options()) ? 0 : 1);
            case BACKUP -> System.exit(backup(commandLine.options(), commandLine.backup()));
            case RESTORE -> System.exit(restore(commandLine.options(), commandLine.backup()));
        }
    }

    private static void up(StackOptions options) throws InterruptedException {
        RunningStack stack = new RunningStack(options, true);
        try {
            stack.boot();
        }
        catch (StackStartException ex) {
            System.err.println("[fupin] FAILED: " + ex.getMessage());
            System.exit(1);
        }
        System.out.println(Summary.render(options, StackPaths.of(options), DemoUsers.from(StackPaths.of(options).realmFile()),
                stack.startupTime()));
        stack.awaitStopped();
    }

    /** {@code backup}: the running stack's PostgreSQL, every service's schema, copied while it serves. */
    private static int backup(StackOptions options, Path target) {
        try {
            java.util.Properties manifest = PostgresBackup.take(PostgresServer.superuser(options.ports().postgres()),
                    StackPaths.of(options).postgresData(), target);
            Console.say("backed up into " + target + ": " + manifest.getProperty("bytes") + " bytes, up to "
                    + manifest.getProperty("stop_lsn") + "; restore with 'deploy/local/fupin restore " + target
                    + "' once the stack is down");
            return 0;
        }
        catch (IllegalArgumentException ex) {
            System.err.println("[fupin] backup FAILED: " + ex.getMessage());
            return 1;
        }
        catch (RuntimeException ex) {
            System.err.println("[fupin] backup FAILED: " + ex.getMessage()
                    + " (is the stack running? 'deploy/local/fupin up')");
            return 1;
        }
    }

    /** {@code restore}: the backup in place of the stopped stack's PostgreSQL; the next {@code up} replays its log. */
    private static int restore(StackOptions options, Path backup) {
        StackPaths paths = StackPaths.of(options);
        if (new PidFile(paths.pidFile()).read().stream().anyMatch(entry -> entry.live().isPresent())) {
            System.err.println("[fupin] restore refused: the stack is running ('deploy/local/fupin down' first)");
            return 1;
        }
        try {
            Path kept = PostgresBackup.restore(backup, paths.postgresData());
            Console.say("restored " + backup + "; the data it replaced is kept in " + kept + ". Next: "
                    + "'deploy/local/fupin up', then 'deploy/local/fupin rebuild-reports' (reporting's read models "
                    + "replayed from the topics)");
            return 0;
        }
        catch (RuntimeException ex) {
            System.err.println("[fupin] restore FAILED: " + ex.getMessage());
            return 1;
        }
    }

    /**
     * The launcher's own libraries (zonky, the Kafka admin client) log through slf4j-simple to the terminal;
     * only their warnings belong there. Set before the first logger exists; a -D on the command line wins.
     */
    private static void quietLibraryLogging() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
