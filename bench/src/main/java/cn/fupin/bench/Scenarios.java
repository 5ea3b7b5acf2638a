package cn.fupin.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        long loaded = 0;
        for (Map<String, Footprint.Memory> peak : peaks.values()) {
            long sum = Footprint.totalPssMib(peak);
            loaded = Math.max(loaded, sum);
            total.append(" **").append(sum).append("** |");
        }
        report.line(total.toString());
        report.line("\n(A scenario's total sums each part's own peak, so it is at most what was held at once.)");
        report.goal("the whole stack ≤ 3 GiB resident at idle", idleTotal + " MiB PSS", idleTotal <= 3 * 1024);
        if (!peaks.isEmpty()) {
            report.goal("the whole stack ≤ 4 GiB under load", loaded + " MiB PSS (largest scenario)",
                    loaded <= 4 * 1024);
        }
    }

    /** The steps of a run measured both ways, in the order they ran, without their target. */
    private static List<String> steps(Map<String, StepStats> stats) {
        return stats.keySet().stream().filter(name -> name.endsWith(DIRECT))
                .map(name -> name.substring(0, name.length() - DIRECT.length())).toList();
    }
}
