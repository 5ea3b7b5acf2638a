package cn.fupin.platform.faults;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps where the fault tests make a service die as a crash would, at the exact moment a crash is worst: the JVM
 * halts (no shutdown hook runs, nothing pending is committed — a consumer's Kafka offsets, the relay's delete of what it
 * sent), and the operating system closes its connections. Named by {@code fupin.faults.crash-at} (the environment's
 * {@code FUPIN_FAULTS_CRASH_AT}) as {@code <point>} or {@code <point>:<consumer>}; unset, as in every deployment, no
 * point does anything. A service started again without it goes on from what it had committed.
 */
public final class CrashPoints {

    public static final CrashPoints NONE = new CrashPoints(null, null);

    private static final Logger log = LoggerFactory.getLogger(CrashPoints.class);
    /** What {@code kill -9} leaves as a process's exit status. */
    private static final int KILLED = 137;

    /** A step of the event flow where a crash loses or repeats something unless the design holds. */
    public enum Point {
        /** A consumer's transaction (effects and inbox rows) committed, its Kafka offsets not yet. */
        INBOX_COMMITTED,
        /** The relay read a batch of committed outbox rows, nothing of it sent yet. */
        RELAY_READ,
        /** Kafka acknowledged the relay's batch, its outbox rows not yet deleted. */
        RELAY_SENT;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Optional<Point> of(String label) {
            return Arrays.stream(values()).filter(point -> point.label().equals(label)).findFirst();
        }
    }

    private final Point point;
    private final String consumer;

    private CrashPoints(Point point, String consumer) {
        this.point = point;
        this.consumer = consumer;
    }

    /**
     * @param setting {@code <point>} or {@code <point>:<consumer>}, blank for none
     * @throws IllegalArgumentException naming the points there are, for a setting that names none of them
     */
    public static CrashPoints of(String setting) {
        if (setting == null || setting.isBlank()) {
            return NONE;
        }
        String[] parts = setting.strip().split(":", 2);
        Point point = Point.of(parts[0]).orElseThrow(() -> new IllegalArgumentException("fupin.faults.crash-at: "
                + "no crash point '" + parts[0] + "'; there are " + Arrays.stream(Point.values()).map(Point::label).toList()));
        return new CrashPoints(point, parts.length == 2 ? parts[1] : null);
    }

    /** Whether a point is set at all. */
    public boolean armed() {
        return point != null;
    }

    /** Halts the JVM if this is the point (of any consumer, or of the one named). */
    public void reached(Point reached, String consumerName) {
        if (reached == point && (consumer == null || consumer.equals(consumerName))) {
            log.error("Crash point {} reached{}: halting as kill -9 would", reached.label(),
                    consumerName == null ? "" : " by " + consumerName);
            Runtime.getRuntime().halt(KILLED);
        }
    }

    public void reached(Point reached) {
        reached(reached, null);
    }
}
