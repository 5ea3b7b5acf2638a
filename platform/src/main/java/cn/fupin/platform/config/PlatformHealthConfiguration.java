package cn.fupin.platform.config;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import cn.fupin.platform.health.DatabaseReadiness;

/** The services' readiness: the application's state and its database ({@code management.endpoint.health.group}). */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
public class PlatformHealthConfiguration {

    @Bean
    @ConditionalOnBean(DataSource.class)
    DatabaseReadiness databaseHealthIndicator(DataSource dataSource) {
        return new DatabaseReadiness(dataSource);
    }
}
