package cn.fupin.platform.config;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;

import cn.fupin.audit.Checkpoint;
import cn.fupin.platform.audit.AuditKeysController;
import cn.fupin.platform.audit.AuditProperties;
import cn.fupin.platform.audit.Checkpointer;
import cn.fupin.platform.events.EventCatalogue;
import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.InvalidEventException;
import cn.fupin.platform.faults.CrashPoints;
import cn.fupin.platform.inbox.EventBatches;
import cn.fupin.platform.inbox.Inbox;
import cn.fupin.platform.jdbc.MigrationPart;
import cn.fupin.platform.outbox.Outbox;
import cn.fupin.platform.outbox.OutboxProperties;
import cn.fupin.platform.outbox.OutboxRelay;
import cn.fupin.platform.outbox.OutboxWakeups;
import cn.fupin.platform.outbox.PublishedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import tools.jackson.databind.json.JsonMapper;

/** The event backbone: envelope codec, outbox and relay, inbox, dead letters, the service's topic. */
@AutoConfiguration(afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
@EnableConfigurationProperties({ OutboxProperties.class, AuditProperties.class })
public class PlatformEventsConfiguration {

    @Bean
    EventCodec eventCodec(JsonMapper mapper) {
        return new EventCodec(mapper);
    }

    /** None in any deployment: the fault tests set one to crash a service at an exact step. */
    @Bean
    CrashPoints crashPoints(@Value("${fupin.faults.crash-at:}") String setting) {
        return CrashPoints.of(setting);
    }

    @Bean
    Inbox inbox(JdbcTemplate jdbc, TransactionTemplate transactions, CrashPoints crashPoints, MeterRegistry meters) {
        return new Inbox(jdbc, transactions, crashPoints, meters);
    }

    @Bean
    EventCatalogue eventCatalogue() {
        return EventCatalogue.fromClasspath();
    }

    @Bean
    EventBatches eventBatches(EventCodec codec, Inbox inbox, EventCatalogue catalogue) {
        return new EventBatches(codec, inbox, catalogue);
    }

    /**
     * Platform tables (outbox, sequences, inbox) come from their own migrations with their own history table,
     * so the platform and each service version their schemas independently; so do the parts a service adds
     * ({@link MigrationPart}), after its own. Each history starts at a baseline of 0 when it finds the other's
     * tables, so every real migration still runs.
     */
    @Bean
    FlywayMigrationStrategy platformThenServiceMigrations(ObjectProvider<MigrationPart> parts) {
        return flyway -> {
            migrate(flyway, "classpath:db/platform", "flyway_platform_history");
            Flyway.configure().configuration(flyway.getConfiguration())
                    .baselineOnMigrate(true).baselineVersion("0")
                    .load().migrate();
            parts.orderedStream().forEach(part -> migrate(flyway, part.location(), part.historyTable()));
        };
    }

    /** Migrates a location on its own history, without the service's Java migrations and callbacks. */
    private static void migrate(Flyway service, String location, String history) {
        Flyway.configure().configuration(service.getConfiguration())
                .locations(location).table(history).javaMigrations().callbacks(new Callback[0])
                .baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
    }

    @Bean
    @ConditionalOnExpression("'${fupin.events.topic:}' != ''")
    Outbox outbox(JdbcTemplate jdbc, EventCodec codec, OutboxProperties properties, Clock clock,
            ObjectProvider<Tracer> tracers) {
        return new Outbox(jdbc, codec, properties, clock, tracers);
    }

    /** The one adapter that turns the service's published domain events into outbox entries. */
    @Bean
    @ConditionalOnExpression("'${fupin.events.topic:}' != ''")
    PublishedEvents publishedEvents(Outbox outbox) {
        return new PublishedEvents(outbox);
    }

    @Bean
    @ConditionalOnExpression("'${fupin.events.topic:}' != '' and ${fupin.events.relay.enabled:true}")
    OutboxRelay outboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions,
            ProducerFactory<String, String> producers, OutboxProperties properties, MeterRegistry meters,
            CrashPoints crashPoints) {
        // a template of its own, without observation: the relay sends the causing request's trace context,
        // not a new trace of its own
        return new OutboxRelay(jdbc, transactions, new KafkaTemplate<>(producers), properties.relay(), meters,
                new OutboxWakeups(jdbc.getDataSource()), crashPoints);
    }

    /** The service's own topic, retained for ever so audit tools and rebuilt projections can replay it. */
    @Bean
    @ConditionalOnExpression("'${fupin.events.topic:}' != ''")
    NewTopic serviceTopic(OutboxProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(properties.partitions())
                .config("retention.ms", "-1").build();
    }

    /** The signed checkpoints of the service's topic, for audit tools ({@link Checkpointer}). */
    @Bean
    @ConditionalOnExpression("'${fupin.events.topic:}' != '' and ${fupin.audit.checkpoints.enabled:true}")
    Checkpointer checkpointer(OutboxProperties events, JdbcTemplate jdbc, TransactionTemplate transactions,
            ProducerFactory<String, String> producers, ConsumerFactory<?, ?> consumers, AuditProperties audit,
            Clock clock, JsonMapper json) {
        return new Checkpointer(events.topic(), jdbc, transactions, new KafkaTemplate<>(producers),
                consumers.getConfigurationProperties(), audit, clock, json);
    }

    /** Where the topic's checkpoints go: one partition, kept for ever (each covers everything before it). */
    @Bean
    @ConditionalOnExpression("'${fupin.events.topic:}' != ''")
    NewTopic checkpointTopic(OutboxProperties properties) {
        return TopicBuilder.name(Checkpoint.topicFor(properties.topic())).partitions(1).config("retention.ms", "-1")
                .build();
    }

    /** The checkpoints' public key, beside the event schemas. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnExpression("'${fupin.events.topic:}' != ''")
    AuditKeysController auditKeysController(AuditProperties audit) {
        return new AuditKeysController(audit);
    }

    /**
     * A record that fails is retried a few times, then sent with the reason to {@code <topic>.<group>.dlt};
     * an {@link InvalidEventException} goes there at once. The consumer keeps going either way.
     */
    @Bean
    DefaultErrorHandler deadLetters(KafkaTemplate<String, String> kafka,
            @Value("${spring.kafka.consumer.group-id:${spring.application.name:fupin}}") String group) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, ex) -> new TopicPartition(record.topic() + "." + group + ".dlt", -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500, 3));
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }
}
