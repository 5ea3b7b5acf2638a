package cn.fupin.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Points a test context at a real PostgreSQL: one embedded server per test JVM (started on first use, stopped
 * at exit) and a fresh database per application context, so contexts never see each other's rows. As in
 * production, migrations run as the owner and the service connects as {@value #APPLICATION_ROLE}.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The role services connect as, as in production: it owns nothing and is subject to row-level security. */
    public static final String APPLICATION_ROLE = "fupin_app";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = "test_" + DATABASES.incrementAndGet();
        createDatabase(database);
        TestPropertyValues.of(
                // no user in the URL: it would override the one given
                "spring.datasource.url=jdbc:postgresql://localhost:" + server().getPort() + "/" + database
                        + "?reWriteBatchedInserts=true",
                "spring.datasource.username=" + APPLICATION_ROLE,
                "spring.datasource.password=" + APPLICATION_ROLE,
                "spring.flyway.user=postgres",
                "spring.flyway.password=postgres").applyTo(context);
    }

    /** The shared server, started on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                if (Boolean.getBoolean("bench.statements")) {
                    // a benchmark that reports where PostgreSQL's time went (pg_stat_statements)
                    builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                }
                server = builder.start();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", ex);
            }
            createApplicationRole();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                }
                catch (IOException ignored) {
                    // the JVM is exiting; the data directory is temporary anyway
                }
            }));
        }
        return server;
    }

    /** A new, empty database on the shared server, for tests that migrate or fill a database themselves. */
    public static DataSource freshDatabase(String prefix) {
        String database = prefix + "_" + DATABASES.incrementAndGet();
        createDatabase(database);
        return server().getDatabase("postgres", database);
    }

    private static void createApplicationRole() {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create role " + APPLICATION_ROLE + " login password '" + APPLICATION_ROLE + "'");
        }
        catch (SQLException ex) {
            throw new IllegalStateException("could not create the application role", ex);
        }
    }

    private static void createDatabase(String name) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("could not create test database " + name, ex);
        }
    }
}
