package cn.fupin.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A PostgreSQL server found through its data directory rather than through the JVM that started it: for
 * {@code down} from another terminal, and for a start-up that failed half-way. Only the postmaster is ever
 * signalled: signalling its worker processes directly would look like a crash to it.
 */
final class Postmaster {

    private Postmaster() {
    }

    /** The postmaster of a data directory, from the first line of its {@code postmaster.pid}. */
    static Optional<ProcessHandle> running(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            return lines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.getFirst().strip())).filter(ProcessTree::isRunning);
        }
        catch (IOException | NumberFormatException ex) {
            return Optional.empty();
        }
    }

    /**
     * Fast shutdown, as {@code pg_ctl stop -m fast} does it: SIGINT to the postmaster, which ends the sessions,
     * writes a checkpoint and exits. Sent with {@code kill} because Java can only send SIGTERM (PostgreSQL's
     * "smart" mode, which waits for every client to leave), and not through {@code pg_ctl}, which refuses to
     * run as root (zonky runs it in a user namespace then).
     */
    static void stop(Path dataDir, Path log, Duration grace) {
        shutdown(dataDir, log, grace, "-INT", ProcessHandle::destroy);
    }

    /**
     * Immediate shutdown, as {@code pg_ctl stop -m immediate}: SIGQUIT to the postmaster, which ends every process
     * at once without a checkpoint; the next start runs crash recovery. For the fault tests.
     */
    static void stopImmediately(Path dataDir, Path log, Duration grace) {
        shutdown(dataDir, log, grace, "-QUIT", ProcessHandle::destroyForcibly);
    }

    /** The signal (or, if it cannot be sent, what Java can do instead), then SIGKILL for a postmaster that outlives it. */
    private static void shutdown(Path dataDir, Path log, Duration grace, String signal,
            Consumer<ProcessHandle> otherwise) {
        Optional<ProcessHandle> found = running(dataDir);
        if (found.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = found.get();
        if (!signal(signal, postmaster, dataDir, log, grace)) {
            otherwise.accept(postmaster);
        }
        ProcessTree.awaitExit(List.of(postmaster), grace);
        if (ProcessTree.isRunning(postmaster)) {
            Console.warn("killing PostgreSQL (pid " + postmaster.pid() + "): it did not stop in "
                    + Console.seconds(grace));
            postmaster.destroyForcibly();
        }
    }

    private static boolean signal(String signal, ProcessHandle postmaster, Path dataDir, Path log, Duration grace) {
        List<String> command = List.of("kill", signal, String.valueOf(postmaster.pid()));
        try {
            return ChildProcess.start("kill", command, Map.of(), dataDir, log).awaitExit(grace) == 0;
        }
        catch (StackStartException ex) {
            return false;
        }
    }
}
