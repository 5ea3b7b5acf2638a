package cn.fupin.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import tools.jackson.databind.JsonNode;

/**
 * Nothing talks to anything the network policies do not allow: only the gateway and Keycloak's pages take
 * connections from anywhere; each service reaches its own database and no other.
 */
class NetworkPolicyTests {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everythingIsDeniedUnlessAllowed(String overlay) {
        JsonNode deny = ManifestTests.rendered(overlay).one("NetworkPolicy", "default-deny");

        assertThat(deny.at("/spec/podSelector").isEmpty()).isTrue();
        assertThat(deny.at("/spec/policyTypes").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(
                "Ingress", "Egress");
        assertThat(deny.at("/spec/ingress").isMissingNode() && deny.at("/spec/egress").isMissingNode()).isTrue();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyTheGatewayAndKeycloakAreReachableFromOutside(String overlay) {
        Rendered rendered = ManifestTests.rendered(overlay);
        Set<String> open = new TreeSet<>();
        rendered.all("NetworkPolicy").forEach(policy -> {
            boolean fromAnywhere = policy.at("/spec/ingress").valueStream()
                    .anyMatch(rule -> rule.path("from").isMissingNode());
            if (fromAnywhere) {
                open.add(policy.at("/spec/podSelector/matchLabels").toString());
            }
        });

        assertThat(open).containsExactlyInAnyOrder("{\"app.kubernetes.io/name\":\"gateway\"}", "{\"app\":\"keycloak\"}");
        assertThat(rendered.one("Ingress", "fupin").at("/spec/rules").valueStream()
                .map(rule -> rule.at("/http/paths/0/backend/service/name").asString()))
                .containsExactlyInAnyOrder("gateway", "keycloak-service");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceReachesItsOwnDatabaseOnly(String overlay) {
        Rendered rendered = ManifestTests.rendered(overlay);
        for (String service : AppConfiguration.SERVICES) {
            Map<String, String> labels = labels(rendered.one("Deployment", service).at("/spec/template/metadata/labels"));
            Set<String> databases = new TreeSet<>();
            rendered.all("NetworkPolicy").filter(policy -> selects(policy.at("/spec/podSelector"), labels))
                    .forEach(policy -> policy.at("/spec/egress").forEach(rule -> rule.path("to").forEach(peer -> {
                        String cluster = peer.at("/podSelector/matchLabels/cnpg.io~1cluster").asString("");
                        if (!cluster.isEmpty()) {
                            databases.add(cluster);
                        }
                        assertThat(peer.has("ipBlock")).as(service + " reaches addresses outside the cluster")
                                .isFalse();
                    })));

            assertThat(databases).as(service).containsExactly(labels.get("fupin.cn/database"));
        }
    }

    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> map = new TreeMap<>();
        labels.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asString()));
        return map;
    }

    /** Whether a policy's pod selector picks pods with these labels (matchLabels and Exists expressions). */
    private static boolean selects(JsonNode selector, Map<String, String> labels) {
        for (var entry : selector.path("matchLabels").properties()) {
            if (!entry.getValue().asString().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asString();
            boolean matches = switch (expression.path("operator").asString()) {
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                case "In" -> expression.path("values").valueStream().anyMatch(v -> v.asString().equals(labels.get(key)));
                default -> throw new IllegalArgumentException("operator " + expression.path("operator"));
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }
}
