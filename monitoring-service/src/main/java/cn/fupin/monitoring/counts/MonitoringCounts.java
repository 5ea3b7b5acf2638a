package cn.fupin.monitoring.counts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.fupin.contracts.reconciliation.CountKeys;
import cn.fupin.platform.counts.RecordCounts;

/** 账账相符, the owner's side: monitoring objects by status, counted from this service's own table. */
@Configuration(proxyBeanMethods = false)
class MonitoringCounts {

    @Bean
    RecordCounts monitoringObjectCounts(JdbcClient jdbc) {
        return RecordCounts.grouped(jdbc, CountKeys.MONITORING_OBJECTS,
                "select status, count(*) from monitoring_object where division_code like :prefix group by 1");
    }
}
