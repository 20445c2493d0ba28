package com.boothdesk.app.common;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A value that tells its listeners when it changes. Plain Java, so that domain and service code can publish state
 * without JavaFX; the UI bridges it to the FX thread in one place ({@code ui.UiThread}).
 *
 * <p>Listeners run on the thread that calls {@link #set}; they must be quick and must not throw.
 */
public final class Observable<T> {

    private final List<Consumer<? super T>> listeners = new CopyOnWriteArrayList<>();
    private volatile T value;

    public Observable(T initial) {
        this.value = initial;
    }

    public T get() {
        return value;
    }

    public void set(T newValue) {
        T old = value;
        value = newValue;
        if (!Objects.equals(old, newValue)) {
            for (Consumer<? super T> l : listeners) {
                l.accept(newValue);
            }
        }
    }

    /** Registers a listener and calls it at once with the current value. */
    public Subscription subscribe(Consumer<? super T> listener) {
        listeners.add(listener);
        listener.accept(value);
        return () -> listeners.remove(listener);
    }

    /** Handle to stop listening. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
