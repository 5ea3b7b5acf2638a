package cn.fupin.reporting.rebuild;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import cn.fupin.platform.jdbc.SessionSettingDataSource;

/**
 * The schema of the read models in use. Every connection handed out has it first on the search path, before
 * {@code reporting} (inbox, outbox, bookkeeping), so readers and the live consumers follow a switch the moment it
 * happens, without restart and without any query naming a schema ({@link SessionSettingDataSource}: a pooled
 * connection is told only when the active schema differs from the one it was last given).
 *
 * <p>With read replicas (the province's {@code reporting-db-ro}), a read-only transaction — every report's — takes
 * its connection from the replicas' pool, any other from the primary's (Spring's {@link
 * LazyConnectionDataSourceProxy}); each pool's connections are told the schema themselves.
 */
public class ActiveReadModel extends DelegatingDataSource implements AutoCloseable {

    public static final String HOME = "reporting";

    private final AtomicReference<String> active = new AtomicReference<>(HOME);
    private final DataSource primary;
    private final DataSource replica;

    public ActiveReadModel(DataSource primary) {
        this(primary, null);
    }

    /** @param replica the replicas' pool, or null: everything on the primary */
    public ActiveReadModel(DataSource primary, DataSource replica) {
        this.primary = primary;
        this.replica = replica;
        DataSource onPrimary = new OnActiveSchema(primary, active);
        if (replica == null) {
            setTargetDataSource(onPrimary);
        }
        else {
            LazyConnectionDataSourceProxy routed = new LazyConnectionDataSourceProxy(onPrimary);
            routed.setReadOnlyDataSource(new OnActiveSchema(replica, active));
            setTargetDataSource(routed);
        }
    }

    public String schema() {
        return active.get();
    }

    void switchTo(String schema) {
        active.set(schema);
    }

    /** The replicas' pool, when reports read from replicas. */
    public Optional<DataSource> replica() {
        return Optional.ofNullable(replica);
    }

    @Override
    public void close() throws Exception {
        for (DataSource pool : new DataSource[] { replica, primary }) {
            if (pool instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    /** The search path that puts a read-model schema first. Schema names are the service's own, never input. */
    static String searchPath(String schema) {
        if (!schema.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a read-model schema: " + schema);
        }
        return schema.equals(HOME) ? "set search_path to " + HOME : "set search_path to " + schema + ", " + HOME;
    }

    /** One pool's connections, each told the active schema. */
    private static final class OnActiveSchema extends SessionSettingDataSource {

        private final AtomicReference<String> active;

        OnActiveSchema(DataSource pool, AtomicReference<String> active) {
            super(pool);
            this.active = active;
        }

        @Override
        protected String wanted() {
            return active.get();
        }

        /** Pooled connections start at home ({@code spring.datasource.hikari.schema}). */
        @Override
        protected String initial() {
            return HOME;
        }

        @Override
        protected void apply(Connection connection, String schema) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(searchPath(schema));
            }
        }
    }
}
