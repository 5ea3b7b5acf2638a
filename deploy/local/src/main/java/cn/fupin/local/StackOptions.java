package cn.fupin.local;

import java.nio.file.Path;

/**
 * What {@link LocalStack#start(StackOptions)} starts and where it keeps its state.
 *
 * @param repoRoot  the checkout: the service jars are read from {@code <name>/target/}, the broker's class path
 *                  and the Keycloak archive from {@code deploy/local/target/lib/}
 * @param dataDir   PostgreSQL, Kafka and Keycloak data, logs and the pid file; kept between runs
 * @param demoData  whether to register demo households when the registry is empty
 * @param portBase  0 for the documented ports (gateway 8080 …), otherwise see {@link Ports#fromBase(int)}
 * @param infraOnly start only PostgreSQL, Kafka and Keycloak (for checking the launcher without service jars)
 * @param productionJvm run the services with production's JVM settings (full JIT, a larger heap) instead of the
 *                  fast-start ones: for benchmarks
 * @param durable   PostgreSQL flushes every commit to disk before it is acknowledged ({@code synchronous_commit=on},
 *                  {@code fsync=on}), as production runs it; otherwise the demo's faster setting, which may lose
 *                  the last commits of a crashed server (never a half of one): for the fault tests
 */
public record StackOptions(Path repoRoot, Path dataDir, boolean demoData, int portBase, boolean infraOnly,
        boolean productionJvm, boolean durable) {

    public StackOptions {
        repoRoot = repoRoot.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** Everything on the documented ports, with demo data. */
    public static StackOptions of(Path repoRoot, Path dataDir) {
        return new StackOptions(repoRoot, dataDir, true, 0, false, false, false);
    }

    public StackOptions withDemoData(boolean demoData) {
        return new StackOptions(repoRoot, dataDir, demoData, portBase, infraOnly, productionJvm, durable);
    }

    public StackOptions withPortBase(int portBase) {
        return new StackOptions(repoRoot, dataDir, demoData, portBase, infraOnly, productionJvm, durable);
    }

    public StackOptions withInfraOnly(boolean infraOnly) {
        return new StackOptions(repoRoot, dataDir, demoData, portBase, infraOnly, productionJvm, durable);
    }

    public StackOptions withProductionJvm(boolean productionJvm) {
        return new StackOptions(repoRoot, dataDir, demoData, portBase, infraOnly, productionJvm, durable);
    }

    public StackOptions withDurable(boolean durable) {
        return new StackOptions(repoRoot, dataDir, demoData, portBase, infraOnly, productionJvm, durable);
    }

    Ports ports() {
        return portBase == 0 ? Ports.defaults() : Ports.fromBase(portBase);
    }
}
