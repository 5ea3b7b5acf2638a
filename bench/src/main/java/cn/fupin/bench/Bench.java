package cn.fupin.bench;

import java.io.IOException;
import java.nio.file.Files;
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
import java.util.stream.Collectors;

import cn.fupin.bench.growth.CountyImports;
import cn.fupin.bench.growth.ReportPlans;
import cn.fupin.bench.load.EventLagSimulation;
import cn.fupin.bench.load.ProvinceReadSimulation;
import cn.fupin.bench.load.Reads;
import cn.fupin.bench.load.ReadPathSimulation;
import cn.fupin.bench.load.WritePathSimulation;
import cn.fupin.bench.report.GatlingRun;
import cn.fupin.bench.report.Report;
import cn.fupin.bench.report.StepStats;
import cn.fupin.bench.stack.BenchStack;
import cn.fupin.bench.stack.Footprint;
import cn.fupin.bench.stack.StackClient;
import cn.fupin.bench.stack.Tokens;

/**
 * The benchmark suite's command ({@code bench/run}): starts a fresh stack, runs the scenarios asked for, measures
 * the stack's memory idle and under each, and reports every figure with the goals beside it.
 */
public final class Bench {

    private static final List<String> SCENARIOS = List.of("write", "read", "lag", "growth", "province");
    private static final String USAGE = """
            usage: bench/run [--no-record] [--warmup SECONDS] [--step SECONDS] [--rates R,R..] [--lag-rates R,R..]
                             [--province HOUSEHOLDS] suite | write | read | lag | growth | province ...
              suite     every scenario, in the order write, read, lag, growth, province
              write     registrations, member additions, annual records: direct and through the gateway
              read      a village's page, a search by ID number, each report: direct and through the gateway
              lag       a registration until reporting's overview counts it, under 20, 100 and 200 writes/s
              growth    national-registry exports imported through the gateway: 10^4, then 10^5 at a time up to
                        --province households (10^6)
              province  after growth, each read by one client at the province's size, and every report's plans
              the stack's start-up time and memory (idle, and under each scenario) are measured on every run
              --rates      the registrations per second the write scenario offers, a step each (50,100,200,400)
              --lag-rates  the writes per second the lag is measured under (20,100,200)
              --no-record  print the figures only; by default they are also appended to docs/benchmarks.md (and the
                           reads' plans written to docs/report-plans.md)""";

    private Bench() {
    }

    public static void main(String[] args) throws IOException {
        Set<String> scenarios = new LinkedHashSet<>();
        boolean record = true;
        int warmup = 60;
        int step = 30;
        long province = 1_000_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "suite" -> scenarios.addAll(SCENARIOS);
                case "--no-record" -> record = false;
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--step" -> step = Integer.parseInt(args[++i]);
                case "--rates" -> System.setProperty("bench.rates", args[++i]);
                case "--lag-rates" -> System.setProperty("bench.lagRates", args[++i]);
                case "--province" -> province = Long.parseLong(args[++i]);
                default -> {
                    if (!SCENARIOS.contains(args[i])) {
                        System.err.println(USAGE);
                        System.exit(2);
                    }
                    scenarios.add(args[i]);
                }
            }
        }
        if (scenarios.contains("province")) {
            scenarios.add("growth"); // the province is what growth leaves
        }
        scenarios = SCENARIOS.stream().filter(scenarios::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (scenarios.isEmpty()) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path repo = Path.of(System.getProperty("bench.repo", "")).toAbsolutePath();
        Map<String, List<ReportPlans.Plan>> plans = Map.of();
        String failure = null;
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
            StackClient city = new StackClient(stack.gateway(), new Tokens(stack.issuer(), "city.officer"));
            CountyImports imports = new CountyImports(city, repo.resolve("bench/target/exports"));
            long seed = 1;
            for (String scenario : scenarios) {
                System.setProperty("bench.seed", String.valueOf(seed++));
                try (PeakSampler sampler = new PeakSampler(stack)) {
                    switch (scenario) {
                        case "write" -> Scenarios.write(report, GatlingRun.run(WritePathSimulation.class, results));
                        case "read" -> Scenarios.read(report, GatlingRun.run(ReadPathSimulation.class, results));
                        case "lag" -> Scenarios.lag(report, GatlingRun.run(EventLagSimulation.class, results));
                        case "growth" -> {
                            try {
                                imports.growTo(province, done -> System.out.printf(Locale.ROOT,
                                        "[bench] imported %,d onto %,d: job %s, counted %s, balanced %s%n",
                                        done.households(), done.before(), done.job(), done.counted(),
                                        done.balanced()));
                            }
                            finally {
                                Scenarios.growth(report, imports.done());
                            }
                        }
                        case "province" -> {
                            Map<String, StepStats> reads = GatlingRun.run(ProvinceReadSimulation.class, results);
                            // every read's statements, the village page's and the ID search's as well as each
                            // report's: a p99 above what its statements take is the rest of the path
                            Map<String, Runnable> asked = new LinkedHashMap<>();
                            asked.put("village page", () -> city.get("/api/v1/households?areaCode=" + Reads.VILLAGE
                                    + "&size=20"));
                            String idNumber = city.idNumbersOf(Reads.VILLAGE, 1).getFirst();
                            asked.put("ID search", () -> city.get("/api/v1/persons?idNumber=" + idNumber));
                            Reads.REPORTS.forEach((name, path) -> asked.put(name,
                                    () -> city.get("/api/v1/reports/" + path)));
                            plans = ReportPlans.capture(stack.jdbcUrl(), stack.postgresLog(), asked);
                            Scenarios.province(report, reads, step,
                                    city.get("/api/v1/reports/overview").get("households").asLong(), plans);
                        }
                        default -> throw new IllegalStateException(scenario);
                    }
                    peaks.put(scenario, sampler.peak());
                }
                catch (RuntimeException ex) {
                    // what was measured before stays in the report, with why the run stopped
                    failure = scenario + " stopped: " + ex.getMessage();
                    report.line("\n**" + failure + "** (the scenarios after it were not run)");
                    ex.printStackTrace();
                    break;
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
            if (!plans.isEmpty()) {
                Files.writeString(repo.resolve("docs/report-plans.md"), Scenarios.plans(report, plans));
                System.out.println("[bench] the reads' plans written to docs/report-plans.md");
            }
        }
        if (failure != null) {
            System.err.println("[bench] " + failure);
            System.exit(1);
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
