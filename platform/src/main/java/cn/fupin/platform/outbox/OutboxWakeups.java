package cn.fupin.platform.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the relay when outbox rows were committed: the outbox's insert trigger notifies
 * {@code fupin_outbox_<schema>} at commit (platform migration 5), and this listens on a connection of its own. While
 * it listens the relay sleeps until told (or a fallback timeout) instead of polling an empty table every few
 * milliseconds; when the connection is lost it says so, the relay polls as before, and it listens again.
 */
public final class OutboxWakeups {

    private static final Logger log = LoggerFactory.getLogger(OutboxWakeups.class);
    private static final int WAIT_MILLIS = 1000;
    /** Waits without a notification after which the connection is checked. */
    private static final int CHECK_EVERY = 30;

    private final DataSource dataSource;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean listening;
    private volatile boolean running;
    private volatile Thread thread;

    public OutboxWakeups(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-wakeups").daemon().start(this::listen);
    }

    /** Stops listening; waits for the listener, which notices within a wait's second. */
    void stop() {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(Duration.ofSeconds(3));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether commits are heard now; if not, the relay polls. */
    boolean listening() {
        return listening;
    }

    /** Waits until outbox rows were committed or the timeout passed; returns whether some were. */
    boolean await(Duration timeout) throws InterruptedException {
        boolean told = signal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        signal.drainPermits();
        return told;
    }

    private void listen() {
        Duration backoff = Duration.ofMillis(500);
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try {
                    listenOn(connection);
                    backoff = Duration.ofMillis(500);
                }
                finally {
                    listening = false;
                    unlisten(connection);
                }
            }
            catch (SQLException ex) {
                if (!running) {
                    return;
                }
                log.warn("Outbox wake-ups lost ({}); the relay polls, listening again in {} ms", ex.toString(),
                        backoff.toMillis());
            }
            try {
                Thread.sleep(backoff);
            }
            catch (InterruptedException ex) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                    : backoff.multipliedBy(2);
        }
    }

    private void listenOn(Connection connection) throws SQLException {
        String channel;
        try (Statement statement = connection.createStatement();
                ResultSet schema = statement.executeQuery("select current_schema()")) {
            schema.next();
            channel = "fupin_outbox_" + schema.getString(1);
            statement.execute("listen \"" + channel.replace("\"", "") + "\"");
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        listening = true;
        signal.release();
        int quiet = 0;
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                signal.release();
                quiet = 0;
            }
            else if (++quiet >= CHECK_EVERY) {
                quiet = 0;
                if (!connection.isValid(5)) {
                    throw new SQLException("the listening connection is no longer valid");
                }
            }
        }
    }

    private static void unlisten(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("unlisten *");
        }
        catch (SQLException ex) {
            // a broken connection has no listener left to remove
        }
    }
}
