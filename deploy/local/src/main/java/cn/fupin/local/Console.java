package cn.fupin.local;

import java.time.Duration;
import java.util.Locale;

/**
 * The launcher's own voice on standard output. The parts log to their own files, so the terminal shows only
 * what a developer needs: which part is starting, when it is ready and how long it took.
 */
final class Console {

    private Console() {
    }

    static void say(String message) {
        System.out.println("[fupin] " + message);
    }

    static void warn(String message) {
        System.out.println("[fupin] WARNING: " + message);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
