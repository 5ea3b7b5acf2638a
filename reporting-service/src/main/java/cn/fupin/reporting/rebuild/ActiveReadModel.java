package cn.fupin.reporting.rebuild;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The schema of the read models in use. Every connection handed out puts it first on the search path, before
 * {@code reporting} (inbox, outbox, bookkeeping), so readers and the live consumers follow a switch the moment it
 * happens, without restart and without any query naming a schema.
 */
public class ActiveReadModel extends DelegatingDataSource {

    public static final String HOME = "reporting";

    private final AtomicReference<String> active = new AtomicReference<>(HOME);

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
        try (Statement statement = connection.createStatement()) {
            statement.execute(searchPath(active.get()));
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
