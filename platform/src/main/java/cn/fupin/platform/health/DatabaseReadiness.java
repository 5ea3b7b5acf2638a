package cn.fupin.platform.health;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness follows the database: a service that cannot reach its database answers nothing but 503s, so it should get
 * no traffic until it can again. The check is bounded, so that a frozen network turns it DOWN instead of hanging the
 * probe: a connection within the pool's wait ({@code connection-timeout}), then a round trip within
 * {@link #ROUND_TRIP_SECONDS} (the driver sets the socket's timeout for it). Kafka is no part of it: while the broker is
 * away the service still takes writes, their events waiting in the outbox.
 */
public class DatabaseReadiness implements HealthIndicator {

    static final int ROUND_TRIP_SECONDS = 2;

    private final DataSource dataSource;

    public DatabaseReadiness(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(ROUND_TRIP_SECONDS) ? Health.up().build()
                    : Health.down().withDetail("reason", "数据库未在 " + ROUND_TRIP_SECONDS + " 秒内应答").build();
        }
        catch (SQLException | RuntimeException ex) {
            return Health.down(ex).build();
        }
    }
}
