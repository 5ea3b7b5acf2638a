package cn.fupin.reporting.rebuild;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wraps the service's data source so every connection works on the active read-model schema. */
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
}
