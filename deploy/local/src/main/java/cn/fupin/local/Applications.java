package cn.fupin.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Waits for Spring Boot applications started together. All are watched at once, so a service that dies is
 * reported at once (and the wait for the others abandoned) rather than after a slower one became ready.
 * Ready means the readiness probe says UP: the context is refreshed and the application accepts traffic.
 */
final class Applications {

    /** An application that has been started, and when. */
    record Launched(ServiceSpec spec, ChildProcess process, long startNanos) {
    }

    private Applications() {
    }

    static void awaitReady(List<Launched> launched, Duration timeout) {
        try (ExecutorService waiters = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (Launched app : launched) {
                futures.add(waiters.submit(() -> awaitReady(app, timeout)));
            }
            for (Future<?> future : futures) {
                awaitOrCancelAll(future, futures);
            }
        }
    }

    private static void awaitReady(Launched app, Duration timeout) {
        Readiness.await(app.spec().name(), Optional.of(app.process().process()), app.process().log(), timeout,
                Readiness.httpOk(app.spec().readiness(), "\"status\":\"UP\""));
        Console.say(app.spec().name() + " ready ("
                + Console.seconds(Duration.ofNanos(System.nanoTime() - app.startNanos())) + ")");
    }

    private static void awaitOrCancelAll(Future<?> future, List<Future<?>> all) {
        try {
            future.get();
        }
        catch (ExecutionException ex) {
            all.forEach(other -> other.cancel(true));
            throw ex.getCause() instanceof RuntimeException runtime ? runtime
                    : new StackStartException(ex.getCause().getMessage(), ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            all.forEach(other -> other.cancel(true));
            throw new StackStartException("interrupted while waiting for the services", ex);
        }
    }
}
