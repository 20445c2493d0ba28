package com.boothdesk.app.ops;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops what the booth started exactly once, whichever comes first: the window closing (the run command's own
 * return), a scripted {@code --exit-after}, or the JVM shutting down (SIGTERM, Ctrl+C, Windows log-off), through a
 * shutdown hook. Parts are stopped in reverse order of {@link #add}; a part that fails to stop does not keep the
 * others running.
 */
public final class Lifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final Thread hook = new Thread(() -> stop("JVM shutdown (SIGTERM / Ctrl+C / log-off)"), "booth-shutdown");
    private boolean stopped;

    private Lifecycle() {
    }

    /** A lifecycle whose shutdown hook is registered. */
    public static Lifecycle withShutdownHook() {
        Lifecycle l = new Lifecycle();
        Runtime.getRuntime().addShutdownHook(l.hook);
        return l;
    }

    /** Adds a part to stop; returns it. */
    public synchronized <T extends AutoCloseable> T add(T part) {
        if (stopped) {
            throw new IllegalStateException("the booth is stopping");
        }
        parts.add(part);
        return part;
    }

    /** Stops every part (once; later calls wait for the first and return). */
    public synchronized void stop(String reason) {
        if (stopped) {
            return;
        }
        stopped = true;
        LOG.info("Stopping the booth: {}", reason);
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception | Error e) {
                LOG.warn("Error while stopping {}: {}", parts.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        parts.clear();
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
        LOG.info("booth stopped ({})", reason);
    }

    public synchronized boolean stopped() {
        return stopped;
    }
}
