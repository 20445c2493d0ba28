package com.boothdesk.app.ui;

import java.util.function.Consumer;

import javafx.application.Platform;

import com.boothdesk.app.common.Observable;

/**
 * The one way onto the JavaFX application thread. Services, devices and the SDK publish on their own threads;
 * the UI hops here and nowhere else ({@code Platform.runLater} appears in this class only).
 */
public final class UiThread {

    private UiThread() {
    }

    /** Runs {@code r} on the FX thread: at once if already there, else queued. Never blocks the caller. */
    public static void run(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    /**
     * Follows an observable from the FX thread. {@code prepare} runs on the publisher's thread (decode images
     * there, not on the FX thread), {@code apply} on the FX thread.
     */
    public static <T, V> Observable.Subscription follow(Observable<T> source, java.util.function.Function<T, V> prepare,
                                                       Consumer<V> apply) {
        return source.subscribe(value -> {
            V prepared = prepare.apply(value);
            run(() -> apply.accept(prepared));
        });
    }
}
