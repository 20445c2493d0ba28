package com.boothdesk.app.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.boothdesk.app.domain.gate.BarrierAction;
import com.boothdesk.app.domain.lane.LaneDirection;
import com.boothdesk.app.ui.correction.CorrectionViewModel;
import com.boothdesk.app.ui.header.HeaderViewModel;
import com.boothdesk.app.ui.keys.Action;
import com.boothdesk.app.ui.keys.Chord;
import com.boothdesk.app.ui.keys.KeyCommand;
import com.boothdesk.app.ui.keys.LaneSelection;
import com.boothdesk.app.ui.lane.LaneViewModel;
import com.boothdesk.app.ui.port.UiPorts;
import com.boothdesk.app.ui.tools.SpacesViewModel;
import com.boothdesk.app.ui.tools.UplinksViewModel;

/**
 * The booth screen as a whole: the lanes, which one is selected (the keys act on it alone), the status line naming
 * it, the legend of its keys, and the dialog the attendant asked for (plate correction). Keys arrive as
 * {@link Chord}s; the {@code Keymap} decides what they mean, this class only carries it out on the named lane.
 */
public final class BoothViewModel {

    /** One entry of the legend bar: the key and what it does. */
    public record Legend(String key, String label) {
    }

    private final UiEnv env;
    private final com.boothdesk.app.ui.port.StatusFeed statusFeed;
    private final List<LaneViewModel> lanes;
    private final Map<String, LaneViewModel> byId = new LinkedHashMap<>();
    private final LaneSelection selection;
    private final HeaderViewModel header;
    private final UplinksViewModel uplinks;
    private final SpacesViewModel spaces;
    private final ReadOnlyObjectWrapper<LaneViewModel> selected = new ReadOnlyObjectWrapper<>();
    private final StringProperty statusLine = new SimpleStringProperty("");
    private final ObservableList<Legend> legend = FXCollections.observableArrayList();
    private final ObjectProperty<CorrectionViewModel> correction = new SimpleObjectProperty<>();
    /** The window's language: texts written once (buttons, captions) bind to it and follow a switch. */
    private final Language language;

    public BoothViewModel(UiPorts ports, UiEnv env) {
        this.env = env;
        this.statusFeed = ports.status();
        this.lanes = ports.lanes().stream().map(p -> new LaneViewModel(p, env)).toList();
        lanes.forEach(l -> byId.put(l.laneId(), l));
        Map<String, String> names = new LinkedHashMap<>();
        lanes.forEach(l -> names.put(l.laneId(), l.laneName()));
        this.language = new Language(env.msg(), env.fx());
        this.header = new HeaderViewModel(env, ports.status(), names);
        this.uplinks = new UplinksViewModel(env, ports.uplinks());
        this.spaces = new SpacesViewModel(env, ports.spaces(), header::areaName);
        String firstExit = lanes.stream().filter(LaneViewModel::isExit).map(LaneViewModel::laneId).findFirst()
                .orElse(lanes.isEmpty() ? null : lanes.get(0).laneId());
        this.selection = lanes.isEmpty() ? null : new LaneSelection(List.copyOf(byId.keySet()), firstExit);
        for (LaneViewModel l : lanes) {
            l.phaseProperty().addListener((o, a, b) -> {
                if (selection != null && selection.waiting(l.laneId(), LaneViewModel.WAITING.contains(b))) {
                    showSelection();
                }
            });
        }
        showSelection();
        // a language switch: the status line and the legend are told again (the lanes and the header do their own)
        language.localeProperty().addListener((o, a, b) -> showSelection());
    }

    /** The window's language, for the views' texts written once (they bind to {@link Language#text}). */
    public Language language() {
        return language;
    }

    /** Starts following the application. */
    public void start() {
        header.start();
        lanes.forEach(l -> l.start(statusFeed));
    }

    public void dispose() {
        language.close();
        header.dispose();
        lanes.forEach(LaneViewModel::dispose);
    }

    /** The attendant clicked a lane. */
    public void select(String laneId) {
        if (selection != null && byId.containsKey(laneId)) {
            selection.select(laneId);
            showSelection();
        }
    }

