package com.boothdesk.app.ui.lane;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.lane.LaneDirection;
import com.boothdesk.app.domain.lane.LaneException;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.domain.lane.VehicleClasses;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.UiEnv;
import com.boothdesk.app.ui.port.LanePort;

/**
 * proto3: the exit's fee class (车型) of the car on screen, decided at its entry (plate colour, the cloud's car
 * type), and the attendant's switch to another class of the tariff: the lane prices the stay again and the fee box
 * follows; the voice is not replayed. Knows no Node; follows the lane's state on the FX thread.
 */
public final class VehicleClassViewModel {

    private final LanePort port;
    private final UiEnv env;
    private final Messages msg;
    private final boolean exit;
    private final ObservableList<VehicleClasses.Choice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<VehicleClasses.Choice> current = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty shown = new SimpleBooleanProperty(false);
    private final BooleanProperty canSwitch = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private Observable.Subscription subscription;
    private String orderId = "";

    public VehicleClassViewModel(LanePort port, UiEnv env) {
        this.port = port;
        this.env = env;
        this.msg = env.msg();
        this.exit = port.lane().direction() == LaneDirection.EXIT;
    }

    /** Starts following the lane (exit lanes only; an entry lane shows nothing). */
    public VehicleClassViewModel start() {
        if (exit && subscription == null) {
            subscription = port.state().subscribe(s -> {
                List<VehicleClasses.Choice> all = port.vehicleClasses();
                env.fx().execute(() -> apply(s, all));
            });
        }
        return this;
    }

    void apply(LaneState s, List<VehicleClasses.Choice> all) {
        if (!all.equals(choices)) {
            choices.setAll(all);
        }
        boolean stay = s != null && s.order() != null && (s.phase() == LanePhase.AWAITING_PAYMENT
                || s.phase() == LanePhase.AWAITING_CONFIRMATION || s.phase() == LanePhase.RELEASED);
        shown.set(stay);
        if (!stay) {
            current.set(null);
            name.set("");
            canSwitch.set(false);
            orderId = "";
            error.set("");
            return;
        }
        String id = s.order().carType() == null ? "" : s.order().carType();
        VehicleClasses.Choice c = all.stream().filter(ch -> ch.id().equals(id)).findFirst()
                .orElse(new VehicleClasses.Choice(id, id));
        if (!s.order().orderId().equals(orderId)) {
            error.set(""); // another car: the previous car's message goes
            orderId = s.order().orderId();
        }
        current.set(c);
        name.set(c.name());
        boolean noRecord = s.quote() != null && "no-record".equals(s.quote().tariffId());
        canSwitch.set(s.phase() != LanePhase.RELEASED && !noRecord && all.size() > 1);
    }

    /** The attendant picked a class (the control): the stay is priced again as that class. */
    public void choose(VehicleClasses.Choice choice) {
        if (choice == null || current.get() == null || choice.id().equals(current.get().id())) {
            return; // the control showing the class it already has
        }
        if (!canSwitch.get()) {
            error.set(msg.get("class.nothing"));
            return;
        }
        if (busy.get()) {
            error.set(msg.get("ui.lane.busy"));
            return;
        }
        error.set("");
        busy.set(true);
        CompletableFuture<Void> f;
        try {
            f = port.switchClass(choice.id());
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.orTimeout(env.commandTimeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) ->
                env.fx().execute(() -> {
                    busy.set(false);
                    if (e != null) {
                        failed(e);
                    }
                }));
    }

    /** The key (Ctrl+F11): the next class of the tariff after the car's. */
    public void next() {
        if (!canSwitch.get() || current.get() == null) {
            error.set(msg.get("class.nothing"));
            return;
        }
        int i = choices.indexOf(current.get());
        choose(choices.get((i + 1) % choices.size()));
    }

    private void failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof LaneException le) {
            this.error.set(Messages.withKeys(msg.get(le.messageKey(), le.args().toArray()), null));
        } else if (cause instanceof TimeoutException) {
            this.error.set(msg.get("ui.lane.timeout", env.commandTimeout().toSeconds()));
        } else {
            this.error.set(msg.get("lane.error", String.valueOf(cause.getMessage())));
        }
        // the control goes back to the class the stay has
        VehicleClasses.Choice c = current.get();
        current.set(null);
        current.set(c);
    }

    public ObservableList<VehicleClasses.Choice> choices() {
        return choices;
    }

    public ObjectProperty<VehicleClasses.Choice> currentProperty() {
        return current;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty shownProperty() {
        return shown;
    }

    public BooleanProperty canSwitchProperty() {
        return canSwitch;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
