package com.boothdesk.app.ui;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.BoothContext;
import com.boothdesk.app.LaneEcho;
import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.fee.Fen;
import com.boothdesk.app.domain.lane.ImageStore;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.LaneDirection;
import com.boothdesk.app.domain.lane.LaneException;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.domain.order.ParkingOrder;

/**
 * One lane on the booth screen: the plate, the pictures, what the lane decided and why, the fee with its
 * explanation, what the LED shows, and the attendant's actions for the lane's state (each with its key, see
 * {@link BoothWindow}). Node ids end with the lane id so tests can find them.
 */
public final class LanePane extends VBox {

    private static final Logger LOG = LoggerFactory.getLogger(LanePane.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");
    static final int MAX_PICKS = 5;

    private final LaneController controller;
    private final Messages msg;
    private final ZoneId zone;
    private final ImageStore images;
    private final boolean exit;
    private final List<Observable.Subscription> subscriptions = new ArrayList<>();

    private final Label plate = new Label("—");
    private final Label kind = new Label("");
    private final Label time = new Label("");
    private final Label status = new Label("");
    private final ImageView scene = new ImageView();
    private final ImageView entryScene = new ImageView();
    private final TextArea fee = new TextArea();
    private final Label led = new Label("");
    private final Label voice = new Label("");
    private final Label devices = new Label("");
    private final TextField tendered = new TextField();
    private final Label feedback = new Label("");
    private final Button cash;
    private final Button free;
    private final Button confirm;
    private final Button refuse;
    private final Button noRecord;
    private final Button manualOpen;
    private final Button manualClose;
    private final ComboBox<String> reason = new ComboBox<>();
    private final TextField correction = new TextField();
    private final TextField search = new TextField();
    private final VBox picks = new VBox(4);
    private final List<String> pickOrderIds = new ArrayList<>();

    /** Built on the FX thread. */
    public LanePane(LaneController controller, BoothContext ctx) {
        this.controller = controller;
        this.msg = ctx.messages();
        this.zone = ctx.clock().getZone();
        this.images = ctx.images();
        String id = controller.lane().id();
        this.exit = controller.lane().direction() == LaneDirection.EXIT;
        getStyleClass().addAll("lane", exit ? "lane-exit" : "lane-entry");
        setId("lane-" + id);
        setSpacing(8);
        setPadding(new Insets(12));
        setMinWidth(420);
        HBox.setHgrow(this, Priority.ALWAYS);

        Label title = new Label(controller.lane().name() + "  ·  "
                + msg.get(exit ? "lane.exit" : "lane.entry") + " " + id);
        title.getStyleClass().add("lane-title");
        plate.setId("plate-" + id);
        plate.getStyleClass().add("plate");
        kind.setId("kind-" + id);
        kind.getStyleClass().add("car-kind");
        time.setId("time-" + id);
        status.setId("status-" + id);
        status.getStyleClass().add("lane-status");
        status.setWrapText(true);

        scene.setId("image-" + id);
        scene.setFitWidth(exit ? 200 : 400);
        scene.setFitHeight(exit ? 130 : 240);
        scene.setPreserveRatio(true);
        HBox pictures = new HBox(8, scene);
        if (exit) {
            entryScene.setId("entry-image-" + id);
            entryScene.setFitWidth(200);
            entryScene.setFitHeight(130);
            entryScene.setPreserveRatio(true);
            pictures.getChildren().add(0, entryScene);
        }

        GridPane echo = new GridPane();
        echo.setHgap(8);
        echo.addRow(0, new Label(msg.get("lane.led")), led);
        echo.addRow(1, new Label(msg.get("lane.voice")), voice);
        echo.addRow(2, new Label(msg.get("lane.devices")), devices);
        devices.setId("devices-" + id);
        led.setId("led-" + id);
        led.getStyleClass().add("led");
        voice.setId("voice-" + id);

        correction.setId("correct-" + id);
        correction.setPromptText(msg.get("lane.correct"));
        correction.setPrefColumnCount(9);
        correction.setOnAction(e -> act(controller.correctPlate(correction.getText()), () -> {
            correction.clear();
            getParent().requestFocus(); // back to the keys
        }));

        confirm = button("confirm-" + id, "lane.confirm", () -> act(controller.confirm(), null));
        refuse = button("refuse-" + id, "lane.refuse", () -> act(controller.refuse(), null));
        cash = button("cash-" + id, "lane.cash", this::settleCash);
        cash.getStyleClass().add("action-cash");
        free = button("free-" + id, "lane.free", this::releaseFree);
        noRecord = button("norecord-" + id, "lane.norecord.charge", this::chargeNoRecord);
        // the F7 / F8 keys act on the exit lane; the entry lane's buttons carry no key
        manualOpen = button("manual-open-" + id, exit ? "lane.manual.open.button" : "lane.manual.open.plain",
                () -> manualGate(true));
        manualClose = button("manual-close-" + id, exit ? "lane.manual.close.button" : "lane.manual.close.plain",
                () -> manualGate(false));
        manualOpen.setDisable(false);
        manualClose.setDisable(false);
        manualOpen.getStyleClass().add("action-manual");

        reason.setId("reason-" + id);
        reason.setEditable(true);
        reason.getItems().setAll(controller.rules().freeReasons());
        reason.setPromptText(msg.get("lane.reason"));

        feedback.setId("feedback-" + id);
        feedback.getStyleClass().add("change");
        picks.setId("picks-" + id);

        getChildren().addAll(title, new HBox(16, plate, kind, time), status, pictures, echo,
                new HBox(8, correction, confirm, refuse));
        if (exit) {
            fee.setId("fee-" + id);
            fee.setEditable(false);
            fee.setPrefRowCount(8);
            fee.getStyleClass().add("fee");
            tendered.setId("tendered-" + id);
            tendered.setPromptText(msg.get("lane.tendered"));
            tendered.setPrefColumnCount(7);
            tendered.setOnAction(e -> settleCash());
            search.setId("search-" + id);
            search.setPromptText(msg.get("lane.search"));
            search.setPrefColumnCount(9);
            search.setOnAction(e -> searchStays());
            getChildren().addAll(picks, new HBox(8, search, noRecord), fee,
                    new HBox(8, tendered, cash, reason, free), new HBox(8, manualOpen, manualClose), feedback);
        } else {
            getChildren().addAll(new HBox(8, reason, manualOpen, manualClose), feedback);
        }

        subscriptions.add(UiThread.follow(controller.state(), this::prepare, this::show));
        subscriptions.add(UiThread.follow(ctx.echo(id), e -> e, this::showEcho));
        subscriptions.add(UiThread.follow(ctx.status(), st -> st.devices().get(id), this::showDevices));
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(msg.get(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setDisable(true);
        return b;
    }

    public LaneController controller() {
        return controller;
    }

    public LanePhase phase() {
        return controller.state().get().phase();
    }

    // ---- the attendant's actions (FX thread) ------------------------------------------------------------------

    /** Takes cash for the waiting car: the typed amount, or exactly the fee when nothing is typed. */
    public void settleCash() {
        String typed = tendered.getText() == null ? "" : tendered.getText().trim();
        long fen;
        try {
            fen = typed.isEmpty() ? 0 : Fen.parse(typed);
        } catch (IllegalArgumentException e) {
            feedback.setText(msg.get("settle.bad_amount", typed));
            return;
        }
        cash.setDisable(true);
        controller.settleCash(fen).whenComplete((result, error) -> UiThread.run(() -> {
            if (error != null) {
                failed(error);
                return;
            }
            tendered.clear();
            feedback.setText(msg.get("lane.change", Fen.format(result.changeFen())));
        }));
    }

    /** Lets the waiting car go free with the chosen reason. */
    public void releaseFree() {
        act(controller.releaseFree(reasonText()), () -> reason.getEditor().clear());
    }

    /** Charges the no-record fee, with the chosen reason. */
    public void chargeNoRecord() {
        act(controller.chargeNoRecord(reasonText()), null);
    }

    /** The attendant's override: lifts or lowers the barrier with the chosen reason; who, why and a picture are kept. */
    public void manualGate(boolean open) {
        act(controller.override(open, reasonText()), () -> reason.getEditor().clear());
    }

    public void confirm() {
        act(controller.confirm(), null);
    }

    public void refuse() {
        act(controller.refuse(), null);
    }

    /** Picks the n-th (1-based) stay shown; false when there is none. */
    public boolean pick(int n) {
        if (n < 1 || n > pickOrderIds.size()) {
            return false;
        }
        act(controller.pick(pickOrderIds.get(n - 1)), null);
        return true;
    }

    public void focusCorrection() {
        correction.requestFocus();
    }

    private void searchStays() {
        String fragment = search.getText();
        CompletableFuture.supplyAsync(() -> controller.search(fragment))
                .whenComplete((found, error) -> UiThread.run(() -> {
                    if (error != null) {
                        failed(error);
                    } else {
                        showPicks(found.stream().map(o -> new Pick(o, "")).toList());
                    }
                }));
    }

    private String reasonText() {
        String r = reason.getEditor() == null ? reason.getValue() : reason.getEditor().getText();
        return r == null ? "" : r.trim();
    }

    private void act(CompletableFuture<?> action, Runnable onSuccess) {
        action.whenComplete((ok, error) -> UiThread.run(() -> {
            if (error != null) {
                failed(error);
            } else {
                feedback.setText("");
                if (onSuccess != null) {
                    onSuccess.run();
                }
            }
        }));
    }

    private void failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof LaneException le) {
            feedback.setText(msg.get(le.messageKey()));
        } else {
            LOG.error("Action failed on lane {}", controller.lane().id(), cause);
            feedback.setText(msg.get("lane.error", String.valueOf(cause.getMessage())));
        }
        show(prepare(controller.state().get()));
    }

    // ---- showing the state ------------------------------------------------------------------------------------

    /** Off the FX thread: decode pictures and format text. */
    private Prepared prepare(LaneState s) {
        Image img = s.read().map(r -> decode(r.image())).orElse(null);
        Image entryImg = s.currentOrder().flatMap(o -> Optional.ofNullable(o.entryImage()))
                .flatMap(images::load).map(LanePane::decode).orElse(null);
        StringBuilder feeText = new StringBuilder();
        s.currentOrder().ifPresent(o -> feeText.append(msg.get("lane.intime")).append(' ')
                .append(TIME.format(o.inTime().atZone(zone))).append('\n'));
        s.currentQuote().ifPresent(q -> feeText.append(q.explain()));
        String plateText = s.read().map(r -> r.plate().isEmpty() ? msg.get("lane.noplate") : r.plate()).orElse("—");
        String timeText = s.read().map(r -> TIME.format(r.readAt().atZone(zone))).orElse("");
        List<Pick> candidates = s.candidates().stream()
                .map(c -> new Pick(c.order(), c.match().why())).toList();
        return new Prepared(s, plateText, s.kind() == null ? "" : s.kind().label(), timeText,
                msg.get(s.messageKey(), s.messageArgs()), img, entryImg, feeText.toString(), candidates);
    }

    private static Image decode(byte[] jpeg) {
        if (jpeg == null || jpeg.length == 0) {
            return null;
        }
        Image img = new Image(new ByteArrayInputStream(jpeg));
        return img.isError() ? null : img;
    }

    private void show(Prepared p) {
        LanePhase phase = p.state().phase();
        plate.setText(p.plate());
        kind.setText(p.kind());
        time.setText(p.time());
        status.setText(p.message());
        status.getStyleClass().removeIf(c -> c.startsWith("phase-"));
        status.getStyleClass().add("phase-" + phase.name().toLowerCase(Locale.ROOT));
        scene.setImage(p.image());
        entryScene.setImage(p.entryImage());
        fee.setText(p.fee());
        boolean paying = phase == LanePhase.AWAITING_PAYMENT;
        boolean unmatched = phase == LanePhase.AWAITING_MATCH || phase == LanePhase.NO_RECORD;
        cash.setDisable(!paying);
        free.setDisable(!paying);
        reason.setDisable(false); // also the reason of a manual barrier movement
        noRecord.setDisable(!unmatched);
        search.setDisable(!unmatched);
        confirm.setDisable(phase != LanePhase.AWAITING_CONFIRMATION);
        refuse.setDisable(phase != LanePhase.AWAITING_CONFIRMATION && !paying && !unmatched);
        if (paying) {
            feedback.setText("");
        }
        if (phase == LanePhase.AWAITING_MATCH || !unmatched) {
            showPicks(p.candidates());
        }
    }

    private void showPicks(List<Pick> list) {
        picks.getChildren().clear();
        pickOrderIds.clear();
        for (Pick c : list) {
            if (pickOrderIds.size() == MAX_PICKS) {
                break;
            }
            int n = pickOrderIds.size() + 1;
            ParkingOrder o = c.order();
            Button b = new Button(n + ". " + o.plate() + "  " + msg.get("lane.intime") + " "
                    + TIME.format(o.inTime().atZone(zone)) + (c.why().isEmpty() ? "" : "  (" + c.why() + ")"));
            b.setId("pick-" + controller.lane().id() + "-" + n);
            b.getStyleClass().add("pick");
            b.setOnAction(e -> pick(n));
            pickOrderIds.add(o.orderId());
            picks.getChildren().add(b);
        }
    }

    private void showDevices(com.boothdesk.app.BoothStatus.LaneDevices d) {
        if (d == null) {
            devices.setText(msg.get("health.UNKNOWN"));
            return;
        }
        devices.setText(msg.get("device.card") + " " + msg.get("health." + d.card()) + "   "
                + msg.get("device.gate") + " " + msg.get("health." + d.gate()) + "   "
                + msg.get("device.camera") + " " + msg.get("health." + d.camera()));
        boolean fine = "CONNECTED".equals(d.card()) && "CONNECTED".equals(d.gate()) && "CONNECTED".equals(d.camera());
        devices.getStyleClass().removeAll("devices-fine", "devices-trouble");
        devices.getStyleClass().add(fine ? "devices-fine" : "devices-trouble");
    }

    private void showEcho(LaneEcho e) {
        led.setText(String.join(" | ", e.lines().stream().filter(l -> !l.isBlank()).toList()));
        voice.setText(e.voice());
    }

    /** Stops following the lane. */
    public void dispose() {
        subscriptions.forEach(Observable.Subscription::close);
        subscriptions.clear();
    }

    /** A stay the attendant may pick, and why it is similar. */
    private record Pick(ParkingOrder order, String why) {
    }

    private record Prepared(LaneState state, String plate, String kind, String time, String message, Image image,
                            Image entryImage, String fee, List<Pick> candidates) {
    }

}
