package com.boothdesk.app.ui.shift;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.boothdesk.app.ui.UiThread;

/**
 * Where a view-model's work runs: {@code background} for the store and the password hash (never the FX thread),
 * {@code ui} for the results (production: {@link UiThread#run}, the one hop onto the FX thread). Tests pass
 * {@link #direct()} and run the view-models without a toolkit.
 */
public record UiExecutors(Executor background, Executor ui) {

    public UiExecutors {
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(ui, "ui");
    }

    /** Background work on a common pool thread, results on the FX thread. */
    public static UiExecutors fx() {
        return new UiExecutors(r -> CompletableFuture.runAsync(r), UiThread::run);
    }

    /** Everything on the caller's thread (view-model tests). */
    public static UiExecutors direct() {
        return new UiExecutors(Runnable::run, Runnable::run);
    }

    /** Runs {@code work} in the background, then {@code done} or {@code failed} on the ui executor. */
    public <T> void run(Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
        background.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                ui.execute(() -> failed.accept(e));
                return;
            }
            ui.execute(() -> done.accept(result));
        });
    }
}
