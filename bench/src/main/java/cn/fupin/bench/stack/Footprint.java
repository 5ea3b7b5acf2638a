package cn.fupin.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The memory each part of the stack holds, with its child processes (PostgreSQL's backends): resident (RSS,
 * what {@code ps} shows) and proportional (PSS: shared pages divided among the processes sharing them, so that
 * PostgreSQL's shared buffers count once). The stack's total is the sum of PSS.
 */
public final class Footprint {

    /** A part's memory in MiB. */
    public record Memory(long rssMib, long pssMib) {

        Memory plus(Memory other) {
            return new Memory(rssMib + other.rssMib, pssMib + other.pssMib);
        }

        Memory max(Memory other) {
            return new Memory(Math.max(rssMib, other.rssMib), Math.max(pssMib, other.pssMib));
        }
    }

    private Footprint() {
    }

    /** Each part's memory now, in the order given. */
    public static Map<String, Memory> of(Map<String, ProcessHandle> parts) {
        Map<String, Memory> memory = new LinkedHashMap<>();
        parts.forEach((name, process) -> {
            Memory kib = Stream.concat(Stream.of(process), process.descendants()).map(Footprint::kib)
                    .reduce(new Memory(0, 0), Memory::plus);
            memory.put(name, new Memory(kib.rssMib() / 1024, kib.pssMib() / 1024));
        });
        return memory;
    }

    /** The larger of two samples, part by part. */
    public static Map<String, Memory> peak(Map<String, Memory> a, Map<String, Memory> b) {
        Map<String, Memory> peak = new LinkedHashMap<>(a);
        b.forEach((name, memory) -> peak.merge(name, memory, Memory::max));
        return peak;
    }

    public static long totalPssMib(Map<String, Memory> parts) {
        return parts.values().stream().mapToLong(Memory::pssMib).sum();
    }

    /** A process's memory in KiB (in a {@link Memory}, summed before it is made MiB). */
    private static Memory kib(ProcessHandle process) {
        // smaps_rollup: "Rss:   123456 kB" and "Pss:   98765 kB" (Linux 4.14+); a process gone meanwhile counts 0
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(process.pid()), "smaps_rollup"))) {
            long rss = 0;
            long pss = 0;
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("Rss:")) {
                    rss = number(line);
                }
                else if (line.startsWith("Pss:")) {
                    pss = number(line);
                }
            }
            return new Memory(rss, pss);
        }
        catch (IOException | UnsupportedOperationException ex) {
            return new Memory(0, 0);
        }
    }

    private static long number(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
