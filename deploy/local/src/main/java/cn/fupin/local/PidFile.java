package cn.fupin.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code <dataDir>/stack.pids}: the processes a running stack started, in start order, one {@code name pid
 * start-epoch-ms} per line. It is how {@code down} in another terminal finds them, and how a second {@code up}
 * knows that one is already running. Rewritten after every part starts, so a launcher that dies half-way still
 * leaves a complete record.
 */
final class PidFile {

    static final String LAUNCHER = "launcher";
    static final String POSTGRES = "postgres";

    private static final String HEADER = "# Fupin local stack: name pid start-epoch-ms, in start order; read by 'fupin down'";

    private final Path path;

    PidFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    void write(List<PidEntry> entries) {
        try {
            Files.createDirectories(path.getParent());
            Path partial = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(partial, render(entries), StandardCharsets.UTF_8);
            Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    List<PidEntry> read() {
        if (!Files.exists(path)) {
            return List.of();
        }
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static String render(List<PidEntry> entries) {
        return entries.stream()
                .map(entry -> entry.name() + " " + entry.pid() + " " + entry.startMillis())
                .collect(Collectors.joining("\n", HEADER + "\n", "\n"));
    }

    /** Lenient: a line that is not {@code name pid [start]} is skipped rather than failing a {@code down}. */
    static List<PidEntry> parse(String text) {
        List<PidEntry> entries = new ArrayList<>();
        for (String line : text.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length < 2) {
                continue;
            }
            try {
                long pid = Long.parseLong(fields[1]);
                long start = fields.length > 2 ? Long.parseLong(fields[2]) : 0L;
                entries.add(new PidEntry(fields[0], pid, start));
            }
            catch (NumberFormatException ex) {
                // not one of ours; skip it
            }
        }
        return entries;
    }
}
