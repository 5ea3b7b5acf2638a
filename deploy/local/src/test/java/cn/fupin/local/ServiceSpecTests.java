package cn.fupin.local;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceSpecTests {

    @Test
    void everyApplicationFindsTheLocalInfrastructureInItsEnvironment() {
        assertThat(ServiceSpec.all(Ports.defaults())).extracting(ServiceSpec::name, ServiceSpec::port).containsExactly(
                org.assertj.core.groups.Tuple.tuple("household-service", 8081),
                org.assertj.core.groups.Tuple.tuple("monitoring-service", 8082),
                org.assertj.core.groups.Tuple.tuple("review-service", 8083),
                org.assertj.core.groups.Tuple.tuple("reporting-service", 8084),
                org.assertj.core.groups.Tuple.tuple("gateway", 8080));
        for (ServiceSpec spec : ServiceSpec.all(Ports.defaults())) {
            assertThat(spec.environment())
                    .containsEntry("SERVER_PORT", String.valueOf(spec.port()))
                    .containsEntry("FUPIN_DB_URL", "jdbc:postgresql://localhost:15432/fupin?reWriteBatchedInserts=true")
                    .containsEntry("FUPIN_DB_OWNER", "fupin")
                    .containsEntry("FUPIN_DB_OWNER_PASSWORD", "fupin")
                    .containsEntry("FUPIN_KAFKA", "127.0.0.1:19092")
                    .containsEntry("FUPIN_ISSUER_URI", "http://localhost:8180/realms/fupin");
        }
    }

    @Test
    void everyServiceConnectsAsAnApplicationRoleOfItsOwn() {
        assertThat(ServiceSpec.services(Ports.defaults())).extracting(ServiceSpec::name,
                spec -> spec.environment().get("FUPIN_DB_USER")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("household-service", "household_app"),
                org.assertj.core.groups.Tuple.tuple("monitoring-service", "monitoring_app"),
                org.assertj.core.groups.Tuple.tuple("review-service", "review_app"),
                org.assertj.core.groups.Tuple.tuple("reporting-service", "reporting_app"));
    }

    @Test
    void theGatewayRoutesToTheFourServices() {
        assertThat(ServiceSpec.gateway(Ports.fromBase(20000)).environment())
                .containsEntry("FUPIN_HOUSEHOLD_URL", "http://localhost:20081")
                .containsEntry("FUPIN_MONITORING_URL", "http://localhost:20082")
                .containsEntry("FUPIN_REVIEW_URL", "http://localhost:20083")
                .containsEntry("FUPIN_REPORTING_URL", "http://localhost:20084")
                .containsEntry("FUPIN_ISSUER_URI", "http://localhost:20180/realms/fupin");
    }

    @Test
    void runsTheBootJarWithASmallHeapAndTheStacksTmpDir() {
        ServiceSpec review = ServiceSpec.services(Ports.defaults()).get(2);

        assertThat(review.command(Path.of("/repo/review-service/target/review-service.jar"), Path.of("/data/tmp"),
                false)).endsWith("-Xmx384m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=/data/tmp", "-jar",
                        "/repo/review-service/target/review-service.jar");
        assertThat(review.command(Path.of("/repo/review-service/target/review-service.jar"), Path.of("/data/tmp"),
                true)).doesNotContain("-XX:TieredStopAtLevel=1").contains("-Xmx512m", "-XX:G1PeriodicGCInterval=60000");
        assertThat(ServiceSpec.gateway(Ports.defaults()).command(Path.of("gateway.jar"), Path.of("/data/tmp"), true))
                .contains("-Xmx256m");
        assertThat(review.readiness()).hasToString("http://localhost:8083/actuator/health/readiness");
    }
}
