package cn.fupin.reporting.rebuild;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which read-model schema is active, kept in {@code read_model_generation} so a restart serves what the last
 * rebuild switched to; creating a schema's tables is the service's own read-model migrations run on it. The service
 * connects as its application role, which owns nothing: a schema is created, migrated and dropped as the owner
 * (the migrations' {@code spring.flyway} user), and the application role granted its rows.
 */
@Component
class ReadModelGenerations {

    private final JdbcClient jdbc;
    private final ActiveReadModel active;
    private final FlywayProperties flyway;
    private final DataSource owner;

    ReadModelGenerations(JdbcClient jdbc, DataSource dataSource, FlywayProperties flyway) {
        this.jdbc = jdbc;
        this.active = (ActiveReadModel) dataSource;
        this.flyway = flyway;
        this.owner = new SimpleDriverDataSource(new org.postgresql.Driver(), flyway.getUrl(), flyway.getUser(),
                flyway.getPassword());
    }

    /** At start: follow the persisted switch, with the active schema migrated like {@code reporting} is. */
    @EventListener(ApplicationStartedEvent.class)
    void followTheLastSwitch() {
        String schema = jdbc.sql("select active from reporting.read_model_generation where id = 1")
                .query(String.class).single();
        if (!schema.equals(ActiveReadModel.HOME)) {
            migrate(schema);
        }
        active.switchTo(schema);
    }

    String active() {
        return active.schema();
    }

    /** Creates (or brings up to date) the read-model tables in a schema of their own. */
    void migrate(String schema) {
        Flyway.configure().dataSource(owner).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration").table("read_model_history")
                .placeholders(flyway.getPlaceholders()).load().migrate();
        JdbcClient asOwner = JdbcClient.create(owner);
        asOwner.sql("drop table if exists " + schema + ".read_model_generation").update();
        asOwner.sql("drop table if exists " + schema + ".read_model_rebuild").update();
    }

    /** Readers and the live consumers use the schema from now on; the one before stays until the next switch. */
    @Transactional
    void switchTo(String schema) {
        String previous = active.schema();
        String older = jdbc.sql("select previous from reporting.read_model_generation where id = 1")
                .query(String.class).optional().orElse(null);
        jdbc.sql("update reporting.read_model_generation set active = :schema, previous = :previous,"
                + " switched_at = now() where id = 1").param("schema", schema).param("previous", previous).update();
        active.switchTo(schema);
        if (older != null && !older.equals(ActiveReadModel.HOME) && !older.equals(schema)) {
            ActiveReadModel.searchPath(older);
            JdbcClient.create(owner).sql("drop schema if exists " + older + " cascade").update();
        }
    }
}
