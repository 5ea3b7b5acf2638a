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
        Properties config = parse(KafkaBroker.serverProperties(Ports.defaults(), Path.of("/data/kafka/logs")));

        assertThat(config).containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093,"
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
        Properties config = parse(KafkaBroker.serverProperties(Ports.defaults(), Path.of("/logs")));

        assertThat(config).containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092,PROXIED://127.0.0.1:19094")
                .containsEntry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,PROXIED:PLAINTEXT");
    }

    @Test
    void keepsEventsForever() throws IOException {
        Properties config = parse(KafkaBroker.serverProperties(Ports.defaults(), Path.of("/logs")));

        assertThat(config).containsEntry("log.retention.ms", "-1");
    }

    @Test
    void followsAMovedPortBase() throws IOException {
        Properties config = parse(KafkaBroker.serverProperties(Ports.fromBase(20000), Path.of("/logs")));

        assertThat(config).containsEntry("listeners", "PLAINTEXT://127.0.0.1:20092,CONTROLLER://127.0.0.1:20093,"
                        + "PROXIED://127.0.0.1:20095")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:20093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:20092,PROXIED://127.0.0.1:20094");
    }

    private static Properties parse(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }
}
