package cn.fupin.local;

import java.time.Instant;
import java.util.Optional;

/**
 * One process of a running stack, as recorded in the pid file. The start time guards {@code down} against a
 * pid the system has since given to an unrelated process: such a process is left alone.
 *
 * @param startMillis the process's start time (epoch ms), or 0 when the system did not tell
 */
record PidEntry(String name, long pid, long startMillis) {

    private static final long START_TOLERANCE_MS = 2_000;

    static PidEntry of(String name, ProcessHandle handle) {
        long start = handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return new PidEntry(name, handle.pid(), start);
    }

    /** The process, if it is still the one that was recorded and still alive. */
    Optional<ProcessHandle> live() {
        return ProcessHandle.of(pid).filter(ProcessTree::isRunning).filter(this::startedAsRecorded);
    }

    private boolean startedAsRecorded(ProcessHandle handle) {
        if (startMillis == 0) {
            return true;
        }
        return handle.info().startInstant()
                .map(start -> Math.abs(start.toEpochMilli() - startMillis) <= START_TOLERANCE_MS)
                .orElse(true);
    }
}
