package cn.fupin.local;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTests {

    @Test
    void oneNodeIsBrokerAndControllerOnLoopbackWithEverythingReplicatedOnce() throws IOException {
        Properties config = parse(KafkaBroker.serverProperties(Ports.defaults(), Path.of("/data/kafka/logs"), "s3cret"));

        assertThat(config).containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "CLIENT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093,"
                        + "PROXIED://127.0.0.1:19095")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("log.dirs", "/data/kafka/logs")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("num.partitions", "6")
                .containsEntry("auto.create.topics.enable", "true")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void aClientThatCameThroughTheProxyIsSentBackToIt() throws IOException {
        Properties config = parse(KafkaBroker.serverProperties(Ports.defaults(), Path.of("/logs"), "s3cret"));

        assertThat(config).containsEntry("advertised.listeners", "CLIENT://127.0.0.1:19092,PROXIED://127.0.0.1:19094");
    }

    @Test
    void everyListenerWantsAUserAndTheAuthorizerAllowsOnlyWhatIsGranted() throws IOException {
        Properties config = parse(KafkaBroker.serverProperties(Ports.defaults(), Path.of("/logs"), "s3cret"));

        assertThat(config).containsEntry("listener.security.protocol.map",
                        "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT,PROXIED:SASL_PLAINTEXT")
                .containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN")
                .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("super.users", "User:admin")
                .containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry("listener.name.client.plain.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" "
                                + "password=\"s3cret\" user_admin=\"s3cret\";");
    }

    @Test
    void keepsEventsForever() throws IOException {
        Properties config = parse(KafkaBroker.serverProperties(Ports.defaults(), Path.of("/logs"), "s3cret"));

        assertThat(config).containsEntry("log.retention.ms", "-1");
    }

    @Test
    void followsAMovedPortBase() throws IOException {
        Properties config = parse(KafkaBroker.serverProperties(Ports.fromBase(20000), Path.of("/logs"), "s3cret"));

        assertThat(config).containsEntry("listeners", "CLIENT://127.0.0.1:20092,CONTROLLER://127.0.0.1:20093,"
                        + "PROXIED://127.0.0.1:20095")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:20093")
                .containsEntry("advertised.listeners", "CLIENT://127.0.0.1:20092,PROXIED://127.0.0.1:20094");
    }

    private static Properties parse(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }
}
