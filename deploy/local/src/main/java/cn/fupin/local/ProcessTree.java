package cn.fupin.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Stops processes together with everything they started. {@code kc.sh} runs Keycloak's java as a child and
 * a killed script would orphan it, so each process's descendants are collected before anything is signalled,
 * all get SIGTERM (a graceful shutdown for Spring Boot, Kafka and Quarkus), and whatever is still alive after
 * the grace period gets SIGKILL.
 */
final class ProcessTree {

    private static final Duration AFTER_KILL = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(100);

    private ProcessTree() {
    }

    static void stop(Collection<ProcessHandle> roots, Duration grace) {
        List<ProcessHandle> targets = new ArrayList<>();
        for (ProcessHandle root : roots) {
            List<ProcessHandle> descendants = new ArrayList<>(root.descendants().toList());
            targets.addAll(descendants.reversed());
            targets.add(root);
        }
        targets.forEach(ProcessHandle::destroy);
        awaitExit(targets, grace);
        List<ProcessHandle> survivors = targets.stream().filter(ProcessTree::isRunning).toList();
        if (!survivors.isEmpty()) {
            Console.warn("killing " + survivors.stream().map(h -> String.valueOf(h.pid())).toList()
                    + ": still running " + Console.seconds(grace) + " after SIGTERM");
            survivors.forEach(ProcessHandle::destroyForcibly);
            awaitExit(survivors, AFTER_KILL);
        }
    }

    /** Waits until the processes have exited or the time is up; the caller looks at what is left. */
    static void awaitExit(Collection<ProcessHandle> handles, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handles.stream().anyMatch(ProcessTree::isRunning) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Alive and not a zombie. Java counts an exited process that its parent has not yet reaped as alive; a
     * launcher killed with SIGKILL can linger like that, and must not count as a running stack.
     */
    static boolean isRunning(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(handle.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        }
        catch (IOException | RuntimeException ex) {
            return handle.isAlive();
        }
    }
}
