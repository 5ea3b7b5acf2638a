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

    /**
     * The city office's policy figures for a year as a service following the work plan keeps them (household,
     * monitoring: table {@code yearly_policy}), without publishing a plan, so the write windows stay unrestricted.
     * The latest year so kept is the assessed year while no later one is.
     */
    protected void yearlyPolicy(int year, String povertyLine, String monitoringLineFactor, int publicityDaysMin) {
        jdbc.update("""
                insert into yearly_policy (year, revision, assessed_year, poverty_line, monitoring_line_factor,
                    publicity_days_min)
                values (?, 1, ?, cast(? as numeric), cast(? as numeric), ?)
                on conflict (year) do update set poverty_line = excluded.poverty_line,
                    monitoring_line_factor = excluded.monitoring_line_factor,
                    publicity_days_min = excluded.publicity_days_min""", year, year, povertyLine, monitoringLineFactor,
                publicityDaysMin);
    }

    /** The seed work plan's 2020 figures (4000 yuan, × 1.5, 7 days), as the tests' assessed year. */
    protected void policyOf2020() {
        yearlyPolicy(2020, "4000.00", "1.50", 7);
    }
}
