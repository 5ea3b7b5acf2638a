package cn.fupin.platform.pii;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A pass over the service's stored data run in the background after each start, tried again at the interval until
 * it leaves nothing (a failed pass, or one that left rows others held); stopped with the service.
 */
public abstract class BackgroundPass implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundPass.class);

    private final String name;
    private final Duration interval;
    private volatile Thread worker;

    protected BackgroundPass(String name, Duration interval) {
        this.name = name;
        this.interval = interval;
    }

    /** Runs the pass once; true when it left nothing to do again. */
    protected abstract boolean runPass();

    /** Whether this start needs the pass at all. */
    protected boolean needed() {
        return true;
    }

    @Override
    public void start() {
        if (needed()) {
            worker = Thread.ofPlatform().name(name).daemon().start(this::run);
        }
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (runPass()) {
                    return;
                }
            }
            catch (RuntimeException ex) {
                log.warn("{}: {}; again in {}", name, ex.getMessage(), interval);
            }
            try {
                Thread.sleep(interval);
            }
            catch (InterruptedException ex) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
