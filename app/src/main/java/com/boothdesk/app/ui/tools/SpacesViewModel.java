package com.boothdesk.app.ui.tools;

import java.util.List;
import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.boothdesk.app.ui.UiEnv;
import com.boothdesk.app.ui.port.SpaceAdjustments;

/** 余位校正: the attendant changes an area's remaining spaces by a signed amount; a reason is required. */
public final class SpacesViewModel {

    /** An area as chosen: its id and the name the attendant reads. */
    public record Area(String id, String name, int free) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final UiEnv env;
    private final SpaceAdjustments spaces;
    private final Function<String, String> areaName;
    private final ObservableList<Area> areas = FXCollections.observableArrayList();
    private final ObjectProperty<Area> area = new SimpleObjectProperty<>();
    private final StringProperty delta = new SimpleStringProperty("0");
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty feedback = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public SpacesViewModel(UiEnv env, SpaceAdjustments spaces, Function<String, String> areaName) {
        this.env = env;
        this.spaces = spaces;
        this.areaName = areaName;
    }

    /** Reads the areas and their free spaces (UI executor). */
    public void load() {
        env.background().execute(() -> {
            try {
                List<Area> found = spaces.areas().stream()
                        .map(a -> new Area(a, areaName.apply(a), spaces.free(a))).toList();
                env.fx().execute(() -> {
                    String was = area.get() == null ? null : area.get().id();
                    areas.setAll(found);
                    area.set(found.stream().filter(a -> a.id().equals(was)).findFirst()
                            .orElse(found.isEmpty() ? null : found.get(0)));
                });
            } catch (RuntimeException e) {
                env.fx().execute(() -> fail(env.msg().get("lane.error", String.valueOf(e.getMessage()))));
            }
        });
    }

    public void apply() {
        var msg = env.msg();
        Area a = area.get();
        if (a == null) {
            fail(msg.get("ui.spaces.noarea"));
            return;
        }
        int d;
        try {
            d = Integer.parseInt(delta.get() == null ? "" : delta.get().trim().replace("+", ""));
        } catch (NumberFormatException e) {
            fail(msg.get("ui.spaces.baddelta", delta.get()));
            return;
        }
        if (d == 0) {
            fail(msg.get("ui.spaces.zero"));
            return;
        }
        String why = reason.get() == null ? "" : reason.get().trim();
        if (why.isEmpty()) {
            fail(msg.get("reason.required"));
            return;
        }
        busy.set(true);
        env.background().execute(() -> {
            try {
                int now = spaces.adjust(a.id(), d, why);
                env.fx().execute(() -> {
                    busy.set(false);
                    failed.set(false);
                    feedback.set(msg.get("spaces.done", a.name(), now));
                    reason.set("");
                    delta.set("0");
                    load();
                });
            } catch (RuntimeException e) {
                env.fx().execute(() -> {
                    busy.set(false);
                    fail(msg.get("lane.error", String.valueOf(e.getMessage())));
                });
            }
        });
    }

    private void fail(String text) {
        failed.set(true);
        feedback.set(text);
    }

    public ObservableList<Area> areas() {
        return areas;
    }

    public ObjectProperty<Area> areaProperty() {
        return area;
    }

    public StringProperty deltaProperty() {
        return delta;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty feedbackProperty() {
        return feedback;
    }

    public BooleanProperty failedProperty() {
        return failed;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
