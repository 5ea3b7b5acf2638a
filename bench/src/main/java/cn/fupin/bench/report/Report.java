package cn.fupin.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import cn.fupin.bench.load.Target;

/**
 * A benchmark run's figures as Markdown: a heading with date, commit and machine, one table per scenario, and the
 * issue's goals against what was measured. Printed, and appended to {@code docs/benchmarks.md}.
 */
public final class Report {

    private final StringBuilder text = new StringBuilder();
    private final List<String> goals = new ArrayList<>();
    private final String run;

    public Report(String command, String commit, String settings) {
        run = "`" + command + "` — " + ZonedDateTime.now(ZoneOffset.UTC).format(
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " UTC, commit " + commit;
        text.append("\n### ").append(command).append(" — ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(" UTC, commit ").append(commit).append("\n\n")
                .append("Machine: ").append(machine()).append(". ").append(settings).append("\n");
    }

    /** The run: its command, date and commit. */
    public String run() {
        return run;
    }

    public void section(String title, String intro) {
        text.append("\n#### ").append(title).append("\n\n");
        if (!intro.isEmpty()) {
            text.append(intro).append("\n\n");
        }
    }

    /**
     * Steps measured through both targets, side by side: answers per second, p50 / p99, failures, and the
     * gateway's throughput as a share of the direct one measured in the same run.
     */
    public void sideBySide(Map<String, StepStats> stats, List<String> steps, int seconds) {
        text.append("| step | direct: answered/s | p50 / p99 ms | failed | gateway: answered/s | p50 / p99 ms | failed"
                + " | gateway ÷ direct |\n|---|---|---|---|---|---|---|---|\n");
        for (String step : steps) {
            StepStats direct = stats.get(step + " " + Target.DIRECT.label());
            StepStats gateway = stats.get(step + " " + Target.GATEWAY.label());
            if (direct == null || gateway == null) {
                text.append("| ").append(step).append(" | not measured |||||||\n");
                continue;
            }
            text.append(String.format(Locale.ROOT, "| %s | %.1f | %d / %d | %d | %.1f | %d / %d | %d | %.0f %% |%n",
                    step, direct.okPerSecond(seconds), direct.p50(), direct.p99(), direct.ko(),
                    gateway.okPerSecond(seconds), gateway.p50(), gateway.p99(), gateway.ko(),
                    100 * gateway.okPerSecond(seconds) / Math.max(direct.okPerSecond(seconds), 1e-9)));
        }
    }

    public void line(String line) {
        text.append(line).append("\n");
    }

    /** A goal of the issue and whether this run met it. */
    public void goal(String goal, String measured, boolean met) {
        goals.add("- " + goal + ": " + measured + " — **" + (met ? "met" : "missed") + "**");
    }

    public String markdown() {
        if (goals.isEmpty()) {
            return text.toString();
        }
        return text + "\n#### Against the goals (2-core machine)\n\n" + String.join("\n", goals) + "\n";
    }

    public void appendTo(Path file) {
        try {
            Files.writeString(file, markdown(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse(cpu);
        }
        catch (IOException ex) {
            // not Linux: the model stays unknown
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB, %s %s, JDK %s",
                Runtime.getRuntime().availableProcessors(), cpu, memory / 1024.0 / 1024 / 1024,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"));
    }
}
