package com.boothdesk.app.ui.backoffice;

import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.backoffice.history.HistoryViewModel;
import com.boothdesk.app.ui.backoffice.lists.ListsViewModel;
import com.boothdesk.app.ui.backoffice.port.BackOfficePorts;
import com.boothdesk.app.ui.backoffice.reports.ReportsViewModel;
import com.boothdesk.app.ui.backoffice.settings.SettingsViewModel;

/**
 * The back office window: its four screens' view-models, who is using it, and the language, switchable at once —
 * a switch makes new view-models with the other language's text (the view rebuilds on {@link #locale}).
 */
public final class BackOfficeViewModel {

    private final BackOfficePorts ports;
    private final BackOfficeEnv baseEnv;
    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>();
    private final StringProperty who = new SimpleStringProperty("");
    private BackOfficeEnv env;
    private HistoryViewModel history;
    private ListsViewModel lists;
    private SettingsViewModel settings;
    private ReportsViewModel reports;
    /** Who else follows a switch (the booth window's text, {@code Messages.switchTo}); told after the rebuild. */
    private java.util.function.Consumer<Locale> switched = l -> { };

    public BackOfficeViewModel(BackOfficePorts ports, BackOfficeEnv env) {
        this.ports = ports;
        this.baseEnv = env;
        build(env.msg());
    }

    private void build(Messages m) {
        env = baseEnv.withMessages(m);
        history = new HistoryViewModel(ports.history(), env);
        lists = new ListsViewModel(ports.lists(), ports.access(), env);
        settings = new SettingsViewModel(ports.settings(), ports.access(), env);
        settings.onLanguageSwitch(this::switchTo);
        reports = new ReportsViewModel(ports.reports(), env);
        String w = ports.access().who();
        who.set(m.get(ports.access().canChange() ? "bo.who.supervisor" : "bo.who.reader",
                w == null || w.isEmpty() ? "—" : w));
        locale.set(m.locale());
    }

    /** Switches every screen to {@code l} now (zh_CN or English); nothing restarts. */
    public void switchTo(Locale l) {
        Locale target = "en".equals(l.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        if (target.equals(locale.get())) {
            return;
        }
        build(new Messages(target));
        switched.accept(target);
    }

    /** {@code c} learns of every switch (the booth window switches its own text with it). */
    public void onSwitched(java.util.function.Consumer<Locale> c) {
        this.switched = c == null ? l -> { } : c;
    }

    public ObjectProperty<Locale> locale() {
        return locale;
    }

    public StringProperty who() {
        return who;
    }

    public BackOfficeEnv env() {
        return env;
    }

    public Messages msg() {
        return env.msg();
    }

    public HistoryViewModel history() {
        return history;
    }

    public ListsViewModel lists() {
        return lists;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public ReportsViewModel reports() {
        return reports;
    }
}
