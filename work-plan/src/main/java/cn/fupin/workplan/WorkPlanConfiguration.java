package cn.fupin.workplan;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.inbox.Inbox;
import cn.fupin.platform.jdbc.MigrationPart;
import cn.fupin.platform.outbox.OutboxProperties;

/**
 * The work plan's local projection, for a service whose writes it governs ({@code fupin.work-windows.enabled}:
 * household and monitoring): its tables (migrations in {@code db/work-plan}, history of their own), the consumer
 * of review-service's plan events, the write windows and the yearly policy figures. review-service and reporting
 * answer {@link YearlyPolicies} from their own data instead.
 */
@AutoConfiguration(afterName = "cn.fupin.platform.config.PlatformEventsConfiguration")
@ConditionalOnProperty(name = "fupin.work-windows.enabled", havingValue = "true")
public class WorkPlanConfiguration {

    /** The history table keeps the name it had when these tables were the platform's. */
    @Bean
    MigrationPart workPlanTables() {
        return new MigrationPart("classpath:db/work-plan", "flyway_windows_history");
    }

    @Bean
    ProjectedYearlyPolicies yearlyPolicies(JdbcClient jdbc) {
        return new ProjectedYearlyPolicies(jdbc);
    }

    @Bean
    WorkWindows workWindows(JdbcClient jdbc, Clock clock) {
        return new WorkWindows(jdbc, clock);
    }

    @Bean
    WorkPlanEvents workPlanEvents(EventCodec codec, Inbox inbox, JdbcClient jdbc, ProjectedYearlyPolicies policies,
            OutboxProperties properties) {
        return new WorkPlanEvents(codec, inbox, jdbc, policies, properties.service());
    }
}
