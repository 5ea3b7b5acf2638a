package cn.fupin.platform.security;

import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refuses to start a service whose database user owns tables of its schema: the owner is not subject to row-level
 * security and could alter or drop what it reads. Migrations run as the owner ({@code spring.flyway.user}), the
 * service as its application role ({@code spring.datasource.username}), which only reads and writes rows.
 */
public class ApplicationRoleCheck implements SmartInitializingSingleton {

    private final JdbcTemplate jdbc;
    private final String schema;

    /** @param schema the service's schema; blank for the connection's current schema */
    public ApplicationRoleCheck(JdbcTemplate jdbc, String schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String schema = this.schema == null || this.schema.isBlank()
                ? jdbc.queryForObject("select current_schema()", String.class) : this.schema;
        List<String> owned = jdbc.queryForList("""
                select tablename from pg_tables where schemaname = ? and tableowner = current_user
                order by tablename""", String.class, schema);
        if (!owned.isEmpty()) {
            throw new IllegalStateException("the database user " + jdbc.queryForObject("select current_user",
                    String.class) + " owns tables of schema " + schema + " " + owned
                    + ": connect as the application role (FUPIN_DB_USER) and migrate as the owner (FUPIN_DB_OWNER)");
        }
    }
}
