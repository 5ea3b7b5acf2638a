package cn.fupin.platform.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import cn.fupin.platform.jdbc.SessionSettingDataSource;

/**
 * Tells PostgreSQL whose area a connection works for, so row-level security can hold as the second wall behind the
 * services' own area filters. Every connection handed out carries the setting {@code fupin.area}: the caller's
 * division-code prefix, {@code ''} (everything) for the system's own work outside a request (event consumers, the
 * outbox relay, scheduled checks), and {@value #NOTHING} — matching no row — for a token without a usable area.
 * The policies test {@code p <= division_code < p || '~'} for {@code p = current_setting('fupin.area', true)} in
 * {@code text_pattern_ops} (an index can serve it; a prefix test could not); a connection that was never told sees
 * nothing.
 */
public class AreaScopedDataSource extends SessionSettingDataSource {

    public static final String SETTING = "fupin.area";
    static final String NOTHING = "-";

    public AreaScopedDataSource(DataSource target) {
        super(target);
    }

    /** The area prefix of the current thread's caller, as the policies read it. */
    @Override
    protected String wanted() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            return Caller.SYSTEM.scope().prefix();
        }
        try {
            return AreaScope.of(token.getToken().getClaimAsString(Caller.AREA_CLAIM)).prefix();
        }
        catch (AreaScope.MissingAreaException ex) {
            return NOTHING;
        }
    }

    @Override
    protected void apply(Connection connection, String area) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select set_config(?, ?, false)")) {
            statement.setString(1, SETTING);
            statement.setString(2, area);
            statement.execute();
        }
    }
}
