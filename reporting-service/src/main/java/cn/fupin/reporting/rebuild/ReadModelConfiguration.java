package cn.fupin.reporting.rebuild;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.fupin.platform.security.ApplicationRoleCheck;

/**
 * Wraps the service's data source so every connection works on the active read-model schema; refuses to run as the
 * owner of its tables (the platform's check, which goes with row-level security, off here: no policy guards an
 * aggregate).
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Bean
    static BeanPostProcessor activeReadModelDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource source && !(bean instanceof ActiveReadModel)
                        && name.equals("dataSource") ? new ActiveReadModel(source) : bean;
            }
        };
    }

    @Bean
    ApplicationRoleCheck applicationRoleCheck(JdbcTemplate jdbc) {
        return new ApplicationRoleCheck(jdbc, ActiveReadModel.HOME);
    }
}
