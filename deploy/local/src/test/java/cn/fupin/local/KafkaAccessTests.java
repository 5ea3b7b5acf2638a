package cn.fupin.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class KafkaAccessTests {

    private static final List<String> EVENT_TOPICS = List.of("household.events", "monitoring.events", "review.events");

    @Test
    void aServiceWritesItsOwnTopicItsCheckpointsAndItsGroupsDeadLettersOnly() {
        assertThat(writable("household-service")).containsExactlyInAnyOrder("household.events",
                "household.events.checkpoints", "household.events.household-service*",
                "review.events.household-service*", "monitoring.events.household-service*");
        assertThat(writable("reporting-service")).containsExactlyInAnyOrder("household.events.reporting-service*",
                "monitoring.events.reporting-service*", "review.events.reporting-service*");
    }

    @Test
    void noOtherUserWritesAServicesTopic() {
        for (String topic : EVENT_TOPICS) {
            List<String> writers = KafkaAccess.acls().stream()
                    .filter(acl -> acl.entry().operation() == AclOperation.WRITE)
                    .filter(acl -> topic.startsWith(acl.pattern().name())
                            && (acl.pattern().patternType() == PatternType.PREFIXED || topic.equals(acl.pattern().name())))
                    .map(acl -> acl.entry().principal()).distinct().toList();
            assertThat(writers).as(topic).containsExactly("User:" + topic.replace(".events", "-service"));
        }
    }

    @Test
    void theAuditUserReadsEveryEventTopicWithItsCheckpointsAndDeadLettersAndWritesNothing() {
        List<AclBinding> audit = KafkaAccess.acls().stream()
                .filter(acl -> acl.entry().principal().equals("User:audit")).toList();

        assertThat(audit).extracting(acl -> acl.entry().operation())
                .containsOnly(AclOperation.READ, AclOperation.DESCRIBE);
        assertThat(audit.stream().filter(acl -> acl.pattern().resourceType() == ResourceType.TOPIC)
                .map(acl -> acl.pattern().name() + (acl.pattern().patternType() == PatternType.PREFIXED ? "*" : ""))
                .collect(Collectors.toSet())).isEqualTo(Set.of("household.events*", "monitoring.events*",
                "review.events*"));
    }

    @Test
    void theOperatorCreatesTheEventTopicsKeptForEver() {
        assertThat(KafkaAccess.topics()).extracting(topic -> topic.name() + "/" + topic.numPartitions() + "/"
                + topic.configs().get("retention.ms")).containsExactlyInAnyOrder("household.events/6/-1",
                "household.events.checkpoints/1/-1", "monitoring.events/6/-1", "monitoring.events.checkpoints/1/-1",
                "review.events/6/-1", "review.events.checkpoints/1/-1");
    }

    private static Set<String> writable(String user) {
        return KafkaAccess.acls().stream()
                .filter(acl -> acl.entry().principal().equals("User:" + user))
                .filter(acl -> acl.entry().operation() == AclOperation.WRITE)
                .map(acl -> acl.pattern().name() + (acl.pattern().patternType() == PatternType.PREFIXED ? "*" : ""))
                .collect(Collectors.toSet());
    }
}
