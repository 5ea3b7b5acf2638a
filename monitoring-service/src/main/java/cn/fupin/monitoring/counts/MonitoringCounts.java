package cn.fupin.monitoring.counts;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.fupin.contracts.reconciliation.CountKeys;
import cn.fupin.platform.counts.RecordCounts;

/**
 * 账账相符, the owner's side: monitoring objects by status, kept by the table's triggers as changes summed per village
 * (migration 4) — counting the objects took 0.2 s at a province's size.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringCounts {

    @Bean
    RecordCounts monitoringObjectCounts(JdbcClient jdbc) {
        return area -> {
            Map<String, Long> counts = new TreeMap<>();
            jdbc.sql("select status, objects from monitoring_object_counts(:area)").param("area", area)
                    .query((rs, n) -> counts.put(CountKeys.MONITORING_OBJECTS + "." + rs.getString(1), rs.getLong(2)))
                    .list();
            return counts;
        };
    }
}
