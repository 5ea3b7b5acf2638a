package cn.fupin.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One Spring Boot application of the system (a service or the gateway) and how the stack runs it: its port
 * and the environment that points it at the local PostgreSQL, Kafka and Keycloak. The applications read these
 * variables in their {@code application.yml}; nothing else about the local stack is baked into them.
 */
record ServiceSpec(String name, int port, int productionHeapMb, Map<String, String> environment) {

    static final String GATEWAY = "gateway";

    /** Small heaps and C1 only: five JVMs share two cores with the infrastructure, and start-up time dominates. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");
    /**
     * As production runs them: the full JIT; a heap sized to what the application holds (G1 otherwise grows it to
     * its limit under load whatever the live data: 1.4 GiB for household-service, 1 GiB for the gateway); an idle
     * JVM returns what it no longer uses after a minute; headers of 8 bytes, not 12, from JDK 25 on.
     */
    private static final List<String> PRODUCTION_JVM_OPTIONS = Runtime.version().feature() >= 25
            ? List.of("-XX:G1PeriodicGCInterval=60000", "-XX:+UseCompactObjectHeaders")
            : List.of("-XX:G1PeriodicGCInterval=60000");

    static List<ServiceSpec> services(Ports ports) {
        return List.of(
                // the national registry's import holds a batch of a county's rows and their checks at once
                service("household-service", ports.household(), 768, ports),
                service("monitoring-service", ports.monitoring(), 512, ports),
                service("review-service", ports.review(), 512, ports),
                service("reporting-service", ports.reporting(), 512, ports));
    }

    static ServiceSpec gateway(Ports ports) {
        // it holds no data: a request's buffers and the callers' buckets and verified tokens
        return new ServiceSpec(GATEWAY, ports.gateway(), 256, Map.copyOf(common(ports.gateway(), ports)));
    }

    static List<ServiceSpec> all(Ports ports) {
        return Stream.concat(services(ports).stream(), Stream.of(gateway(ports))).toList();
    }

    List<String> command(Path jar, Path tmp, boolean productionJvm) {
        List<String> jvm = productionJvm
                ? Stream.concat(Stream.of("-Xmx" + productionHeapMb + "m"), PRODUCTION_JVM_OPTIONS.stream()).toList()
                : JVM_OPTIONS;
        return Stream.of(List.of(ChildProcess.java()), jvm, List.of("-Djava.io.tmpdir=" + tmp, "-jar", jar.toString()))
                .flatMap(List::stream)
                .toList();
    }

    URI readiness() {
        return URI.create(local(port) + "/actuator/health/readiness");
    }

    static String jdbcUrl(Ports ports) {
        return "jdbc:postgresql://localhost:" + ports.postgres() + "/" + PostgresServer.DATABASE;
    }

    static String issuerUri(Ports ports) {
        return local(ports.keycloak()) + "/realms/" + KeycloakServer.REALM;
    }

    static String kafkaBootstrap(Ports ports) {
        return "127.0.0.1:" + ports.kafka();
    }

    static String local(int port) {
        return "http://localhost:" + port;
    }

    private static ServiceSpec service(String name, int port, int productionHeapMb, Ports ports) {
        Map<String, String> environment = common(port, ports);
        PostgresServer.applicationRole(name).ifPresent(role -> {
            environment.put("FUPIN_DB_USER", role);
            environment.put("FUPIN_DB_PASSWORD", role);
        });
        return new ServiceSpec(name, port, productionHeapMb, Map.copyOf(environment));
    }

    private static Map<String, String> common(int port, Ports ports) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", String.valueOf(port));
        environment.put("FUPIN_DB_URL", jdbcUrl(ports) + "?reWriteBatchedInserts=true");
        // migrations run as the owner; a service with row-level security connects as its application role
        environment.put("FUPIN_DB_OWNER", PostgresServer.USER);
        environment.put("FUPIN_DB_OWNER_PASSWORD", PostgresServer.PASSWORD);
        environment.put("FUPIN_KAFKA", kafkaBootstrap(ports));
        environment.put("FUPIN_ISSUER_URI", issuerUri(ports));
        // where the services are: the gateway routes to them, reporting asks them for their counts (对账)
        environment.put("FUPIN_HOUSEHOLD_URL", local(ports.household()));
        environment.put("FUPIN_MONITORING_URL", local(ports.monitoring()));
        environment.put("FUPIN_REVIEW_URL", local(ports.review()));
        environment.put("FUPIN_REPORTING_URL", local(ports.reporting()));
        return environment;
    }
}
