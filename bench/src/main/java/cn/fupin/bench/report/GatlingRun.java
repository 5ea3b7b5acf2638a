package cn.fupin.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.gatling.app.Gatling$;
import io.gatling.javaapi.core.Simulation;

/**
 * Runs a Gatling simulation in this JVM and reads its figures back from the report Gatling writes. Gatling 3.15
 * keeps them only in the HTML report's statistics table (no {@code stats.json} any more, a binary
 * {@code simulation.log}), so that table is read: its header names the columns, each row a request or a group.
 */
public final class GatlingRun {

    private static final Pattern HEADER = Pattern.compile("<th id=\"(col-\\d+)\"[^>]*><span>(?:<abbr[^>]*>)?([^<]+)<");
    private static final Pattern ROW = Pattern.compile("<tr id=\"([^\"]+)\" data-parent=\"([^\"]+)\">(.*?)</tr>",
            Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>");
    private static final Pattern CELL = Pattern.compile("<td class=\"value [^\"]*(col-\\d+)\">([^<]*)</td>");

    private GatlingRun() {
    }

    /**
     * Figures by request or group name (a request inside a group as {@code group / request}); the HTML report
     * stays under {@code results}.
     */
    public static Map<String, StepStats> run(Class<? extends Simulation> simulation, Path results) {
        try {
            Files.createDirectories(results);
            long started = System.currentTimeMillis();
            int status = Gatling$.MODULE$.fromArgs(new String[] { "--simulation", simulation.getName(),
                "--results-folder", results.toString(), "--launcher", "bench" });
            Path report = newestReport(results, started).orElseThrow(() -> new IllegalStateException(
                    simulation.getSimpleName() + " wrote no report (status " + status + ")"));
            System.out.println("[bench] " + simulation.getSimpleName() + ": report in " + report);
            return read(Files.readString(report));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Map<String, StepStats> read(String html) {
        Map<String, String> columns = new HashMap<>();
        Matcher header = HEADER.matcher(html);
        while (header.find()) {
            columns.put(header.group(2).strip(), header.group(1));
        }
        Map<String, String> names = new HashMap<>();
        Map<String, StepStats> stats = new LinkedHashMap<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(3));
            if (!name.find() || row.group(1).equals("ROOT")) {
                continue;
            }
            String parent = names.get(row.group(2));
            String path = (parent == null ? "" : parent + " / ") + unescape(name.group(1));
            names.put(row.group(1), path);
            Map<String, Long> cells = new HashMap<>();
            Matcher cell = CELL.matcher(row.group(3));
            while (cell.find()) {
                cells.put(cell.group(1), parse(cell.group(2)));
            }
            stats.putIfAbsent(path, new StepStats(path, value(cells, columns, "OK"), value(cells, columns, "KO"),
                    value(cells, columns, "50th pct"), value(cells, columns, "99th pct"), value(cells, columns, "Max")));
        }
        if (stats.isEmpty()) {
            throw new IllegalStateException("the Gatling report has no statistics table this reader knows");
        }
        return stats;
    }

    private static long value(Map<String, Long> cells, Map<String, String> columns, String header) {
        String column = columns.get(header);
        if (column == null || !cells.containsKey(column)) {
            throw new IllegalStateException("the Gatling report has no column \"" + header + "\"");
        }
        return cells.get(column);
    }

    private static long parse(String cell) {
        String value = cell.strip();
        return value.isEmpty() || value.equals("-") ? 0 : Math.round(Double.parseDouble(value));
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static Optional<Path> newestReport(Path results, long since) throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            return runs.map(run -> run.resolve("index.html")).filter(Files::exists)
                    .filter(index -> index.toFile().lastModified() >= since - 1_000)
                    .max(Comparator.comparingLong(index -> index.toFile().lastModified()));
        }
    }
}
