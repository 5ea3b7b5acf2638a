package cn.fupin.platform.config;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.fupin.platform.security.ApplicationRoleCheck;
import cn.fupin.platform.security.AreaScopedDataSource;

/**
 * Row-level security as the second wall ({@code fupin.database.row-security}, on by default): every connection
 * says whose area it works for, and the service refuses to run as the owner of its tables.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration" })
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnProperty(name = "fupin.database.row-security", havingValue = "true", matchIfMissing = true)
public class PlatformDataConfiguration {

    @Bean
    static BeanPostProcessor areaScopedDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource source && !(bean instanceof AreaScopedDataSource)
                        && name.equals("dataSource") ? new AreaScopedDataSource(source) : bean;
            }
        };
    }

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    ApplicationRoleCheck applicationRoleCheck(JdbcTemplate jdbc, @Value("${spring.flyway.schemas:}") String schema) {
        return new ApplicationRoleCheck(jdbc, schema);
    }
}
