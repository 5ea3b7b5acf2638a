package cn.fupin.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.fupin.bench.growth.CountyImports;
import cn.fupin.bench.growth.ReportPlans;
import cn.fupin.bench.load.Target;
import cn.fupin.bench.report.Report;
import cn.fupin.bench.report.StepStats;
import cn.fupin.bench.stack.Footprint;

/** Each scenario's figures made a section of the report, with the goals that concern it. */
final class Scenarios {

    private static final String DIRECT = " " + Target.DIRECT.label();
    private static final String GATEWAY = " " + Target.GATEWAY.label();
    private static final long SUSTAINED_P99_MS = 1_000;

    private Scenarios() {
    }

    static void write(Report report, Map<String, StepStats> stats) {
        int step = Integer.getInteger("bench.step");
        report.section("1. Write path", "Registrations at each offered rate (open model: requests arrive at the rate"
                + " whatever the answers' speed), then by " + Integer.getInteger("bench.closedUsers", 16)
                + " clients that each wait for their answer (closed model), then member additions (新增成员, with"
                + " If-Match) and annual records at a fixed rate; each step to household-service itself (direct) and"
                + " through the gateway, in turn. \"answered/s\" counts the expected answers (201, 200) over the"
                + " step's " + step + " s; in an open step they count however late (up to the 30 s timeout), so a"
                + " rate is kept up with only where p99 stays low.");
        report.sideBySide(stats, steps(stats), step);
        // sustained: what the waiting clients got, or an offered rate answered in full with p99 under a second (an
        // open step's late answers still count as answered, up to the 30 s timeout, so its rate alone proves nothing)
        double best = stats.values().stream().filter(s -> s.name().endsWith(GATEWAY) && s.name().startsWith("register ")
                        && (s.name().contains(" clients") || s.ko() == 0 && s.p99() <= SUSTAINED_P99_MS))
                .mapToDouble(s -> s.okPerSecond(step)).max().orElse(0);
        report.goal("registrations through the gateway ≥ 400/s", String.format(Locale.ROOT,
                "%.0f/s sustained (the waiting clients' rate, or an offered rate answered in full with p99 ≤ 1 s)",
                best),
                best >= 400);
        StepStats at100 = stats.get("register 100/s" + GATEWAY);
        if (at100 != null) {
            report.goal("registration p99 ≤ 150 ms at 100/s offered, through the gateway",
                    at100.p99() + " ms (" + at100.ko() + " failed)", at100.p99() <= 150 && at100.ko() == 0);
        }
    }

    static void read(Report report, Map<String, StepStats> stats) {
        int step = Integer.getInteger("bench.step");
        report.section("2. Read path", Integer.getInteger("bench.readClients", 8) + " clients that each send the next"
                + " request once answered (closed model), as the city office: a village's first page (20"
                + " households), a search by ID number, each report for the county; direct and through the gateway"
                + " in turn, " + step + " s each.");
        report.sideBySide(stats, steps(stats), step);
        double kept = 100;
        for (String read : List.of("village page", "ID search")) {
            StepStats direct = stats.get(read + DIRECT);
            StepStats gateway = stats.get(read + GATEWAY);
            if (direct != null && gateway != null) {
                kept = Math.min(kept, 100 * gateway.okPerSecond(step) / Math.max(direct.okPerSecond(step), 1e-9));
            }
        }
        report.goal("the gateway keeps ≥ 70 % of direct throughput on a database-backed read (village page, ID search)",
                String.format(Locale.ROOT, "%.0f %% (the lower of the two)", kept), kept >= 70);
    }

