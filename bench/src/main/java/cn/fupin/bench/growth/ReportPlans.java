package cn.fupin.bench.growth;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plans PostgreSQL ran each report's statements with: {@code EXPLAIN ANALYZE} as executed, with the report's own
 * parameters, written to the server's log by {@code auto_explain} (which the stack's server preloads, silent until
 * asked). Switched on for every session ({@code ALTER SYSTEM} and a reload), each report asked once behind a marker
 * statement, switched off again; a plan between two markers belongs to the report asked between them. The outbox
 * relays' and inboxes' statements of the other services, running meanwhile, are left out.
 */
public final class ReportPlans {

    private static final String MARKER = "fupin-bench-plans";
    /** A log line that starts an entry: {@code <time> [pid] <application>: LOG:  duration: 1.234 ms  plan:}. */
    private static final Pattern ENTRY = Pattern.compile(
            "^\\S+ \\S+ \\S+ \\[\\d+\\] ([^:]*): LOG:  duration: ([\\d.]+) ms  plan:$");
    private static final Pattern MARK = Pattern.compile("'" + MARKER + ": ([^']*)'");
    private static final List<String> SETTINGS = List.of("auto_explain.log_min_duration = 0",
            "auto_explain.log_analyze = on", "auto_explain.log_buffers = on", "log_line_prefix = '%m [%p] %a: '");

    /**
     * One statement's plan.
     *
     * @param application the service whose connection ran it
     * @param millis      its execution time
     * @param text        the query and its plan, as logged
     */
    public record Plan(String application, double millis, String text) {
    }

    private ReportPlans() {
    }

    /** Each report's plans, by the report's name; {@code reports} asks each report once. */
    public static Map<String, List<Plan>> capture(String jdbcUrl, Path log, Map<String, Runnable> reports) {
        Properties superuser = new Properties();
        superuser.setProperty("user", "postgres");
        superuser.setProperty("password", "postgres");
        superuser.setProperty("ApplicationName", MARKER);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, superuser);
                Statement statement = connection.createStatement()) {
            long from = Files.size(log);
            for (String setting : SETTINGS) {
                statement.execute("alter system set " + setting);
            }
            statement.execute("select pg_reload_conf()");
            Thread.sleep(1_000); // every backend reads the new settings before its next statement
            try {
                for (Map.Entry<String, Runnable> report : reports.entrySet()) {
                    statement.execute("select '" + MARKER + ": " + report.getKey() + "'");
                    report.getValue().run();
                }
                statement.execute("select '" + MARKER + ": (end)'");
            }
            finally {
                for (String setting : SETTINGS) {
                    statement.execute("alter system reset " + setting.substring(0, setting.indexOf(" =")));
                }
                statement.execute("select pg_reload_conf()");
            }
            Thread.sleep(1_000);
            return parse(read(log, from));
        }
        catch (SQLException ex) {
            throw new IllegalStateException("auto_explain could not be switched on or off: " + ex.getMessage(), ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    /** The log's entries after the first marker, each plan under the marker before it. */
    static Map<String, List<Plan>> parse(List<String> lines) {
        Map<String, List<Plan>> plans = new LinkedHashMap<>();
        String report = null;
        String application = null;
        double millis = 0;
        StringBuilder text = null;
        List<String> withEnd = new ArrayList<>(lines);
        withEnd.add("");
        for (String line : withEnd) {
            Matcher entry = ENTRY.matcher(line);
            boolean continuation = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
            if (text != null && continuation) {
                text.append(line.strip().isEmpty() ? "" : line.substring(1)).append('\n');
                continue;
            }
            if (text != null) {
                Matcher mark = MARK.matcher(text);
                if (application.equals(MARKER) && mark.find()) {
                    report = mark.group(1).equals("(end)") ? null : mark.group(1);
                    if (report != null) {
                        plans.put(report, new ArrayList<>());
                    }
                }
                else if (report != null && !application.equals(MARKER) && !relayOrInbox(text)) {
                    plans.get(report).add(new Plan(application, millis, text.toString().stripTrailing()));
                }
                text = null;
            }
            if (entry.matches()) {
                application = entry.group(1);
                millis = Double.parseDouble(entry.group(2));
                text = new StringBuilder();
            }
        }
        return plans;
    }

    /** The relays' polls (their lock, their outbox) and the consumers' inboxes: no report's. */
    private static boolean relayOrInbox(CharSequence text) {
        String query = text.toString().toLowerCase(Locale.ROOT);
        return query.contains("outbox") || query.contains("inbox") || query.contains("advisory_xact_lock");
    }

    private static List<String> read(Path log, long from) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(Math.min(from, file.length()));
            byte[] bytes = new byte[(int) (file.length() - file.getFilePointer())];
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        }
    }
}
