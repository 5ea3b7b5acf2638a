package cn.fupin.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import tools.jackson.databind.JsonNode;

/**
 * Each overlay, rendered as an operator renders it, held to the applications it deploys: every application is there
 * with its image, port, probes, limits and hardening; it is given exactly the variables its configuration reads
 * (every one with a demo default set, nothing it would ignore); every reference (ConfigMap key, Secret, service
 * address, database, broker, realm) names something that exists.
 */
class ManifestTests {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    /** Read with a default a production deployment keeps: the tuning knobs. Every other variable must be set. */
    private static final Set<String> TUNING = Set.of("FUPIN_DB_SOCKET_TIMEOUT", "FUPIN_MAX_UPLOAD_SIZE",
            "FUPIN_MAX_REQUEST_SIZE", "FUPIN_RATE_LIMIT_PER_SECOND", "FUPIN_RATE_LIMIT_CAPACITY");

    private static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();

    static Rendered rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Rendered::overlay);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyApplicationRunsItsImageHardenedWithProbesLimitsAndSpares(String overlay) {
        Rendered rendered = rendered(overlay);
        for (String app : AppConfiguration.APPS) {
            JsonNode deployment = rendered.one("Deployment", app);
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode container = Rendered.container(deployment);

            assertThat(container.path("image").asString()).as(app).startsWith("fupin/" + app + ":");
            assertThat(container.at("/ports/0/name").asString()).isEqualTo("http");
            // the image's port (SERVER_PORT and EXPOSE 8080, the root pom's Jib configuration)
            assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
            assertThat(AppConfiguration.setting(app, "management.endpoint.health.probes.enabled").asBoolean())
                    .as(app + " serves /actuator/health/liveness and readiness").isTrue();
            for (String probe : List.of("startupProbe", "livenessProbe")) {
                assertThat(container.at("/" + probe + "/httpGet/path").asString()).as(app + " " + probe)
                        .isEqualTo("/actuator/health/liveness");
                assertThat(container.at("/" + probe + "/httpGet/port").asString()).isEqualTo("http");
            }
            assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
            if (!app.equals("gateway")) {
                assertThat(AppConfiguration.setting(app, "management.endpoint.health.group.readiness.include")
                        .asString()).as(app + "'s readiness asks its database").contains("database");
            }
            assertThat(container.at("/resources/requests/cpu").isMissingNode()).as(app).isFalse();
            assertThat(container.at("/resources/requests/memory").asString())
                    .isEqualTo(container.at("/resources/limits/memory").asString());
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(app).isTrue();
            assertThat(pod.at("/securityContext/runAsUser").asInt()).as(app + ": the image's user").isEqualTo(10001);
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).as(app).isTrue();
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).as(app).isFalse();
            assertThat(mountPaths(container)).as(app + ": java.io.tmpdir writable").contains("/tmp");
            assertThat(pod.path("topologySpreadConstraints").size()).as(app).isGreaterThan(0);
            // Boot's graceful shutdown (30 s per phase) and the preStop pause fit in the grace period
            assertThat(pod.path("terminationGracePeriodSeconds").asInt()).as(app).isGreaterThanOrEqualTo(35);
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(app).isFalse();

            assertThat(rendered.one("PodDisruptionBudget", app).at("/spec/selector/matchLabels"))
                    .isEqualTo(deployment.at("/spec/selector/matchLabels"));
            JsonNode autoscaler = rendered.one("HorizontalPodAutoscaler", app);
            assertThat(autoscaler.at("/spec/scaleTargetRef/name").asString()).isEqualTo(app);
            assertThat(autoscaler.at("/spec/minReplicas").asInt()).as(app + ": a spare for disruptions")
                    .isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(autoscaler.at("/spec/maxReplicas").asInt());
            JsonNode service = rendered.one("Service", app);
            assertThat(service.at("/spec/selector")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachApplicationIsGivenWhatItsConfigurationReadsAndNothingElse(String overlay) {
        Rendered rendered = rendered(overlay);
        for (String app : AppConfiguration.APPS) {
            Set<String> given = new TreeSet<>();
            Rendered.container(rendered.one("Deployment", app)).path("env")
                    .forEach(variable -> given.add(variable.path("name").asString()));
            Set<String> read = AppConfiguration.variables(app);

            assertThat(given).as(app + ": every variable it is given is one it reads").isSubsetOf(read);
            Set<String> required = new TreeSet<>(read);
            required.removeAll(TUNING);
            assertThat(given).as(app + ": every variable it reads with a demo default is set").containsAll(required);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyReferenceNamesSomethingThatExists(String overlay) {
        Rendered rendered = rendered(overlay);
        Map<String, Set<String>> secrets = Secrets.available(rendered);
        for (String app : AppConfiguration.APPS) {
            JsonNode deployment = rendered.one("Deployment", app);
            JsonNode container = Rendered.container(deployment);
            for (JsonNode variable : container.path("env")) {
                JsonNode configKey = variable.at("/valueFrom/configMapKeyRef");
                if (!configKey.isMissingNode()) {
                    rendered.configValue(configKey.path("name").asString(), configKey.path("key").asString());
                }
                JsonNode secretKey = variable.at("/valueFrom/secretKeyRef");
                if (!secretKey.isMissingNode()) {
                    assertThat(secrets.getOrDefault(secretKey.path("name").asString(), Set.of()))
                            .as(app + " " + variable.path("name").asString() + ": Secret "
                                    + secretKey.path("name").asString() + " (made by an operator, or in SECRETS.md)")
                            .contains(secretKey.path("key").asString());
                }
            }
            for (JsonNode volume : deployment.at("/spec/template/spec/volumes")) {
                JsonNode secret = volume.path("secret");
                if (!secret.isMissingNode()) {
                    Set<String> keys = secrets.getOrDefault(secret.path("secretName").asString(), Set.of());
                    assertThat(keys).as(app + " volume " + volume.path("name").asString()).isNotEmpty();
                    secret.path("items").forEach(item -> assertThat(keys).contains(item.path("key").asString()));
                }
            }
            String database = value(rendered, container, "FUPIN_DB_URL");
            if (database != null) {
                URI url = URI.create(database.substring("jdbc:".length()));
                String cluster = url.getHost().replaceFirst("-rw$", "");
                JsonNode postgres = rendered.one("Cluster", cluster);
                assertThat(url.getPath()).isEqualTo("/" + postgres.at("/spec/bootstrap/initdb/database").asString());
                assertThat(deployment.at("/spec/template/metadata/labels/fupin.cn~1database").asString())
                        .as(app + ": the label its database's network policy admits").isEqualTo(cluster);
                String schema = AppConfiguration.setting(app, "spring.flyway.schemas").asString();
                assertThat(postgres.at("/spec/managed/roles/0/name").asString())
                        .as(app + ": its application role").isEqualTo(schema + "_app");
                String replicas = value(rendered, container, "FUPIN_REPORTING_REPLICA_URL");
                if (replicas != null && !replicas.isBlank()) {
                    URI replica = URI.create(replicas.substring("jdbc:".length()));
                    assertThat(replica.getHost()).as(app + ": its own database's replicas").isEqualTo(cluster + "-ro");
                    assertThat(replica.getPath()).isEqualTo(url.getPath());
                    assertThat(postgres.at("/spec/instances").asInt()).as(app + ": a replica to read").isGreaterThan(1);
                }
            }
        }
        for (String address : List.of("FUPIN_HOUSEHOLD_URL", "FUPIN_MONITORING_URL", "FUPIN_REVIEW_URL",
                "FUPIN_REPORTING_URL")) {
            URI url = URI.create(rendered.configValue("fupin-config", address));
            JsonNode service = rendered.one("Service", url.getHost());
            assertThat(service.at("/spec/ports/0/port").asInt()).as(address).isEqualTo(url.getPort());
        }
        URI kafka = URI.create("kafka://" + rendered.configValue("fupin-config", "FUPIN_KAFKA"));
        JsonNode broker = rendered.one("Kafka", kafka.getHost().replaceFirst("-kafka-bootstrap$", ""));
        JsonNode listener = broker.at("/spec/kafka/listeners/0");
        assertThat(listener.path("port").asInt()).isEqualTo(kafka.getPort());
        assertThat(listener.path("tls").asBoolean()).isTrue();
        assertThat(listener.at("/authentication/type").asString()).isEqualTo("scram-sha-512");
        assertThat(rendered.configValue("fupin-config", "FUPIN_KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");

        JsonNode keycloak = rendered.all("Keycloak").findFirst().orElseThrow();
        URI internal = URI.create(rendered.configValue("fupin-config", "FUPIN_ISSUER_INTERNAL_URI"));
        assertThat(internal.getHost()).isEqualTo(Rendered.name(keycloak) + "-service");
        URI issuer = URI.create(rendered.configValue("fupin-config", "FUPIN_ISSUER_URI"));
        assertThat(URI.create(keycloak.at("/spec/hostname/hostname").asString()).getHost())
                .isEqualTo(issuer.getHost());
        List<String> routed = new ArrayList<>();
        rendered.one("Ingress", "fupin").at("/spec/rules").forEach(rule -> routed.add(rule.path("host").asString()
                + " -> " + rule.at("/http/paths/0/backend/service/name").asString()));
        assertThat(routed).contains(issuer.getHost() + " -> " + internal.getHost());
        String api = routed.stream().filter(route -> route.endsWith("-> gateway")).findFirst().orElseThrow()
                .replace(" -> gateway", "");
        JsonNode web = rendered.one("KeycloakRealmImport", "fupin").at("/spec/realm/clients").valueStream()
                .filter(client -> client.path("clientId").asString().equals("fupin-web")).findFirst().orElseThrow();
        assertThat(web.path("redirectUris").valueStream().map(JsonNode::asString))
                .as("the browser client signs in from the API's host").contains("https://" + api + "/*");
    }

    private static Set<String> mountPaths(JsonNode container) {
        Set<String> paths = new TreeSet<>();
        container.path("volumeMounts").forEach(mount -> paths.add(mount.path("mountPath").asString()));
        return paths;
    }

    /** The value a container's variable has, set inline or from the ConfigMap; null if it is not set so. */
    private static String value(Rendered rendered, JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asString().equals(name)) {
                if (variable.has("value")) {
                    return variable.path("value").asString();
                }
                JsonNode key = variable.at("/valueFrom/configMapKeyRef");
                return key.isMissingNode() ? null
                        : rendered.configValue(key.path("name").asString(), key.path("key").asString());
            }
        }
        return null;
    }
}
