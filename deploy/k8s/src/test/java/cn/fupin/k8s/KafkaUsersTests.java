package cn.fupin.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import cn.fupin.local.KafkaAccess;
import tools.jackson.databind.JsonNode;

/**
 * The cluster's KafkaUsers grant what the local broker grants (where the Kafka ACL test runs, KafkaSecurityE2ETests):
 * each service writes its own topic only, the audit user reads and never writes; no one else is a super user than the
 * operator; every event topic is kept three times, a write acknowledged by two.
 */
class KafkaUsersTests {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theKafkaUsersGrantWhatTheLocalBrokerGrants(String overlay) {
        Rendered rendered = ManifestTests.rendered(overlay);
        Set<String> granted = new TreeSet<>();
        rendered.all("KafkaUser").forEach(user -> user.at("/spec/authorization/acls").forEach(acl -> {
            for (JsonNode operation : acl.path("operations")) {
                granted.add(grant(Rendered.name(user), acl.at("/resource/type").asString(),
                        acl.at("/resource/name").asString(), acl.at("/resource/patternType").asString(),
                        operation.asString()));
            }
        }));
        Set<String> local = new TreeSet<>();
        for (AclBinding acl : KafkaAccess.acls()) {
            local.add(grant(acl.entry().principal().replace("User:", ""), acl.pattern().resourceType().name(),
                    acl.pattern().name(), acl.pattern().patternType() == PatternType.PREFIXED ? "prefix" : "literal",
                    acl.entry().operation().name()));
        }

        assertThat(granted).isEqualTo(local);
        assertThat(rendered.all("KafkaUser").map(Rendered::name)).containsAll(KafkaAccess.users());
        assertThat(rendered.one("Kafka", "fupin-kafka").at("/spec/kafka/authorization/superUsers").valueStream()
                .map(JsonNode::asString)).containsExactly("fupin-admin");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServicesTopicIsKeptThreeTimesAndForEver(String overlay) {
        Rendered rendered = ManifestTests.rendered(overlay);
        for (KafkaAccess.Service service : KafkaAccess.SERVICES) {
            for (String topic : service.writes()) {
                JsonNode resource = rendered.all("KafkaTopic")
                        .filter(candidate -> candidate.at("/spec/topicName").asString().equals(topic)).findFirst()
                        .orElseThrow(() -> new AssertionError(overlay + " has no KafkaTopic " + topic));
                assertThat(resource.at("/spec/replicas").asInt()).as(topic).isEqualTo(3);
                assertThat(resource.at("/spec/config/min.insync.replicas").asInt()).as(topic).isEqualTo(2);
                assertThat(resource.at("/spec/config/retention.ms").asLong()).as(topic).isEqualTo(-1);
            }
            if (service.topic() != null) {
                assertThat(AppConfiguration.setting(service.name(), "fupin.events.topic").asString())
                        .as(service.name() + "'s topic").isEqualTo(service.topic());
            }
        }
        JsonNode config = rendered.one("Kafka", "fupin-kafka").at("/spec/kafka/config");
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        int brokers = rendered.all("KafkaNodePool").filter(pool -> pool.at("/spec/roles").valueStream()
                .anyMatch(role -> role.asString().equals("broker"))).mapToInt(pool -> pool.at("/spec/replicas").asInt())
                .sum();
        assertThat(brokers).as("brokers for three copies").isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noConsumerIsScaledBeyondThePartitionsItReads(String overlay) {
        Rendered rendered = ManifestTests.rendered(overlay);
        for (KafkaAccess.Service service : KafkaAccess.SERVICES) {
            int fewest = service.reads().stream().mapToInt(topic -> rendered.all("KafkaTopic")
                    .filter(candidate -> candidate.at("/spec/topicName").asString().equals(topic))
                    .mapToInt(candidate -> candidate.at("/spec/partitions").asInt()).findFirst().orElseThrow())
                    .min().orElseThrow();
            int most = rendered.one("HorizontalPodAutoscaler", service.name()).at("/spec/maxReplicas").asInt();
            assertThat(most).as(overlay + ": " + service.name() + "'s instances beyond " + fewest
                    + " partitions would idle").isLessThanOrEqualTo(fewest);
        }
    }

    private static String grant(String user, String type, String name, String pattern, String operation) {
        return user + " " + type.toLowerCase(Locale.ROOT) + ":" + name + "(" + pattern + ") "
                + operation.toLowerCase(Locale.ROOT).replace("_", "");
    }
}
