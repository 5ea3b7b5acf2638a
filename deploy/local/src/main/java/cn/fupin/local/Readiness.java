package cn.fupin.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Waits until a part answers like a working server, not merely until its process exists: a started JVM is far
 * from a ready service on two shared cores. A process that dies while starting fails the wait at once, with
 * the end of its log, instead of after the whole timeout.
 */
final class Readiness {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int TAIL_LINES = 15;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** One look at the part; false or an exception both mean "not yet". */
    @FunctionalInterface
    interface Probe {
        boolean ready() throws Exception;
    }

    private Readiness() {
    }

    static Duration await(String part, Optional<Process> process, Path log, Duration timeout, Probe probe) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process.isPresent() && !process.get().isAlive()) {
                throw new StackStartException(part + " exited with code " + process.get().exitValue()
                        + " before it was ready; see " + log + tail(log));
            }
            if (isReady(probe)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            sleep();
        }
        throw new StackStartException(part + " was not ready within " + Console.seconds(timeout) + "; see " + log
                + tail(log));
    }

    static Probe httpOk(URI uri, String bodyContains) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        return () -> {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains(bodyContains);
        };
    }

    static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static boolean isReady(Probe probe) {
        try {
            return probe.ready();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new StackStartException("interrupted while waiting", ex);
        }
        catch (Exception ex) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new StackStartException("interrupted while waiting", ex);
        }
    }

    /** The last lines of a log, so the usual cause (a port in use, a bad setting) shows in the terminal. */
    static String tail(Path log) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
            return last.isEmpty() ? "" : "\n  | " + String.join("\n  | ", last);
        }
        catch (IOException | RuntimeException ex) {
            return "";
        }
    }
}
