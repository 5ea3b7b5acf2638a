package cn.fupin.platform.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.fupin.platform.counts.RecordCounts;
import cn.fupin.platform.counts.RecordCountsController;
import cn.fupin.platform.idempotency.IdempotencyFilter;
import cn.fupin.platform.observability.CorrelationId;
import cn.fupin.platform.pii.IdNumberHash;
import cn.fupin.platform.pii.PersonalDataCipher;
import cn.fupin.platform.pii.PiiProperties;
import cn.fupin.platform.pii.Resealing;
import cn.fupin.platform.pii.SealedColumn;
import cn.fupin.platform.pii.StoredIdNumbers;
import cn.fupin.platform.web.ContractNulls;
import cn.fupin.platform.web.InFlightLimit;
import cn.fupin.platform.web.IndicatorNames;
import cn.fupin.platform.web.ProblemAdvice;
import cn.fupin.platform.web.StrictRequestBodies;
import tools.jackson.databind.json.JsonMapper;

/** Problem details, indicator-aware error messages, correlation ids and the clock. */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@EnableConfigurationProperties(PiiProperties.class)
public class PlatformWebConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /** The keyed hash that matches ID numbers across services (key shared by configuration). */
    @Bean
    @ConditionalOnMissingBean
    IdNumberHash idNumberHash(PiiProperties pii) {
        return new IdNumberHash(pii.idHashKey(), pii.idHashKeyPrevious());
    }

    /** Encryption of personal data at rest (keys from configuration). */
    @Bean
    @ConditionalOnMissingBean
    PersonalDataCipher personalDataCipher(PiiProperties pii) {
        return new PersonalDataCipher(pii.encryptionKeys(), pii.encryptionKeyCurrent());
    }

    @Bean
    @ConditionalOnMissingBean
    StoredIdNumbers storedIdNumbers(IdNumberHash hash, PersonalDataCipher cipher) {
        return new StoredIdNumbers(hash, cipher);
    }

    @Bean
    IndicatorNames indicatorNames(@Value("${fupin.api.contract:}") String contract) {
        return IndicatorNames.fromContract(contract);
    }

    /** 账账相符: a service that counts its own records answers reporting's reconciliation. */
    @Bean
    @ConditionalOnBean(RecordCounts.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    RecordCountsController recordCountsController(RecordCounts counts) {
        return new RecordCountsController(counts);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ProblemAdvice problemAdvice(IndicatorNames indicators) {
        return new ProblemAdvice(indicators);
    }

    /** Request bodies read strictly: bad input is a 400 naming the field, never a failure deeper in. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    StrictRequestBodies strictRequestBodies(@Value("${fupin.api.contract:}") String contract) {
        return new StrictRequestBodies(ContractNulls.fromContract(contract));
    }

    /** The service's contract and the event schemas, served as written: the API docs are the contract. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    WebMvcConfigurer contractDocuments() {
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                registry.addResourceHandler("/openapi/**").addResourceLocations("classpath:/openapi/");
                registry.addResourceHandler("/openapi/events/**").addResourceLocations("classpath:/events/");
            }
        };
    }

    /** After Spring Security (order -100), so the key is kept per authenticated caller. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBean(JdbcTemplate.class)
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcTemplate jdbc,
            PlatformTransactionManager transactions, JsonMapper mapper, PersonalDataCipher cipher) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(jdbc, transactions, mapper, cipher));
        registration.setOrder(0);
        return registration;
    }

    /** The idempotency filter's kept answers are sealed, bound to their caller and key. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBean(JdbcTemplate.class)
    List<SealedColumn> keptAnswersSealed() {
        return List.of(IdempotencyFilter.KEPT_ANSWERS);
    }

    /** Personal data an older key sealed, sealed again after a key rotation (each list of sealed columns). */
    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    Resealing resealing(ObjectProvider<List<SealedColumn>> columns, DataSource dataSource,
            PlatformTransactionManager transactions, PersonalDataCipher cipher,
            @Value("${fupin.pii.reseal-retry:PT5M}") Duration retry, ObjectProvider<MeterRegistry> meters) {
        return new Resealing(columns.orderedStream().flatMap(List::stream).toList(), dataSource,
                new TransactionTemplate(transactions), cipher, retry, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Right after the correlation id, so that a refusal carries it, and before any work on the request. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<InFlightLimit> inFlightLimit(@Value("${fupin.web.max-in-flight:100}") int limit,
            @Value("${fupin.web.in-flight-wait:PT1S}") Duration wait, JsonMapper json) {
        FilterRegistrationBean<InFlightLimit> registration = new FilterRegistrationBean<>(
                new InFlightLimit(limit, wait, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<CorrelationId> correlationIdFilter() {
        FilterRegistrationBean<CorrelationId> registration = new FilterRegistrationBean<>(new CorrelationId());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
