package cn.fupin.platform.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that carry one session setting, wanted anew at each checkout (the caller's area, the read
 * models' schema). A pooled connection is told only when the value it was last given differs, so most checkouts
 * cost no round trip. Outside autocommit a rollback could undo the setting, so such a connection is told every
 * time.
 */
public abstract class SessionSettingDataSource extends DelegatingDataSource {

    /** The value each physical connection was last given (pooled connections start at {@link #initial()}). */
    private final Map<Connection, String> given = Collections.synchronizedMap(new WeakHashMap<>());

    protected SessionSettingDataSource(DataSource target) {
        super(target);
    }

    /** The value a connection handed out now must carry. */
    protected abstract String wanted();

    /** What a connection carries before it is told anything; null when nothing is known. */
    protected String initial() {
        return null;
    }

    /** Tells the connection the value. */
    protected abstract void apply(Connection connection, String value) throws SQLException;

    @Override
    public Connection getConnection() throws SQLException {
        return told(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return told(super.getConnection(username, password));
    }

    private Connection told(Connection connection) throws SQLException {
        String value = wanted();
        try {
            Connection physical = connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class)
                    : connection;
            String current = given.containsKey(physical) ? given.get(physical) : initial();
            if (!value.equals(current)) {
                apply(connection, value);
                given.put(physical, connection.getAutoCommit() ? value : null);
            }
        }
        catch (SQLException | RuntimeException ex) {
            connection.close();
            throw ex;
        }
        return connection;
    }
}
