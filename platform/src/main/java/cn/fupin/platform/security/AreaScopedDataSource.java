package cn.fupin.platform.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Tells PostgreSQL whose area a connection works for, so row-level security can hold as the second wall behind the
 * services' own area filters. Every connection handed out carries the setting {@code fupin.area}: the caller's
 * division-code prefix, {@code ''} (everything) for the system's own work outside a request (event consumers, the
 * outbox relay, scheduled checks), and {@value #NOTHING} — matching no row — for a token without a usable area.
 * The policies test {@code p <= division_code < p || '~'} for {@code p = current_setting('fupin.area', true)} in
 * {@code text_pattern_ops} (an index can serve it; a prefix test could not); a connection that was never told sees
 * nothing. The setting is sent only when a pooled connection last worked for another area.
 */
public class AreaScopedDataSource extends DelegatingDataSource {

    public static final String SETTING = "fupin.area";
    static final String NOTHING = "-";

    private final Map<Connection, String> areas = Collections.synchronizedMap(new WeakHashMap<>());

    public AreaScopedDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(super.getConnection(username, password));
    }

    /** The area prefix of the current thread's caller, as the policies read it. */
    static String currentArea() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken)) {
            return Caller.SYSTEM.scope().prefix();
        }
        try {
            return Caller.current().scope().prefix();
        }
        catch (AreaScope.MissingAreaException ex) {
            return NOTHING;
        }
    }

    private Connection scoped(Connection connection) throws SQLException {
        String area = currentArea();
        try {
            Connection physical = connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class)
                    : connection;
            if (!area.equals(areas.get(physical))) {
                try (PreparedStatement statement = connection.prepareStatement("select set_config(?, ?, false)")) {
                    statement.setString(1, SETTING);
                    statement.setString(2, area);
                    statement.execute();
                }
                // outside autocommit a rollback would undo the setting: then it is sent every time
                areas.put(physical, connection.getAutoCommit() ? area : null);
            }
        }
        catch (SQLException | RuntimeException ex) {
            connection.close();
            throw ex;
        }
        return connection;
    }
}
