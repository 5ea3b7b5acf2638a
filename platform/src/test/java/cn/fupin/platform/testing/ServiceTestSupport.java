package cn.fupin.platform.testing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a service's integration tests use: the API (MockMvc), JSON, the database, the broker. A test class
 * extends it with {@code @RealInfrastructure @SpringBootTest @AutoConfigureMockMvc}.
 */
public abstract class ServiceTestSupport {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    /** This context's own broker (the {@code spring.embedded.kafka.brokers} system property is the newest one's). */
    protected String brokers;

    @Autowired
    void broker(EmbeddedKafkaBroker broker) {
        this.brokers = broker.getBrokersAsString();
    }
}
