package cn.fupin.local;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A part of the stack running as its own process, writing to its own log file.
 * <p>
 * It runs in a session of its own ({@code setsid}, where the machine has it): a Ctrl-C in the terminal then
 * reaches only the launcher, which stops the parts in order (services before the broker and the database they
 * need) instead of every process dying at once.
 */
final class ChildProcess {

    private static final Optional<Path> SETSID = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .filter(dir -> !dir.isBlank())
            .map(dir -> Path.of(dir, "setsid"))
            .filter(Files::isExecutable)
            .findFirst();

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
            Path log) {
        List<String> line = new ArrayList<>();
        SETSID.ifPresent(setsid -> line.add(setsid.toString()));
        line.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(line)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new ChildProcess(name, process, log);
        }
        catch (IOException ex) {
            throw new StackStartException("could not start " + name + " (" + String.join(" ", command) + "): "
                    + ex.getMessage() + "; see " + log, ex);
        }
    }

    /** The java executable of this JVM: the children run on the JDK the launcher runs on (21+). */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    Path log() {
        return log;
    }

    Process process() {
        return process;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Whether it has ended (exited and been reaped) within the timeout. */
    boolean awaitEnd(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs it to the end, for one-off tools such as the Kafka storage formatter. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.stop(List.of(handle()), Duration.ofSeconds(5));
                throw new StackStartException(name + " did not finish within " + Console.seconds(timeout) + "; see "
                        + log);
            }
            return process.exitValue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new StackStartException("interrupted while waiting for " + name, ex);
        }
    }
}
