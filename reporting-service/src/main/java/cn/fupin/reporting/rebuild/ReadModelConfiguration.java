package cn.fupin.reporting.rebuild;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;

import cn.fupin.platform.security.ApplicationRoleCheck;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Wraps the service's data source so every connection works on the active read-model schema, the reports' read-only
 * transactions on the read replicas when there are some ({@code fupin.reporting.replica-url}: the province overlay's
 * {@code reporting-db-ro}; blank: the primary); refuses to run as the owner of its tables (the platform's check,
 * which goes with row-level security, off here: no policy guards an aggregate).
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    /** The replicas' pool's name (its metrics' {@code pool} tag). */
    static final String REPLICA_POOL = "reporting-replica";

    @Bean
    static BeanPostProcessor activeReadModelDataSource(Environment environment, ObjectProvider<MeterRegistry> meters) {
        String replicaUrl = environment.getProperty("fupin.reporting.replica-url", "");
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof DataSource source) || bean instanceof ActiveReadModel
                        || !name.equals("dataSource")) {
                    return bean;
                }
                if (replicaUrl.isBlank()) {
                    return new ActiveReadModel(source);
                }
                if (!(source instanceof HikariDataSource primary)) {
                    throw new IllegalStateException("fupin.reporting.replica-url wants the primary's Hikari pool to "
                            + "copy, not " + source.getClass().getName());
                }
                return new ActiveReadModel(primary, replicaPool(primary, replicaUrl, meters));
            }
        };
    }

    /** A pool on the replicas configured as the primary's (user, schema, timeouts, size), its connections read-only. */
    private static HikariDataSource replicaPool(HikariDataSource primary, String url,
            ObjectProvider<MeterRegistry> meters) {
        HikariConfig replica = new HikariConfig();
        primary.copyStateTo(replica);
        replica.setJdbcUrl(url);
        replica.setPoolName(REPLICA_POOL);
        replica.setReadOnly(true);
        meters.ifAvailable(registry -> replica.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry)));
        return new HikariDataSource(replica);
    }

    @Bean
    ApplicationRoleCheck applicationRoleCheck(JdbcTemplate jdbc) {
        return new ApplicationRoleCheck(jdbc, ActiveReadModel.HOME);
    }
}
