package com.boothdesk.app.ui.site;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.boothdesk.app.ui.Messages;

/**
 * 回放冲突: the supervisor's list of what the replay of an outage journal could not apply as it was (the same car let
 * out at two booths, an entry whose car had left elsewhere, an exit without a stay), newest first, each with its rule
 * in words. Read on the background executor; while the site database is down the list says so instead.
 */
public final class ConflictListViewModel {

    static final int ROWS = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SiteDatabasePort port;
    private final Messages msg;
    private final ZoneId zone;
    private final Executor fx;
    private final Executor background;
    private final ObservableList<SiteDatabasePort.ConflictRow> rows = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty(false);

    public ConflictListViewModel(SiteDatabasePort port, Messages msg, ZoneId zone, Executor fx, Executor background) {
        this.port = port;
        this.msg = msg;
        this.zone = zone;
        this.fx = fx;
        this.background = background;
    }

    /** Reads the conflicts; the rows follow on the FX thread. */
    public void reload() {
        if (loading.get()) {
            return;
        }
        if (port.state() != SiteDatabasePort.State.UP) {
            error.set(msg.get("site.conflicts.down"));
            return;
        }
        loading.set(true);
        background.execute(() -> {
            try {
                List<SiteDatabasePort.ConflictRow> found = port.conflicts(ROWS);
                fx.execute(() -> {
                    loading.set(false);
                    error.set("");
                    rows.setAll(found);
                    summary.set(msg.get("site.conflicts.summary", found.size()));
                });
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    loading.set(false);
                    error.set(msg.get("lane.error", String.valueOf(e.getMessage())));
                });
            }
        });
    }

    public String foundAt(SiteDatabasePort.ConflictRow r) {
        return TIME.format(r.foundAt().atZone(zone));
    }

    public String at(SiteDatabasePort.ConflictRow r) {
        return TIME.format(r.at().atZone(zone));
    }

    /** The kind in the operator's words (the rule that made it). */
    public String kind(SiteDatabasePort.ConflictRow r) {
        return msg.get("site.conflicts.kind." + r.kind());
    }

    public ObservableList<SiteDatabasePort.ConflictRow> rows() {
        return rows;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }
}
