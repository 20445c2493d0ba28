package com.boothdesk.app.ui;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import com.boothdesk.app.common.Observable;

/**
 * The booth window's language as a JavaFX property, for texts that are written once (a button, a caption): bound to
 * {@link #text}, they follow {@link Messages#switchTo} without the window being rebuilt. The switch reaches the
 * property through {@code fx} (the FX-thread hop, {@link UiThread#run} in the booth, a direct call in tests). No
 * {@code Node}: view-models may hold it.
 */
public final class Language {

    private final Messages msg;
    private final ReadOnlyObjectWrapper<Locale> locale;
    private final Observable.Subscription subscription;

    public Language(Messages msg, Executor fx) {
        this.msg = msg;
        this.locale = new ReadOnlyObjectWrapper<>(msg.locale());
        this.subscription = msg.language().subscribe(l -> fx.execute(() -> locale.set(l)));
    }

    /** The language now (changes on the FX thread). */
    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return locale.getReadOnlyProperty();
    }

    /** {@code key} in the language of the moment. */
    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> msg.get(key, args), locale);
    }

    /** A text made by {@code make} (which reads {@link Messages}), made again after each switch. */
    public StringBinding text(Supplier<String> make) {
        return Bindings.createStringBinding(make::get, locale);
    }

    /** Runs {@code r} now and after every switch (on the FX thread). */
    public void follow(Runnable r) {
        locale.addListener((o, a, b) -> r.run());
        r.run();
    }

    public Messages msg() {
        return msg;
    }

    public void close() {
        subscription.close();
    }
}
