package com.boothdesk.app.ui.correction;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import com.boothdesk.app.ui.Messages;

/**
 * The plate-correction dialog (F6) for one lane, fixed when it opens: the province grid, letter and digit keys, the
 * ordinary 7-character and the 8-character new-energy form, and the confirmation old → new. The lane it corrects
 * never changes while it is open, whatever the attendant selects meanwhile.
 */
public final class CorrectionViewModel {

    /** The 31 provinces' abbreviations, in the usual keyboard order. */
    public static final List<String> PROVINCES = List.of("京", "津", "沪", "渝", "冀", "豫", "云", "辽", "黑", "湘",
            "皖", "鲁", "新", "苏", "浙", "赣", "鄂", "桂", "甘", "晋", "蒙", "陕", "吉", "闽", "贵", "粤", "青", "藏",
            "川", "宁", "琼");
    /** Special plates: 使 (embassy, first) and the suffixes 领 警 学 挂 港 澳. */
    public static final List<String> SPECIALS = List.of("使", "领", "警", "学", "挂", "港", "澳");
    /** Letters on plates (no I and O), then the digits. */
    public static final List<String> LETTERS = List.of("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M",
            "N", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z");
    public static final List<String> DIGITS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0");

    private static final String SUFFIXES = "领警学挂港澳";

    private final Messages msg;
    private final String laneId;
    private final String laneName;
    private final String oldPlate;
    private final Function<String, java.util.concurrent.CompletableFuture<String>> apply;
    private final StringProperty plate = new SimpleStringProperty("");
    private final BooleanProperty newEnergy = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty done = new SimpleBooleanProperty(false);
    private final StringBinding problem;
    private final BooleanBinding valid;
    private final StringBinding confirmation;

    /**
     * @param apply sends the new plate to the lane; completes (on the FX thread) with "" when the lane took it, else why not
     */
    public CorrectionViewModel(Messages msg, String laneId, String laneName, String oldPlate,
                               Function<String, java.util.concurrent.CompletableFuture<String>> apply) {
        this.msg = msg;
        this.laneId = laneId;
        this.laneName = laneName;
        this.oldPlate = oldPlate == null ? "" : oldPlate;
        this.apply = apply;
        plate.set(this.oldPlate);
        newEnergy.set(this.oldPlate.length() == 8);
        problem = Bindings.createStringBinding(() -> check(plate.get(), newEnergy.get()), plate, newEnergy);
        valid = problem.isEmpty();
        confirmation = Bindings.createStringBinding(() -> (this.oldPlate.isEmpty() ? msg.get("lane.noplate")
                : this.oldPlate) + "  →  " + (plate.get().isEmpty() ? "?" : plate.get()), plate);
        plate.addListener((o, a, b) -> error.set(""));
    }

    /** Why the typed plate is not a plate yet, or "" when it is one. */
    String check(String p, boolean ne) {
        int want = ne ? 8 : 7;
        if (p.isEmpty()) {
            return msg.get("ui.correct.empty");
        }
        String first = p.substring(0, 1);
        if (!PROVINCES.contains(first) && !"使".equals(first)) {
            return msg.get("ui.correct.province");
        }
        if (p.length() != want) {
            return msg.get("ui.correct.length", want, p.length());
        }
        if (!"使".equals(first) && !Character.isLetter(p.charAt(1)) || "使".equals(first) && !Character.isDigit(p.charAt(1))) {
            return msg.get("ui.correct.second");
        }
        for (int i = 2; i < p.length(); i++) {
            char c = p.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' && c != 'I' && c != 'O' || c >= '0' && c <= '9'
                    || i == p.length() - 1 && SUFFIXES.indexOf(c) >= 0;
            if (!ok) {
                return msg.get("ui.correct.char", i + 1, String.valueOf(c));
            }
        }
        return "";
    }

    /** A key of the grid (or a typed character): appended when there is room. */
    public void press(String key) {
        String k = key.toUpperCase(Locale.ROOT);
        int max = newEnergy.get() ? 8 : 7;
        String p = plate.get();
        if (PROVINCES.contains(k) || "使".equals(k)) {
            // a province always starts the plate: it replaces the first character
            plate.set(p.isEmpty() ? k : k + (PROVINCES.contains(p.substring(0, 1)) || p.startsWith("使")
                    ? p.substring(1) : p));
            return;
        }
        if (p.length() >= max) {
            error.set(msg.get("ui.correct.full", max));
            return;
        }
        plate.set(p + k);
    }

    public void backspace() {
        String p = plate.get();
        if (!p.isEmpty()) {
            plate.set(p.substring(0, p.length() - 1));
        }
    }

    public void clear() {
        plate.set("");
    }

    /** Sends the new plate to the lane; the dialog closes when {@link #doneProperty()} turns true. */
    public void confirm() {
        if (!valid.get()) {
            error.set(problem.get());
            return;
        }
        if (plate.get().equals(oldPlate)) {
            error.set(msg.get("ui.correct.same"));
            return;
        }
        if (busy.get()) {
            return;
        }
        busy.set(true);
        apply.apply(plate.get()).thenAccept(why -> {
            busy.set(false);
            if (why.isEmpty()) {
                done.set(true);
            } else {
                error.set(why);
            }
        });
    }

    public String laneId() {
        return laneId;
    }

    public String title() {
        return msg.get("ui.correct.title", laneName, laneId);
    }

    public String oldPlate() {
        return oldPlate;
    }

    public StringProperty plateProperty() {
        return plate;
    }

    public BooleanProperty newEnergyProperty() {
        return newEnergy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty doneProperty() {
        return done;
    }

    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public StringBinding confirmationProperty() {
        return confirmation;
    }
}
