package cn.fupin.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Points a test context at a real PostgreSQL: one embedded server per test JVM (started on first use, stopped
 * at exit) and a fresh database per application context, so contexts never see each other's rows.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = "test_" + DATABASES.incrementAndGet();
        createDatabase(database);
        TestPropertyValues.of(
                "spring.datasource.url=" + server().getJdbcUrl("postgres", database) + "&reWriteBatchedInserts=true",
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres").applyTo(context);
    }

    /** The shared server, started on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", ex);
            }
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
