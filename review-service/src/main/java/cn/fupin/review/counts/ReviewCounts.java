package cn.fupin.review.counts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.fupin.contracts.reconciliation.CountKeys;
import cn.fupin.platform.counts.RecordCounts;

/** 账账相符, the owner's side: review cases by state, counted from this service's own table. */
@Configuration(proxyBeanMethods = false)
class ReviewCounts {

    @Bean
    RecordCounts reviewCaseCounts(JdbcClient jdbc) {
        return RecordCounts.grouped(jdbc, CountKeys.REVIEW_CASES,
                "select state, count(*) from review_case where area_code like :prefix group by 1");
    }
}
