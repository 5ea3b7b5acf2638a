package cn.fupin.reporting.rebuild;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import cn.fupin.platform.jdbc.SessionSettingDataSource;

/**
 * The schema of the read models in use. Every connection handed out has it first on the search path, before
 * {@code reporting} (inbox, outbox, bookkeeping), so readers and the live consumers follow a switch the moment it
 * happens, without restart and without any query naming a schema ({@link SessionSettingDataSource}: a pooled
 * connection is told only when the active schema differs from the one it was last given).
 */
public class ActiveReadModel extends SessionSettingDataSource {

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

    /** The search path that puts a read-model schema first. Schema names are the service's own, never input. */
    static String searchPath(String schema) {
        if (!schema.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a read-model schema: " + schema);
        }
        return schema.equals(HOME) ? "set search_path to " + HOME : "set search_path to " + schema + ", " + HOME;
    }
}
