package cn.fupin.bench.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import cn.fupin.local.LocalStack;
import cn.fupin.local.RunningStack;
import cn.fupin.local.StackOptions;

/**
 * The stack a benchmark measures: started fresh by the local stack's own launcher — empty registry and broker,
 * the demo county loaded, production JVM settings — on ports moved to {@value #PORT_BASE}+ so it never meets a
 * developer's stack or the end-to-end tests'. Keycloak's unpacked distribution is kept between runs (its first
 * build takes a minute); PostgreSQL's and Kafka's data are not.
 */
public final class BenchStack implements AutoCloseable {

    public static final int PORT_BASE = 30000;

    private final RunningStack running;

    private BenchStack(RunningStack running) {
        this.running = running;
    }

    /** Starts the stack of this checkout ({@code repo}), its data under {@code bench/target/stack}. */
    public static BenchStack start(Path repo) {
        StackOptions options = StackOptions.of(repo, repo.resolve("bench/target/stack")).withPortBase(PORT_BASE)
                .withProductionJvm(true).withDemoData(true);
        return new BenchStack(LocalStack.startFresh(options));
    }

    public String issuer() {
        return running.issuerUri();
    }

    public String gateway() {
        return running.gatewayUrl();
    }

    public String household() {
        return running.serviceUrl("household-service");
    }

    public String reporting() {
        return running.serviceUrl("reporting-service");
    }

    /** The registry's database (owner {@code fupin}; PostgreSQL's own superuser {@code postgres} is trusted locally). */
    public String jdbcUrl() {
        return running.jdbcUrl();
    }

    /** PostgreSQL's log, where {@code auto_explain} writes the plans it is asked for. */
    public Path postgresLog() {
        return running.log("postgres");
    }

    /** From the launcher's first step to the demo county loaded. */
    public Duration startupTime() {
        return running.startupTime();
    }

    public Map<String, Footprint.Memory> footprint() {
        return Footprint.of(running.processes());
    }

    @Override
    public void close() {
        running.close();
    }
}
