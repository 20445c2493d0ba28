package com.boothdesk.app.ui.tools;

import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.boothdesk.app.UplinkRow;
import com.boothdesk.app.ui.UiEnv;
import com.boothdesk.app.ui.port.UplinkQueries;

/** 上传记录: every message for the cloud, newest first, with its delivery state and reason; whole values. */
public final class UplinksViewModel {

    static final int ROWS = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final UiEnv env;
    private final UplinkQueries queries;
    private final ObservableList<UplinkRow> rows = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty(false);

    public UplinksViewModel(UiEnv env, UplinkQueries queries) {
        this.env = env;
        this.queries = queries;
    }

    /** Reads the store on the UI executor; the rows follow on the FX thread. A slow store never holds the screen. */
    public void reload() {
        if (loading.get()) {
            return;
        }
        loading.set(true);
        env.background().execute(() -> {
            try {
                List<UplinkRow> found = queries.recentUplinks(ROWS);
                env.fx().execute(() -> {
                    loading.set(false);
                    error.set("");
                    rows.setAll(found);
                    long failed = found.stream().filter(r -> "FAILED".equals(r.status())).count();
                    long waiting = found.stream().filter(r -> "PENDING".equals(r.status())
                            || "SENT".equals(r.status())).count();
                    summary.set(env.msg().get("ui.uplinks.summary", found.size(), waiting, failed));
                });
            } catch (RuntimeException e) {
                env.fx().execute(() -> {
                    loading.set(false);
                    error.set(env.msg().get("lane.error", String.valueOf(e.getMessage())));
                });
            }
        });
    }

    public String time(UplinkRow r) {
        return TIME.format(r.createdAt().atZone(env.clock().getZone()));
    }

    public String status(UplinkRow r) {
        return env.msg().get("uplink." + r.status());
    }

    public ObservableList<UplinkRow> rows() {
        return rows;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }
}
