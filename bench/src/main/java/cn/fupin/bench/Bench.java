package cn.fupin.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import cn.fupin.bench.load.EventLagSimulation;
import cn.fupin.bench.load.ReadPathSimulation;
import cn.fupin.bench.load.WritePathSimulation;
import cn.fupin.bench.report.GatlingRun;
import cn.fupin.bench.report.Report;
import cn.fupin.bench.stack.BenchStack;
import cn.fupin.bench.stack.Footprint;

/**
 * The benchmark suite's command ({@code bench/run}): starts a fresh stack, runs the scenarios asked for, measures
 * the stack's memory idle and under each, and reports every figure with the goals beside it.
 */
public final class Bench {

    private static final List<String> SCENARIOS = List.of("write", "read", "lag");
    private static final String USAGE = """
            usage: bench/run [--no-record] [--warmup SECONDS] [--step SECONDS] [--rates R,R..] [--lag-rates R,R..]
                             suite | write | read | lag ...
              suite     every scenario, in the order write, read, lag
              write     registrations, member additions, annual records: direct and through the gateway
              read      a village's page, a search by ID number, each report: direct and through the gateway
              lag       a registration until reporting's overview counts it, under 20, 100 and 200 writes/s
              the stack's start-up time and memory (idle, and under each scenario) are measured on every run
              --rates      the registrations per second the write scenario offers, a step each (50,100,200,400)
              --lag-rates  the writes per second the lag is measured under (20,100,200)
              --no-record  print the figures only; by default they are also appended to docs/benchmarks.md""";

    private Bench() {
    }

    public static void main(String[] args) throws IOException {
        Set<String> scenarios = new LinkedHashSet<>();
        boolean record = true;
        int warmup = 60;
        int step = 30;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "suite" -> scenarios.addAll(SCENARIOS);
                case "--no-record" -> record = false;
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--step" -> step = Integer.parseInt(args[++i]);
                case "--rates" -> System.setProperty("bench.rates", args[++i]);
                case "--lag-rates" -> System.setProperty("bench.lagRates", args[++i]);
                default -> {
                    if (!SCENARIOS.contains(args[i])) {
                        System.err.println(USAGE);
                        System.exit(2);
                    }
                    scenarios.add(args[i]);
                }
            }
        }
        if (scenarios.isEmpty()) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path repo = Path.of(System.getProperty("bench.repo", "")).toAbsolutePath();
        Report report = new Report("bench/run " + String.join(" ", args), Commit.of(repo), String.format(Locale.ROOT,
                "A fresh stack with production JVM settings (`--production-jvm`) and the gateway's rate limit raised;"
                        + " load from Gatling in its own JVM on the same machine; warm-up %d s, steps of %d s.",
                warmup, step));
        try (BenchStack stack = BenchStack.start(repo)) {
            System.setProperty("bench.issuer", stack.issuer());
            System.setProperty("bench.gateway", stack.gateway());
            System.setProperty("bench.household", stack.household());
            System.setProperty("bench.reporting", stack.reporting());
            System.setProperty("bench.warmup", String.valueOf(warmup));
            System.setProperty("bench.step", String.valueOf(step));
            Thread.sleep(20_000); // the demo county's events reach every consumer; the JVMs settle
            Map<String, Footprint.Memory> idle = stack.footprint();
            Map<String, Map<String, Footprint.Memory>> peaks = new LinkedHashMap<>();
            Path results = repo.resolve("bench/target/gatling");
            long seed = 1;
            for (String scenario : scenarios) {
                System.setProperty("bench.seed", String.valueOf(seed++));
                try (PeakSampler sampler = new PeakSampler(stack)) {
                    switch (scenario) {
                        case "write" -> Scenarios.write(report, GatlingRun.run(WritePathSimulation.class, results));
                        case "read" -> Scenarios.read(report, GatlingRun.run(ReadPathSimulation.class, results));
                        case "lag" -> Scenarios.lag(report, GatlingRun.run(EventLagSimulation.class, results));
                        default -> throw new IllegalStateException(scenario);
                    }
                    peaks.put(scenario, sampler.peak());
                }
            }
            Scenarios.footprint(report, stack.startupTime(), idle, peaks);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return;
        }
        System.out.println(report.markdown());
        if (record) {
            report.appendTo(repo.resolve("docs/benchmarks.md"));
            System.out.println("[bench] appended to docs/benchmarks.md");
        }
    }

    /** The stack's memory every two seconds while a scenario runs, part by part, keeping the largest. */
    private static final class PeakSampler implements AutoCloseable {

        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private Map<String, Footprint.Memory> peak = new LinkedHashMap<>();

        PeakSampler(BenchStack stack) {
            timer.scheduleAtFixedRate(() -> sample(stack.footprint()), 0, 2, TimeUnit.SECONDS);
        }

        private synchronized void sample(Map<String, Footprint.Memory> now) {
            peak = Footprint.peak(peak, now);
        }

        synchronized Map<String, Footprint.Memory> peak() {
            return peak;
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
