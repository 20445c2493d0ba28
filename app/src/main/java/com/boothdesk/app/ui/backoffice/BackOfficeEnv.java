package com.boothdesk.app.ui.backoffice;

import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.ui.Messages;

/**
 * What the back office's view-models share: the text (switchable: a new env per language), the park's zone and
 * clock, the hop onto the FX thread ({@code UiThread::run} in the booth, a direct call in tests) and the one UI
 * executor for store work.
 */
public record BackOfficeEnv(Messages msg, ZoneId zone, Clock clock, Executor fx, Executor background) {

    private static final Logger LOG = LoggerFactory.getLogger(BackOfficeEnv.class);

    /** Runs {@code work} on the UI executor and hands its result, or its failure, to the FX thread. */
    public <T> void async(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        background.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                LOG.warn("Back office work failed: {}", e.toString());
                fx.execute(() -> failed.accept(e));
                return;
            }
            fx.execute(() -> done.accept(result));
        });
    }

    public BackOfficeEnv withMessages(Messages m) {
        return new BackOfficeEnv(m, zone, clock, fx, background);
    }
}
