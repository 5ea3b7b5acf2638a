package cn.fupin.local;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code down}: stops a stack that another JVM started, found through its pid file. The launcher is asked
 * first (SIGTERM runs its shutdown hook, which stops the parts in order); anything still alive afterwards — the
 * launcher may have been killed — is stopped here in the same order, and PostgreSQL through its data directory.
 */
final class StackStopper {

    private static final Duration LAUNCHER_GRACE = Duration.ofSeconds(150);
    private static final Duration GRACE = Duration.ofSeconds(20);
    private static final Set<String> INFRASTRUCTURE = Set.of(PidFile.LAUNCHER, PidFile.POSTGRES, KafkaBroker.PART,
            KeycloakServer.PART);

    private StackStopper() {
    }

    static void down(StackOptions options) {
        StackPaths paths = StackPaths.of(options);
        PidFile pidFile = new PidFile(paths.pidFile());
        List<PidEntry> entries = pidFile.read();
        if (entries.stream().noneMatch(entry -> entry.live().isPresent())
                && Postmaster.running(paths.postgresData()).isEmpty()) {
            Console.say("no stack is running from " + paths.dataDir());
            pidFile.delete();
            return;
        }
        long start = System.nanoTime();
        Optional<ProcessHandle> launcher = live(entries, PidFile.LAUNCHER);
        launcher.ifPresent(StackStopper::stopLauncher);
        stopLeftovers(entries);
        Postmaster.stop(paths.postgresData(), paths.log("postgres"), GRACE);
        launcher.filter(ProcessTree::isRunning).ifPresent(ProcessHandle::destroyForcibly);
        pidFile.delete();
        Console.say("stack stopped (" + Console.seconds(Duration.ofNanos(System.nanoTime() - start)) + ")");
    }

    private static void stopLauncher(ProcessHandle launcher) {
        Console.say("asking the launcher (pid " + launcher.pid() + ") to stop the stack");
        launcher.destroy();
        ProcessTree.awaitExit(List.of(launcher), LAUNCHER_GRACE);
    }

    /** Applications together, then Keycloak, then Kafka: the order the launcher itself uses. */
    private static void stopLeftovers(List<PidEntry> entries) {
        List<ProcessHandle> applications = entries.stream()
                .filter(entry -> !INFRASTRUCTURE.contains(entry.name()))
                .flatMap(entry -> entry.live().stream())
                .toList();
        if (!applications.isEmpty()) {
            Console.say("stopping " + applications.size() + " service process(es)");
            ProcessTree.stop(applications, GRACE);
        }
        for (String part : List.of(KeycloakServer.PART, KafkaBroker.PART)) {
            live(entries, part).ifPresent(handle -> {
                Console.say("stopping " + part + " (pid " + handle.pid() + ")");
                ProcessTree.stop(List.of(handle), GRACE);
            });
        }
    }

    private static Optional<ProcessHandle> live(List<PidEntry> entries, String name) {
        return entries.stream().filter(entry -> entry.name().equals(name)).findFirst().flatMap(PidEntry::live);
    }
}
