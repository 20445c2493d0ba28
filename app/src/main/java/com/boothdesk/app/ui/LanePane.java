package com.boothdesk.app.ui;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
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
import com.boothdesk.app.domain.lane.SettleResult;

/**
 * One lane on the booth screen: the plate, the pictures, what the lane decided, the fee with its explanation, what
 * the LED shows, and (exit lanes) the cash action. Node ids end with the lane id so tests can find them.
 */
public final class LanePane extends VBox {

    private static final Logger LOG = LoggerFactory.getLogger(LanePane.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    private final LaneController controller;
    private final Messages msg;
    private final ZoneId zone;
    private final ImageStore images;
    private final List<Observable.Subscription> subscriptions = new ArrayList<>();

    private final Label plate = new Label("—");
    private final Label time = new Label("");
    private final Label status = new Label("");
    private final ImageView scene = new ImageView();
    private final ImageView entryScene = new ImageView();
    private final TextArea fee = new TextArea();
    private final Label led = new Label("");
    private final Label voice = new Label("");
    private final TextField tendered = new TextField();
    private final Label change = new Label("");
    private final Button cash;

    /** Built on the FX thread. */
    public LanePane(LaneController controller, BoothContext ctx) {
        this.controller = controller;
        this.msg = ctx.messages();
        this.zone = ctx.clock().getZone();
        this.images = ctx.images();
        String id = controller.lane().id();
        boolean exit = controller.lane().direction() == LaneDirection.EXIT;
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
        pictures.getStyleClass().add("pictures");

        GridPane echo = new GridPane();
        echo.setHgap(8);
        echo.addRow(0, new Label(msg.get("lane.led")), led);
        echo.addRow(1, new Label(msg.get("lane.voice")), voice);
        led.setId("led-" + id);
        led.getStyleClass().add("led");
        voice.setId("voice-" + id);

        getChildren().addAll(title, new HBox(16, plate, time), status, pictures, echo);

        cash = new Button(msg.get("lane.cash"));
        cash.setId("cash-" + id);
        if (exit) {
            fee.setId("fee-" + id);
            fee.setEditable(false);
            fee.setPrefRowCount(6);
            fee.getStyleClass().add("fee");
            tendered.setId("tendered-" + id);
            tendered.setPromptText(msg.get("lane.tendered"));
            tendered.setPrefColumnCount(8);
            tendered.setOnAction(e -> settleCash());
            cash.setDefaultButton(false);
            cash.getStyleClass().add("action-cash");
            cash.setOnAction(e -> settleCash());
            cash.setDisable(true);
            change.setId("change-" + id);
            change.getStyleClass().add("change");
            getChildren().addAll(fee, new HBox(8, tendered, cash, change));
        }

        subscriptions.add(UiThread.follow(controller.state(), this::prepare, this::show));
        subscriptions.add(UiThread.follow(ctx.echo(id), e -> e, this::showEcho));
    }

    public LaneController controller() {
        return controller;
    }

    /** True when this lane has a car waiting to pay. */
    public boolean awaitingPayment() {
        return controller.state().get().phase() == LanePhase.AWAITING_PAYMENT;
    }

    /** Takes cash for the waiting car: the typed amount, or exactly the fee when nothing is typed. */
    public void settleCash() {
        String typed = tendered.getText() == null ? "" : tendered.getText().trim();
        long fen;
        try {
            fen = typed.isEmpty() ? 0 : Fen.parse(typed);
        } catch (IllegalArgumentException e) {
            change.setText(msg.get("settle.bad_amount", typed));
            return;
        }
        cash.setDisable(true);
        controller.settleCash(fen).whenComplete((result, error) -> UiThread.run(() -> settled(result, error)));
    }

    private void settled(SettleResult result, Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause instanceof LaneException le) {
                change.setText(msg.get(le.messageKey()));
            } else {
                LOG.error("Cash settlement failed on lane {}", controller.lane().id(), cause);
                change.setText(msg.get("lane.error", String.valueOf(cause.getMessage())));
            }
            cash.setDisable(!awaitingPayment());
            return;
        }
        tendered.clear();
        change.setText(msg.get("lane.change", Fen.format(result.changeFen())));
    }

    /** Off the FX thread: decode pictures and format text. */
    private Prepared prepare(LaneState s) {
        Image img = s.read().map(r -> decode(r.image())).orElse(null);
        Image entryImg = s.currentOrder().flatMap(o -> Optional.ofNullable(o.entryImage()))
                .flatMap(images::load).map(LanePane::decode).orElse(null);
        StringBuilder feeText = new StringBuilder();
        s.currentOrder().ifPresent(o -> {
            feeText.append(msg.get("lane.intime")).append(' ').append(TIME.format(o.inTime().atZone(zone)))
                    .append('\n');
        });
        s.currentQuote().ifPresent(q -> feeText.append(q.explain()));
        String plateText = s.read().map(r -> r.plate()).orElse("—");
        String timeText = s.read().map(r -> TIME.format(r.readAt().atZone(zone))).orElse("");
        return new Prepared(s, plateText, timeText, msg.get(s.messageKey(), s.messageArgs()), img, entryImg,
                feeText.toString());
    }

    private static Image decode(byte[] jpeg) {
        if (jpeg == null || jpeg.length == 0) {
            return null;
        }
        Image img = new Image(new ByteArrayInputStream(jpeg));
        return img.isError() ? null : img;
    }

    private void show(Prepared p) {
        plate.setText(p.plate());
        time.setText(p.time());
        status.setText(p.message());
        status.getStyleClass().removeIf(c -> c.startsWith("phase-"));
        status.getStyleClass().add("phase-" + p.state().phase().name().toLowerCase(Locale.ROOT));
        scene.setImage(p.image());
        entryScene.setImage(p.entryImage());
        fee.setText(p.fee());
        boolean waiting = p.state().phase() == LanePhase.AWAITING_PAYMENT;
        cash.setDisable(!waiting);
        if (waiting) {
            change.setText("");
        }
    }

    private void showEcho(LaneEcho e) {
        led.setText(String.join(" | ", e.lines()));
        voice.setText(e.voice());
    }

    /** Stops following the lane. */
    public void dispose() {
        subscriptions.forEach(Observable.Subscription::close);
        subscriptions.clear();
    }

    private record Prepared(LaneState state, String plate, String time, String message, Image image,
                            Image entryImage, String fee) {
    }
}
