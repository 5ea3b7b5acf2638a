package cn.fupin.reporting.rebuild;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The schema of the read models in use. Every connection handed out has it first on the search path, before
 * {@code reporting} (inbox, outbox, bookkeeping), so readers and the live consumers follow a switch the moment it
 * happens, without restart and without any query naming a schema. The path is set on a pooled connection only
 * when the active schema differs from the one it was last given, so checkouts cost no round trip.
 */
public class ActiveReadModel extends DelegatingDataSource {

    public static final String HOME = "reporting";

    private final AtomicReference<String> active = new AtomicReference<>(HOME);
    /** The schema each physical connection's search path was last set to (pooled connections start at home). */
    private final java.util.Map<Connection, String> paths = java.util.Collections
            .synchronizedMap(new java.util.WeakHashMap<>());

    public ActiveReadModel(DataSource target) {
        super(target);
    }

    public String schema() {
        return active.get();
    }

    void switchTo(String schema) {
        active.set(schema);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return onPath(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return onPath(super.getConnection(username, password));
    }

    private Connection onPath(Connection connection) throws SQLException {
        String schema = active.get();
        try {
            Connection physical = connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class)
                    : connection;
            if (!schema.equals(paths.getOrDefault(physical, HOME))) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(searchPath(schema));
                }
                paths.put(physical, schema);
            }
        }
        catch (SQLException ex) {
            connection.close();
            throw ex;
        }
        return connection;
    }

    /** The search path that puts a read-model schema first. Schema names are the service's own, never input. */
    static String searchPath(String schema) {
        if (!schema.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a read-model schema: " + schema);
        }
        return schema.equals(HOME) ? "set search_path to " + HOME : "set search_path to " + schema + ", " + HOME;
    }
}
