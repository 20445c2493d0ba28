package com.boothdesk.app.ui.lane;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.BoothStatus;
import com.boothdesk.app.LaneEcho;
import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.gate.BarrierAction;
import com.boothdesk.app.domain.lane.LaneDirection;
import com.boothdesk.app.domain.staff.SupervisedAction;
import com.boothdesk.app.domain.lane.LaneException;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.domain.lane.PlateRead;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.ReasonLists;
import com.boothdesk.app.ui.UiEnv;
import com.boothdesk.app.ui.port.LanePort;

/**
 * One lane on the booth screen, without a single {@code Node}: what the car is (plate, the camera's read, colour,
 * confidence, class and list status), the pictures, what the lane decided, the LED/voice echo, the device health,
 * and the attendant's commands with every enabling and validation rule. Properties change on the FX thread only
 * (through {@link UiEnv#fx()}). Everything shown belongs to the car on screen: when a new car comes, the previous
 * car's voice line, fee, candidates, tendered amount and error go.
 *
 * <p>A failed command says why in {@link #errorProperty()} and the message stays until the attendant acts again
 * (the next command, or typing); a status refresh never clears it, and no field the attendant still needs is
 * cleared by a failure.
 */
public final class LaneViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(LaneViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");
    /** Phases where a car waits for the attendant. */
    public static final Set<LanePhase> WAITING = EnumSet.of(LanePhase.AWAITING_CONFIRMATION,
            LanePhase.AWAITING_MATCH, LanePhase.AWAITING_PAYMENT, LanePhase.NO_RECORD);
    /** Decision message keys → the list status shown beside the car's class. */
    private static final Map<String, String> LIST_STATUS = Map.ofEntries(
            Map.entry("entry.monthly", "ui.list.monthly"), Map.entry("exit.monthly", "ui.list.monthly"),
            Map.entry("entry.monthly.expired", "ui.list.monthly_expired"),
            Map.entry("entry.monthly.otherlane", "ui.list.monthly_otherlane"),
            Map.entry("entry.white", "ui.list.white"), Map.entry("exit.white", "ui.list.white"),
            Map.entry("entry.visitor", "ui.list.visitor"), Map.entry("exit.visitor", "ui.list.visitor"),
            Map.entry("entry.blacklisted", "ui.list.black"), Map.entry("exit.locked", "ui.list.locked"),
            Map.entry("entry.storedvalue", "ui.list.stored"), Map.entry("exit.storedvalue", "ui.list.stored"));

    private final LanePort port;
    private final UiEnv env;
    private final Messages msg;
    private final ZoneId zone;
    private final boolean exit;
    private final CheckoutViewModel checkout;
    private final PickListViewModel picks;
    /** proto3: the exit's fee class and its switch. */
    private final VehicleClassViewModel vehicleClass;

    private final BooleanProperty selected = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<LanePhase> phase = new ReadOnlyObjectWrapper<>(LanePhase.IDLE);
    private final StringProperty plate = new SimpleStringProperty("—");
    private final StringProperty readPlate = new SimpleStringProperty("");
    private final StringProperty plateColour = new SimpleStringProperty("");
    private final StringProperty plateColourCode = new SimpleStringProperty("");
    private final StringProperty confidence = new SimpleStringProperty("");
    private final StringProperty carClass = new SimpleStringProperty("");
    private final StringProperty listStatus = new SimpleStringProperty("");
    private final StringProperty time = new SimpleStringProperty("");
    private final StringProperty inTime = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<byte[]> scenePicture = new SimpleObjectProperty<>();
    private final ObjectProperty<byte[]> entryPicture = new SimpleObjectProperty<>();
    private final ObjectProperty<byte[]> plateCrop = new SimpleObjectProperty<>();
    private final StringProperty led = new SimpleStringProperty("");
    private final StringProperty voice = new SimpleStringProperty("");
    private final StringProperty devices = new SimpleStringProperty("");
    private final BooleanProperty devicesTrouble = new SimpleBooleanProperty(false);
    private final StringProperty reason = new SimpleStringProperty("");
    private final ObjectProperty<ReasonLists.Kind> reasonKind = new SimpleObjectProperty<>(ReasonLists.Kind.BARRIER);
    private final ObservableList<String> reasonChoices = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    /** The error and the note as made (not as text), so that a language switch tells them again in the new one. */
    private Supplier<String> errorText = () -> "";
    private Supplier<String> infoText = () -> "";
    private final StringProperty title = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    private final BooleanBinding paying = phase.isEqualTo(LanePhase.AWAITING_PAYMENT);
    private final BooleanBinding unmatched = phase.isEqualTo(LanePhase.AWAITING_MATCH)
            .or(phase.isEqualTo(LanePhase.NO_RECORD));
    private final BooleanBinding canCash;
    private final BooleanBinding canFree;
    private final BooleanBinding canConfirm;
    private final BooleanBinding canRefuse;
    private final BooleanBinding canNoRecord;
    private final BooleanBinding canSearch;
    private final BooleanBinding canCorrect;
    private final BooleanBinding canBarrier;

    private final List<Observable.Subscription> subscriptions = new java.util.ArrayList<>();
    private LaneState state;
    private String carKey = "";
    private String lastEchoVoice = "";
    private BoothStatus lastStatus;
    /** The keys to press for an action on this lane (the booth sets it from the selection: "F3" or "F12 → F3"). */
    private java.util.function.Function<com.boothdesk.app.ui.keys.Action, String> keys;
    private com.boothdesk.app.ui.port.SupervisorCheck supervisor = com.boothdesk.app.ui.port.SupervisorCheck.NONE;

    public LaneViewModel(LanePort port, UiEnv env) {
        this.port = port;
        this.env = env;
        this.msg = env.msg();
        this.zone = env.clock().getZone();
        this.exit = port.lane().direction() == LaneDirection.EXIT;
        this.checkout = new CheckoutViewModel(msg);
        this.picks = new PickListViewModel(port, env);
        this.vehicleClass = new VehicleClassViewModel(port, env);
        canCash = paying.and(busy.not());
        canFree = paying.and(busy.not());
        canConfirm = phase.isEqualTo(LanePhase.AWAITING_CONFIRMATION).and(busy.not());
        canRefuse = Bindings.createBooleanBinding(() -> WAITING.contains(phase.get()), phase).and(busy.not());
        canNoRecord = unmatched.and(busy.not());
        canSearch = unmatched.and(busy.not());
        canCorrect = Bindings.createBooleanBinding(() -> state != null && state.lastRead() != null
                && (WAITING.contains(phase.get()) || phase.get() == LanePhase.ENTERED), phase).and(busy.not());
        canBarrier = busy.not();
        reasonKind.addListener((o, a, b) -> reasonChoices.setAll(env.reasons().of(b)));
        reasonChoices.setAll(env.reasons().of(reasonKind.get()));
        // the attendant acting on a field is acting: an old error goes
        reason.addListener((o, a, b) -> clearErrorIfTyping());
        checkout.tenderedProperty().addListener((o, a, b) -> clearErrorIfTyping());
        this.keys = a -> env.keymap().label(a);
        title.set(makeTitle());
        // the language switch (Messages.switchTo): every text this lane shows is told again in the new language
        subscriptions.add(msg.language().subscribe(l -> env.fx().execute(this::relabel)));
    }

    /**
     * The keys for an action on this lane as the selection stands (the booth calls it when the selection moves):
     * the status line's key hints ("请确认后放行 (F3)") follow, so a hint never names a key that acts on another lane.
     */
    public void keys(java.util.function.Function<com.boothdesk.app.ui.keys.Action, String> keysForAction) {
        this.keys = keysForAction == null ? a -> env.keymap().label(a) : keysForAction;
        if (state != null) {
            message.set(statusText(state));
        }
        error.set(errorText.get()); // an error naming a key (plate.invalid) follows the selection too
    }

    /** The status text of a state with its key hints filled for this lane. */
    private String statusText(LaneState s) {
        return hinted(msg.get(s.messageKey(), s.messageArgs().toArray()));
    }

    /** A text with its key hints ({@code [key:confirm]}) filled for this lane as the selection stands. */
    private String hinted(String text) {
        return Messages.withKeys(text, name ->
                com.boothdesk.app.ui.keys.Action.fromConfigName(name).map(keys).orElse(""));
    }

    /** Tells everything again in the language of the moment (after {@link Messages#switchTo}). */
    void relabel() {
        title.set(makeTitle());
        if (state != null) {
            render(state);
            LanePhase p = state.phase();
            if (state.quote() != null && (p == LanePhase.AWAITING_PAYMENT || p == LanePhase.AWAITING_CONFIRMATION)) {
                checkout.show(state.quote()); // the fee lines (a paid car's box keeps what it showed)
            }
            picks.relabel();
        }
        if (lastStatus != null) {
            applyDevices(lastStatus);
        }
        error.set(errorText.get());
        info.set(infoText.get());
    }

    /**
     * Who confirms what the site reserves to a supervisor (free release, manual lift, no-record fee, a correction
     * after the fee is shown); asked before
     * the lane command, which is sent only once the check says yes.
     */
    public void supervisor(com.boothdesk.app.ui.port.SupervisorCheck check) {
        this.supervisor = check == null ? com.boothdesk.app.ui.port.SupervisorCheck.NONE : check;
    }

    /** Starts following the lane's state and echo; call once the screen exists. */
    public void start(com.boothdesk.app.ui.port.StatusFeed status) {
        vehicleClass.start();
        subscriptions.add(port.state().subscribe(s -> env.fx().execute(() -> apply(s))));
        subscriptions.add(port.echo().subscribe(e -> env.fx().execute(() -> applyEcho(e))));
        // 3.13 gate_sync: the cloud's name for this lane's channel shows in the title at once
        subscriptions.add(port.laneInfo().subscribe(i -> env.fx().execute(() -> title.set(makeTitle()))));
        if (status != null) {
            subscriptions.add(status.status().subscribe(st -> env.fx().execute(() -> applyDevices(st))));
        }
    }

    public void dispose() {
        subscriptions.forEach(Observable.Subscription::close);
        subscriptions.clear();
    }

    // ---- the state ----------------------------------------------------------------------------------------------

    void apply(LaneState s) {
        LaneState before = state;
        state = s;
        String key = carKey(s);
        boolean newCar = !key.equals(carKey);
        carKey = key;
        if (newCar) {
            error(() -> "");
            info(() -> "");
            // the voice line shown is the car on screen's: a line naming another plate (or none) was the previous car's
            String newPlate = s.lastRead() == null ? "" : s.lastRead().plate();
            if (newPlate.isBlank() || !voice.get().contains(newPlate)) {
                voice.set("");
            }
            checkout.clear();
            picks.clear();
            entryPicture.set(null);
        }
        PlateRead read = s.lastRead();
        ParkingOrder order = s.order();
        render(s);
        scenePicture.set(read == null || read.image().length == 0 ? null : read.image());
        plateCrop.set(read == null || read.plateImage().length == 0 ? null : read.plateImage());
        LanePhase p = s.phase();
        // the fee belongs to the car on screen: shown while it pays and after it paid, gone when it was refused
        if (s.quote() != null && (p == LanePhase.AWAITING_PAYMENT || p == LanePhase.RELEASED
                || p == LanePhase.AWAITING_CONFIRMATION)) {
            checkout.show(s.quote());
        } else if (p != LanePhase.RELEASED) {
            checkout.show(null);
        }
        if (p == LanePhase.AWAITING_MATCH) {
            picks.showCandidates(s.candidates());
        } else if (p != LanePhase.NO_RECORD) {
            picks.clear();
        }
        reasonKind.set(p == LanePhase.AWAITING_PAYMENT ? ReasonLists.Kind.FREE
                : p == LanePhase.AWAITING_MATCH || p == LanePhase.NO_RECORD ? ReasonLists.Kind.NO_RECORD
                : ReasonLists.Kind.BARRIER);
        loadEntryPicture(before, order);
        phase.set(p);
    }

    /** The state's texts, in the language of the moment. */
    private void render(LaneState s) {
        PlateRead read = s.lastRead();
        ParkingOrder order = s.order();
        String readText = read == null ? "" : read.plate().isBlank() ? msg.get("lane.noplate") : read.plate();
        boolean picked = order != null && read != null && !order.plate().equals(read.plate());
        plate.set(order != null ? order.plate() : read != null ? readText : "—");
        readPlate.set(picked ? msg.get("ui.lane.read", readText) : "");
        plateColourCode.set(read == null ? "" : String.valueOf(read.colorCode()));
        plateColour.set(read == null ? "" : msg.get("ui.colour." + Math.max(0, Math.min(read.colorCode(), 6))));
        confidence.set(read == null ? "" : msg.get("ui.lane.confidence", read.confidence()));
        carClass.set(s.kind() == null ? "" : msg.get("ui.kind." + s.kind().name())); // back5: in the language
        String list = LIST_STATUS.get(s.messageKey());
        listStatus.set(list == null ? "" : msg.get(list, s.messageArgs().toArray()));
        time.set(read == null ? "" : TIME.format(read.readAt().atZone(zone)));
        inTime.set(order == null ? "" : msg.get("lane.intime") + " " + TIME.format(order.inTime().atZone(zone)));
        message.set(statusText(s));
    }

    private void loadEntryPicture(LaneState before, ParkingOrder order) {
        String ref = order == null ? null : order.entryImage();
        String was = before == null || before.order() == null ? null : before.order().entryImage();
        if (ref == null) {
            entryPicture.set(null);
            return;
        }
        if (ref.equals(was) && entryPicture.get() != null) {
            return;
        }
        String forCar = carKey;
        env.background().execute(() -> {
            byte[] jpeg = port.picture(ref).orElse(null);
            env.fx().execute(() -> {
                if (forCar.equals(carKey)) {
                    entryPicture.set(jpeg);
                }
            });
        });
    }

    /** One car = one read (plate and time); an order picked for it does not make it another car. */
    private static String carKey(LaneState s) {
        PlateRead r = s.lastRead();
        if (r == null) {
            return s.phase() == LanePhase.IDLE ? "" : "order:" + (s.order() == null ? "" : s.order().orderId());
        }
        return r.readAt() + "|" + r.source().replace("+attendant", "");
    }

    void applyEcho(LaneEcho e) {
        led.set(String.join(" | ", e.lines().stream().filter(l -> !l.isBlank()).toList()));
        // every new utterance is shown; a new car clears what was said for the previous one (see apply)
        if (!Objects.equals(e.voice(), lastEchoVoice)) {
            lastEchoVoice = e.voice();
            voice.set(e.voice());
        }
    }

    void applyDevices(BoothStatus st) {
        lastStatus = st;
        BoothStatus.LaneDevices d = st.devices().get(port.lane().id());
        if (d == null) {
            devices.set(msg.get("health.UNKNOWN"));
            devicesTrouble.set(true);
            return;
        }
        devices.set(msg.get("device.card") + " " + msg.get("health." + d.card()) + "   "
                + msg.get("device.gate") + " " + msg.get("health." + d.gate())
                // cam3: the barrier's position where its camera reports it
                + ("UNKNOWN".equals(d.barrier()) ? "" : " (" + msg.get("camera.barrier." + d.barrier()) + ")") + "   "
                + msg.get("device.camera") + " " + msg.get("health." + d.camera()));
        devicesTrouble.set(!("CONNECTED".equals(d.card()) && "CONNECTED".equals(d.gate())
                && "CONNECTED".equals(d.camera())) || "FAULT".equals(d.barrier()));
    }

    // ---- the attendant's commands (FX thread) -------------------------------------------------------------------

    /** Cash: the typed amount, or exactly the fee when nothing is typed. */
    public void cash() {
        if (!paying.get()) {
            fail(() -> msg.get("settle.nothing"));
            return;
        }
        long fen;
        try {
            fen = checkout.tenderedFen();
        } catch (IllegalArgumentException e) {
            String typed = checkout.tenderedProperty().get();
            fail(() -> msg.get("settle.bad_amount", typed));
            return;
        }
        run(() -> port.settleCash(fen), r -> {
            checkout.settled(r.tenderedFen(), r.changeFen());
            info(() -> "");
        });
    }

    /** Free release with the chosen reason (required). */
    public void free() {
        if (!paying.get()) {
            fail(() -> msg.get("free.nothing"));
            return;
        }
        String why = reasonText();
        if (why.isEmpty()) {
            fail(() -> msg.get("reason.required"));
            return;
        }
        supervised(SupervisedAction.FREE_RELEASE, checkout.dueFenProperty().get(), plate.get(),
                () -> run(() -> port.releaseFree(why), r -> reason.set("")));
    }

    public void confirm() {
        if (phase.get() != LanePhase.AWAITING_CONFIRMATION) {
            fail(() -> msg.get("confirm.nothing"));
            return;
        }
        run(port::confirm, r -> { });
    }

    public void refuse() {
        if (!WAITING.contains(phase.get())) {
            fail(() -> msg.get("refuse.nothing"));
            return;
        }
        run(port::refuse, r -> { });
    }

    /** The no-record fee, with the chosen reason (required). */
    public void noRecord() {
        if (!unmatched.get()) {
            fail(() -> msg.get("norecord.nothing"));
            return;
        }
        String why = reasonText();
        if (why.isEmpty()) {
            fail(() -> msg.get("reason.required"));
            return;
        }
        supervised(SupervisedAction.NO_RECORD_FEE, 0, plate.get(),
                () -> run(() -> port.chargeNoRecord(why), r -> reason.set("")));
    }

    /** Picks the n-th stay shown (1-based); says why when there is none. */
    public void pick(int n) {
        String orderId = picks.orderId(n);
        if (orderId == null) {
            boolean none = unmatched.get();
            fail(() -> none ? msg.get("ui.pick.none", n) : msg.get("pick.nothing"));
            return;
        }
        run(() -> port.pick(orderId), r -> { });
    }

    public void search() {
        if (!unmatched.get()) {
            fail(() -> msg.get("pick.nothing"));
            return;
        }
        error(() -> "");
        picks.runSearch(this::failed);
    }

    /** The attendant's manual barrier command, reason required. */
    public void barrier(BarrierAction action) {
        String why = reasonText();
        if (why.isEmpty()) {
            fail(() -> msg.get("ui.barrier.reason", msg.get("ui.barrier." + action.name())));
            return;
        }
        Runnable command = () -> run(() -> port.barrier(action, why), r -> {
            reason.set("");
            info(() -> msg.get("ui.barrier.done", msg.get("ui.barrier." + action.name()), why));
        });
        if (action == BarrierAction.OPEN || action == BarrierAction.KEEP_OPEN) {
            supervised(SupervisedAction.MANUAL_LIFT, 0, laneName(), command);
        } else {
            command.run();
        }
    }

    /** The plate correction the dialog confirmed. Completes on the FX thread: "" when the lane took it, else why not. */
    public CompletableFuture<String> correct(String newPlate) {
        CompletableFuture<String> done = new CompletableFuture<>();
        Runnable command = () -> run(() -> port.correctPlate(newPlate), r -> done.complete(""),
                e -> done.complete(error.get()));
        if (!paying.get()) {
            command.run();
            return done;
        }
        // the fee is shown: a site may reserve the correction to a supervisor (staff.supervisor_actions)
        supervised(SupervisedAction.CORRECTION_AFTER_FEE, checkout.dueFenProperty().get(),
                plate.get() + " → " + newPlate, command, () -> done.complete(error.get()));
        return done;
    }

    /** The read the correction dialog starts from (the plate shown), or null when there is nothing to correct. */
    public String correctionBase() {
        if (!canCorrect.get()) {
            fail(() -> msg.get("correct.nothing"));
            return null;
        }
        String p = plate.get();
        return "—".equals(p) || msg.get("lane.noplate").equals(p) ? "" : p;
    }

    /**
     * Runs {@code command} once the supervisor check allows {@code action}; a cancelled confirmation sends nothing
     * to the lane and says so. While the check is open the lane counts as busy (no second command meanwhile).
     */
    private void supervised(SupervisedAction action, long amountFen, String subject, Runnable command) {
        supervised(action, amountFen, subject, command, () -> { });
    }

    /** As above; {@code refused} runs (after the reason is shown) when the command is not sent. */
    private void supervised(SupervisedAction action, long amountFen, String subject, Runnable command,
                            Runnable refused) {
        if (busy.get()) {
            fail(() -> msg.get("ui.lane.busy"));
            refused.run();
            return;
        }
        CompletableFuture<Boolean> check;
        try {
            check = supervisor.approve(action, amountFen, subject);
        } catch (RuntimeException e) {
            fail(() -> msg.get("ui.supervisor.refused", action.label()));
            refused.run();
            return;
        }
        if (check.isDone() && !check.isCompletedExceptionally() && Boolean.TRUE.equals(check.getNow(false))) {
            command.run(); // nothing reserved: at once, on this thread
            return;
        }
        busy.set(true);
        check.whenComplete((ok, e) -> env.fx().execute(() -> {
            busy.set(false);
            if (e == null && Boolean.TRUE.equals(ok)) {
                command.run();
            } else {
                fail(() -> msg.get("ui.supervisor.refused", action.label()));
                refused.run();
            }
        }));
    }

    private <T> void run(Supplier<CompletableFuture<T>> command, java.util.function.Consumer<T> onSuccess) {
        run(command, onSuccess, e -> { });
    }

    private <T> void run(Supplier<CompletableFuture<T>> command, java.util.function.Consumer<T> onSuccess,
                         java.util.function.Consumer<Throwable> onFailure) {
        if (busy.get()) {
            fail(() -> msg.get("ui.lane.busy"));
            onFailure.accept(new IllegalStateException("busy"));
            return;
        }
        error(() -> "");
        busy.set(true);
        CompletableFuture<T> f;
        try {
            f = command.get();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.orTimeout(env.commandTimeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) ->
                env.fx().execute(() -> {
                    busy.set(false);
                    if (e != null) {
                        failed(e);
                        onFailure.accept(e);
                    } else {
                        onSuccess.accept(r);
                    }
                }));
    }

    private void failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof LaneException le) {
            fail(() -> hinted(msg.get(le.messageKey(), le.args())));
        } else if (cause instanceof TimeoutException) {
            fail(() -> msg.get("ui.lane.timeout", env.commandTimeout().toSeconds()));
        } else if (cause instanceof UnsupportedOperationException) {
            fail(() -> msg.get("ui.lane.unsupported", String.valueOf(cause.getMessage())));
        } else {
            LOG.error("Action failed on lane {}", port.lane().id(), cause);
            fail(() -> msg.get("lane.error", String.valueOf(cause.getMessage())));
        }
    }

    private void fail(Supplier<String> text) {
        error(text);
        info(() -> "");
    }

    private void error(Supplier<String> text) {
        errorText = text;
        error.set(text.get());
    }

    private void info(Supplier<String> text) {
        infoText = text;
        info.set(text.get());
    }

    private void clearErrorIfTyping() {
        if (!busy.get()) {
            error(() -> "");
        }
    }

    private String reasonText() {
        String r = reason.get();
        return r == null ? "" : r.trim();
    }

    // ---- for the view -------------------------------------------------------------------------------------------

    public LanePort port() {
        return port;
    }

    public String laneId() {
        return port.lane().id();
    }

    public String laneName() {
        return port.lane().name();
    }

    public boolean isExit() {
        return exit;
    }

    public String title() {
        return title.get();
    }

    /** "出口 B1  (B1)": the lane's name and direction, in the language of the moment. */
    public StringProperty titleProperty() {
        return title;
    }

    private String makeTitle() {
        String name = port.lane().name();
        String dir = msg.get(exit ? "lane.exit" : "lane.entry");
        return (name.contains(dir) ? name : dir + " " + name) + "  (" + port.lane().id() + ")";
    }

    public boolean isWaiting() {
        return WAITING.contains(phase.get());
    }

    public CheckoutViewModel checkout() {
        return checkout;
    }

    /** proto3: the exit's fee class (车型) and its switch. */
    public VehicleClassViewModel vehicleClass() {
        return vehicleClass;
    }

    public PickListViewModel picks() {
        return picks;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<LanePhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public StringProperty plateProperty() {
        return plate;
    }

    public StringProperty readPlateProperty() {
        return readPlate;
    }

    public StringProperty plateColourProperty() {
        return plateColour;
    }

    public StringProperty plateColourCodeProperty() {
        return plateColourCode;
    }

    public StringProperty confidenceProperty() {
        return confidence;
    }

    public StringProperty carClassProperty() {
        return carClass;
    }

    public StringProperty listStatusProperty() {
        return listStatus;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public StringProperty inTimeProperty() {
        return inTime;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<byte[]> scenePictureProperty() {
        return scenePicture;
    }

    public ObjectProperty<byte[]> entryPictureProperty() {
        return entryPicture;
    }

    public ObjectProperty<byte[]> plateCropProperty() {
        return plateCrop;
    }

    public StringProperty ledProperty() {
        return led;
    }

    public StringProperty voiceProperty() {
        return voice;
    }

    public StringProperty devicesProperty() {
        return devices;
    }

    public BooleanProperty devicesTroubleProperty() {
        return devicesTrouble;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ObservableList<String> reasonChoices() {
        return reasonChoices;
    }

    public ObjectProperty<ReasonLists.Kind> reasonKindProperty() {
        return reasonKind;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty infoProperty() {
        return info;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canCashProperty() {
        return canCash;
    }

    public BooleanBinding canFreeProperty() {
        return canFree;
    }

    public BooleanBinding canConfirmProperty() {
        return canConfirm;
    }

    public BooleanBinding canRefuseProperty() {
        return canRefuse;
    }

    public BooleanBinding canNoRecordProperty() {
        return canNoRecord;
    }

    public BooleanBinding canSearchProperty() {
        return canSearch;
    }

    public BooleanBinding canCorrectProperty() {
        return canCorrect;
    }

    public BooleanBinding canBarrierProperty() {
        return canBarrier;
    }

    public BooleanBinding payingProperty() {
        return paying;
    }

    public BooleanBinding unmatchedProperty() {
        return unmatched;
    }
}
