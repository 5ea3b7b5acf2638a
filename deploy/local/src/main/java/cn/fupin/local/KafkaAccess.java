package cn.fupin.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the broker: each service writes only its own topic (and its checkpoints), reads the topics it
 * consumes, writes the dead letters of its own consumer groups ({@code <topic>.<group>.dlt}, and every group's name
 * starts with the service's); the audit user (audit tools, other systems: the realm's {@code events:read}) reads
 * every event topic, its checkpoints and dead letters, and writes nothing. The operator's {@code admin} is the
 * broker's super user. The Kubernetes overlays' KafkaUsers grant the same (deploy/k8s, checked by its tests).
 */
public final class KafkaAccess {

    public static final String ADMIN = "admin";
    public static final String AUDIT = "audit";

    /** A service's topic and the topics it consumes. */
    public record Service(String name, String topic, List<String> reads) {

        public List<String> writes() {
            return topic == null ? List.of() : List.of(topic, checkpoints(topic));
        }

        /** What its consumer groups read: the topics it consumes, its own (the checkpointer, the work plan's). */
        public List<String> consumes() {
            return topic == null ? reads : Stream.concat(Stream.of(topic), reads.stream()).toList();
        }
    }

    public static final List<Service> SERVICES = List.of(
            new Service("household-service", "household.events", List.of("review.events", "monitoring.events")),
            new Service("monitoring-service", "monitoring.events", List.of("household.events", "review.events")),
            new Service("review-service", "review.events", List.of("household.events", "monitoring.events")),
            new Service("reporting-service", null, List.of("household.events", "monitoring.events", "review.events")));

    /** Partitions of an event topic: room for the consumers' concurrency; keyed by aggregate id, so order holds. */
    static final int PARTITIONS = 6;

    private KafkaAccess() {
    }

    /** Every user but the super user: the services that use Kafka and the audit reader. */
    public static List<String> users() {
        return Stream.concat(SERVICES.stream().map(Service::name), Stream.of(AUDIT)).toList();
    }

    /** The event topics and their checkpoints, kept for ever, as the operator creates them before any service runs. */
    static List<NewTopic> topics() {
        Map<String, String> forever = Map.of("retention.ms", "-1");
        return SERVICES.stream().filter(service -> service.topic() != null)
                .flatMap(service -> Stream.of(
                        new NewTopic(service.topic(), PARTITIONS, (short) 1).configs(forever),
                        // one partition: each checkpoint covers everything before it
                        new NewTopic(checkpoints(service.topic()), 1, (short) 1).configs(forever)))
                .toList();
    }

    public static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        List<String> eventTopics = SERVICES.stream().map(Service::topic).filter(topic -> topic != null).toList();
        for (Service service : SERVICES) {
            String user = service.name();
            for (String own : service.writes()) {
                // written by the relay and the checkpointer, created if the operator has not
                allow(acls, user, topic(own, PatternType.LITERAL), AclOperation.WRITE, AclOperation.CREATE);
            }
            for (String read : Stream.concat(service.consumes().stream(), service.writes().stream()).distinct()
                    .toList()) {
                allow(acls, user, topic(read, PatternType.LITERAL), AclOperation.READ, AclOperation.DESCRIBE);
            }
            for (String consumed : service.consumes()) {
                // the dead letters of its groups: <topic>.<group>.dlt, each group named after the service
                allow(acls, user, topic(consumed + "." + user, PatternType.PREFIXED), AclOperation.WRITE,
                        AclOperation.DESCRIBE, AclOperation.CREATE);
            }
            allow(acls, user, new ResourcePattern(ResourceType.GROUP, user, PatternType.PREFIXED), AclOperation.READ);
        }
        for (String topic : eventTopics) {
            // the topic, its checkpoints and its dead letters
            allow(acls, AUDIT, topic(topic, PatternType.PREFIXED), AclOperation.READ, AclOperation.DESCRIBE);
        }
        allow(acls, AUDIT, new ResourcePattern(ResourceType.GROUP, AUDIT, PatternType.PREFIXED), AclOperation.READ);
        return acls;
    }

    static String checkpoints(String topic) {
        return topic + ".checkpoints";
    }

    private static ResourcePattern topic(String name, PatternType type) {
        return new ResourcePattern(ResourceType.TOPIC, name, type);
    }

    private static void allow(List<AclBinding> acls, String user, ResourcePattern resource, AclOperation... operations) {
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(resource,
                    new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
        }
    }
}