    /**
     * A key press: true when it meant something (the caller then consumes it). Every action goes to the selected
     * lane; the next-lane key moves the selection.
     */
    public boolean onKey(Chord chord, boolean typing) {
        if (selection == null) {
            return false;
        }
        Optional<KeyCommand> cmd = env.keymap().resolve(chord, List.copyOf(byId.keySet()), selection.selected(),
                typing);
        if (cmd.isEmpty()) {
            return false;
        }
        KeyCommand c = cmd.get();
        if (c.action() == Action.NEXT_LANE) {
            select(c.laneId());
            return true;
        }
        LaneViewModel lane = byId.get(c.laneId());
        switch (c.action()) {
            case CASH -> lane.cash();
            case FREE -> lane.free();
            case CONFIRM -> lane.confirm();
            case REFUSE -> lane.refuse();
            case NO_RECORD -> lane.noRecord();
            case CORRECT -> openCorrection(lane);
            case BARRIER_OPEN -> lane.barrier(BarrierAction.OPEN);
            case BARRIER_CLOSE -> lane.barrier(BarrierAction.CLOSE);
            case KEEP_OPEN -> lane.barrier(BarrierAction.KEEP_OPEN);
            case RELEASE_KEEP_OPEN -> lane.barrier(BarrierAction.RELEASE_KEEP_OPEN);
            case PICK_1, PICK_2, PICK_3, PICK_4, PICK_5 -> lane.pick(c.action().pickIndex());
            case VEHICLE_CLASS -> lane.vehicleClass().next(); // proto3: the exit's fee class
            case LATER_PAY -> lane.checkout().laterPay(lane, env.fx()); // proto4: 2.44 先走后付
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Opens the correction dialog for {@code lane} (F6 on the selected lane, or its button). */
    public void openCorrection(LaneViewModel lane) {
        select(lane.laneId());
        String base = lane.correctionBase();
        if (base == null) {
            return; // the lane says why there is nothing to correct
        }
        correction.set(new CorrectionViewModel(env.msg(), lane.laneId(), lane.laneName(), base, lane::correct));
    }

    /** The dialog closed. */
    public void correctionClosed() {
        correction.set(null);
    }

    private void showSelection() {
        if (selection == null) {
            statusLine.set(env.msg().get("ui.status.nolanes"));
            return;
        }
        LaneViewModel now = byId.get(selection.selected());
        lanes.forEach(l -> l.selectedProperty().set(l == now));
        // each lane's key hints as the selection now stands: a key that acts on another lane is never named alone
        List<String> ids = List.copyOf(byId.keySet());
        for (LaneViewModel l : lanes) {
            l.keys(a -> env.keymap().keysFor(a, ids, now.laneId(), l.laneId()));
        }
        selected.set(now);
        var msg = env.msg();
        statusLine.set(msg.get("ui.status.selected", now.laneName(), now.laneId(),
                env.keymap().label(Action.NEXT_LANE)));
        List<Legend> items = new java.util.ArrayList<>();
        for (Action a : env.keymap().legend(now.isExit() ? LaneDirection.EXIT : LaneDirection.ENTRY)) {
            String key = env.keymap().label(a);
            if (key.isEmpty()) {
                continue;
            }
            if (a == Action.PICK_1) {
                key = key + "-" + env.keymap().label(Action.PICK_5);
            }
            items.add(new Legend(key, msg.get("ui.action." + a.configName())));
        }
        legend.setAll(items);
    }

    /** The label of an action's button: its text and its key, e.g. "现金收费 F1". */
    public String buttonText(Action a) {
        String key = env.keymap().label(a);
        return env.msg().get("ui.action." + a.configName()) + (key.isEmpty() ? "" : "  " + key);
    }

    /** {@link #buttonText} that follows the language switch. */
    public javafx.beans.binding.StringBinding buttonTextBinding(Action a) {
        return language.text(() -> buttonText(a));
    }

    public List<LaneViewModel> lanes() {
        return lanes;
    }

    public Optional<LaneViewModel> lane(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public ReadOnlyObjectProperty<LaneViewModel> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public StringProperty statusLineProperty() {
        return statusLine;
    }

    public ObservableList<Legend> legend() {
        return legend;
    }

    public ObjectProperty<CorrectionViewModel> correctionProperty() {
        return correction;
    }

    public HeaderViewModel header() {
        return header;
    }

    public UplinksViewModel uplinks() {
        return uplinks;
    }

    public SpacesViewModel spaces() {
        return spaces;
    }

    public UiEnv env() {
        return env;
    }
}