    static void lag(Report report, Map<String, StepStats> stats) {
        report.section("3. Event lag", "Registrations through the gateway at each rate to all villages but two; in"
                + " each of those two a probe registers a household and reads the village's overview from"
                + " reporting-service every 20 ms until it counts one more: the time from sending the write to"
                + " seeing it counted (so up to 20 ms late).");
        report.line("| writes/s offered | writes answered | failed | probes | p50 ms | p99 ms | max ms | probes failed |");
        report.line("|---|---|---|---|---|---|---|---|");
        stats.forEach((name, probe) -> {
            if (name.startsWith("lag ") && !name.contains(" / ")) {
                String rate = name.substring("lag ".length());
                StepStats writes = stats.get("writes " + rate);
                report.line(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d |", rate,
                        writes == null ? 0 : writes.ok(), writes == null ? 0 : writes.ko(), probe.ok(), probe.p50(),
                        probe.p99(), probe.max(), probe.ko()));
            }
        });
        StepStats at200 = stats.get("lag 200/s");
        if (at200 != null) {
            report.goal("event lag p99 ≤ 300 ms at 200 writes/s", at200.p99() + " ms (" + at200.ok() + " probes)",
                    at200.p99() <= 300 && at200.ko() == 0);
        }
    }

    static void footprint(Report report, Duration startup, Map<String, Footprint.Memory> idle,
            Map<String, Map<String, Footprint.Memory>> peaks) {
        report.section("Footprint", String.format(Locale.ROOT, "Start-up of the whole stack, from nothing running to"
                        + " the demo county (10,000 households) imported and every service ready: %.0f s. Memory"
                        + " per part with its child processes, MiB: RSS as `ps` shows it, PSS with shared pages"
                        + " divided among their processes (PostgreSQL's shared buffers count once); idle 20 s after"
                        + " start-up, and the largest seen (sampled every 2 s) under each scenario.",
                startup.toMillis() / 1000.0));
        StringBuilder header = new StringBuilder("| part | idle RSS | idle PSS |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        peaks.keySet().forEach(scenario -> {
            header.append(" PSS under ").append(scenario).append(" |");
            rule.append("---|");
        });
        report.line(header.toString());
        report.line(rule.toString());
        idle.forEach((part, memory) -> {
            StringBuilder row = new StringBuilder("| " + part + " | " + memory.rssMib() + " | " + memory.pssMib() + " |");
            peaks.values().forEach(peak -> row.append(" ")
                    .append(peak.getOrDefault(part, new Footprint.Memory(0, 0)).pssMib()).append(" |"));
            report.line(row.toString());
        });
        long idleTotal = Footprint.totalPssMib(idle);
        StringBuilder total = new StringBuilder("| **total** | " + idle.values().stream()
                .mapToLong(Footprint.Memory::rssMib).sum() + " | **" + idleTotal + "** |");
        peaks.values().forEach(peak -> total.append(" **").append(Footprint.totalPssMib(peak)).append("** |"));
        // the "under load" is under scenario 1; without it, the largest scenario's
        String under = peaks.containsKey("write") ? "under the write path" : "largest scenario";
        long loaded = peaks.containsKey("write") ? Footprint.totalPssMib(peaks.get("write"))
                : peaks.values().stream().mapToLong(Footprint::totalPssMib).max().orElse(0);
        report.line(total.toString());
        report.line("\n(A scenario's total sums each part's own peak, so it is at most what was held at once.)");
        report.goal("the whole stack ≤ 3 GiB resident at idle", idleTotal + " MiB PSS", idleTotal <= 3 * 1024);
        if (!peaks.isEmpty()) {
            report.goal("the whole stack ≤ 4 GiB under load", loaded + " MiB PSS (" + under + ")",
                    loaded <= 4 * 1024);
        }
    }

    static void growth(Report report, List<CountyImports.Import> imports) {
        report.section("5. Growth", "National-registry exports of the demo county's villages imported through the"
                + " gateway as the city office, one after the other: 10^4 households, then 10^5 at a time until the"
                + " registry holds 10^6. Each timed from sending the file: to the job's end (rows checked, households"
                + " written, events staged; all or nothing), to reporting's overview counting every household, to the"
                + " reconciliation (账账相符) balancing.");
        report.line("| export | households before | job | job households/s | overview counted them | file → overview households/s | balanced |");
        report.line("|---|---|---|---|---|---|---|");
        for (CountyImports.Import done : imports) {
            report.line(String.format(Locale.ROOT, "| %,d | %,d | %.1f s | %,.0f | %.1f s | %,.0f | %.1f s |",
                    done.households(), done.before(), seconds(done.job()), done.households() / seconds(done.job()),
                    seconds(done.counted()), done.households() / seconds(done.counted()), seconds(done.balanced())));
        }
        if (imports.size() < 2) {
            return;
        }
        // the cost of a household at 10^4, 10^5 and 10^6: the first export, the first export of 10^5, all of them
        double at4 = perHousehold(imports.subList(0, 1));
        double at5 = perHousehold(imports.subList(1, 2));
        double at6 = perHousehold(imports);
        long total = imports.stream().mapToLong(CountyImports.Import::households).sum();
        report.line(String.format(Locale.ROOT, "\nFile → overview per household: %.2f ms for 10^4, %.2f ms for 10^5,"
                + " %.2f ms over all %,d; the last export of 10^5 (onto %,d) against the first: %.2f×.", at4, at5,
                at6, total, imports.getLast().before(), perHousehold(imports.subList(imports.size() - 1,
                        imports.size())) / at5));
        double growth = Math.max(at5, at6) / at4;
        report.goal("growth within 1.3× of linear from 10^4 to 10^6", String.format(Locale.ROOT,
                "%.2f× the cost per household of 10^4 (the larger of 10^5's and 10^6's)", growth), growth <= 1.3);
    }

    static void province(Report report, Map<String, StepStats> stats, int step, long households,
            Map<String, List<ReportPlans.Plan>> plans) {
        report.section("4. Province scale", String.format(Locale.ROOT, "With %,d households in the registry (scenario"
                + " 5's imports on the demo county), each read through the gateway by one client at a time for %d s,"
                + " so that p50 and p99 are the read's own time at that size; then each read once more with"
                + " PostgreSQL's `auto_explain` on (every statement's plan as run: [report-plans.md](report-plans.md)).",
                households, step));
        report.line("| read | answered | p50 ms | p99 ms | max ms | failed | statements | their time ms | slowest ms |");
        report.line("|---|---|---|---|---|---|---|---|---|");
        boolean reportsMet = true;
        long worstReport = 0;
        long worstLookup = 0;
        for (StepStats read : stats.values()) {
            if (read.name().equals("warm-up")) {
                continue;
            }
            List<ReportPlans.Plan> ran = plans.getOrDefault(read.name().replaceFirst("^report ", ""), List.of());
            report.line(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %s | %s | %s |", read.name(),
                    read.ok(), read.p50(), read.p99(), read.max(), read.ko(), ran.isEmpty() ? "" : ran.size(),
                    ran.isEmpty() ? "" : String.format(Locale.ROOT, "%.1f",
                            ran.stream().mapToDouble(ReportPlans.Plan::millis).sum()),
                    ran.isEmpty() ? "" : String.format(Locale.ROOT, "%.1f",
                            ran.stream().mapToDouble(ReportPlans.Plan::millis).max().orElse(0))));
            if (read.name().startsWith("report ")) {
                worstReport = Math.max(worstReport, read.p99());
                reportsMet &= read.p99() <= 100 && read.ko() == 0;
            }
            else {
                worstLookup = Math.max(worstLookup, read.p99());
            }
        }
        report.goal("at 10^6 households every report p99 ≤ 100 ms", "the slowest report's p99 " + worstReport + " ms",
                reportsMet);
        report.goal("at 10^6 households ID search and a village's page p99 ≤ 20 ms", "the slower's p99 " + worstLookup
                + " ms", worstLookup <= 20);
    }

    /** Every plan of the province's reads, slowest first within each, as {@code docs/report-plans.md}. */
    static String plans(Report report, Map<String, List<ReportPlans.Plan>> plans) {
        StringBuilder text = new StringBuilder("# The reads' plans at a province's size\n\n")
                .append("A village's page, an ID search and each report, asked once through the gateway after the")
                .append(" province scenario of the benchmark suite")
                .append(" (bench/README.md), every statement it ran as PostgreSQL's `auto_explain` logged it")
                .append(" (`EXPLAIN ANALYZE` with buffers, its own parameters), slowest first. Run: ")
                .append(report.run()).append(".\n");
        plans.forEach((name, ran) -> {
            text.append(String.format(Locale.ROOT, "%n## %s: %d statements, %.1f ms%n", name, ran.size(),
                    ran.stream().mapToDouble(ReportPlans.Plan::millis).sum()));
            ran.stream().sorted(Comparator.comparingDouble(ReportPlans.Plan::millis).reversed())
                    .forEach(plan -> text.append(String.format(Locale.ROOT, "%n%.3f ms, %s:%n%n```%n%s%n```%n",
                            plan.millis(), plan.application(), plan.text())));
        });
        return text.toString();
    }

    private static double perHousehold(List<CountyImports.Import> imports) {
        return imports.stream().mapToDouble(done -> seconds(done.counted())).sum() * 1000
                / imports.stream().mapToLong(CountyImports.Import::households).sum();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** The steps of a run measured both ways, in the order they ran, without their target. */
    private static List<String> steps(Map<String, StepStats> stats) {
        return stats.keySet().stream().filter(name -> name.endsWith(DIRECT))
                .map(name -> name.substring(0, name.length() - DIRECT.length())).toList();
    }
}
