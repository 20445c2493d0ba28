package com.boothdesk.app.ui;

import java.net.URL;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import com.boothdesk.app.BoothContext;
import com.boothdesk.app.BoothStatus;
import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.LaneState;

/**
 * The booth's main window: a header with the cloud link, the upload backlog, cars in the lot and the attendant;
 * every lane side by side; the recent events. Keys (see {@code onKey}): F1 cash (exact fee, or the typed
 * amount), F2 free release, F3 confirm, F4 refuse, F5 no-record fee, F6 correct the plate, 1-5 pick a stay.
 */
public final class BoothWindow {

    public static final String CSS = "/boothdesk/css/booth.css";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int MAX_EVENTS = 200;

    private final BoothContext ctx;
    private final Messages msg;
    private final List<LanePane> lanes = new ArrayList<>();
    private final List<Observable.Subscription> subscriptions = new ArrayList<>();
    private final BorderPane root = new BorderPane();
    private UplinksWindow uplinksWindow;
    private SpacesWindow spacesWindow;

    /** Builds the window content; call on the FX thread. */
    public BoothWindow(BoothContext ctx) {
        this.ctx = ctx;
        this.msg = ctx.messages();
        root.setId("booth");
        root.getStyleClass().add("booth");
        root.setTop(header());
        HBox laneRow = new HBox(12);
        laneRow.setPadding(new Insets(12));
        for (LaneController c : ctx.lanes()) {
            LanePane pane = new LanePane(c, ctx);
            lanes.add(pane);
            laneRow.getChildren().add(pane);
        }
        root.setCenter(laneRow);
        root.setBottom(events());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        root.setFocusTraversable(true);
    }

    public Parent root() {
        return root;
    }

    /** Puts the window on {@code stage} and shows it. */
    public Scene show(Stage stage) {
        Scene scene = new Scene(root, 1400, 860);
        URL css = BoothWindow.class.getResource(CSS);
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        stage.setTitle(msg.get("app.title"));
        stage.setScene(scene);
        stage.setOnHidden(e -> dispose());
        stage.show();
        // the keys are the attendant's tools: start with no text field holding the focus (digits pick stays)
        root.requestFocus();
        return scene;
    }

    private Region header() {
        Label title = new Label(msg.get("app.title"));
        title.getStyleClass().add("app-title");
        Label cloud = new Label();
        cloud.setId("cloud-status");
        Label outbox = new Label();
        outbox.setId("outbox-pending");
        Label inLot = new Label();
        inLot.setId("in-lot");
        Label free = new Label();
        free.setId("free-spaces");
        Label operator = new Label();
        operator.setId("operator");
        Label clock = new Label();
        clock.setId("clock");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        subscriptions.add(UiThread.follow(ctx.status(), s -> s, (BoothStatus s) -> {
            cloud.setText(msg.get("cloud.status") + ": " + msg.get("cloud." + s.cloud()));
            cloud.getStyleClass().removeIf(c -> c.startsWith("cloud-"));
            cloud.getStyleClass().add("cloud-" + s.cloud().toLowerCase(java.util.Locale.ROOT));
            outbox.setText(msg.get("outbox.pending", s.outboxPending()));
            inLot.setText(msg.get("inlot.count", s.inLot()));
            free.setText(s.freeByArea().size() <= 1 ? msg.get("spaces.free", s.freeSpaces())
                    : msg.get("spaces.free", s.freeSpaces()) + " (" + s.freeByArea().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(" · ")) + ")");
            operator.setText(msg.get("operator", s.operator()));
            clock.setText(CLOCK.format(ctx.clock().instant().atZone(ctx.clock().getZone())));
        }));
        Button uplinks = new Button(msg.get("uplinks.title"));
        uplinks.setId("uplinks-button");
        uplinks.setFocusTraversable(false);
        uplinks.setOnAction(e -> {
            if (uplinksWindow == null) {
                uplinksWindow = new UplinksWindow(ctx);
            }
            uplinksWindow.show();
        });
        Button spaces = new Button(msg.get("spaces.title"));
        spaces.setId("spaces-button");
        spaces.setFocusTraversable(false);
        spaces.setOnAction(e -> {
            if (spacesWindow == null) {
                spacesWindow = new SpacesWindow(ctx);
            }
            spacesWindow.show();
        });
        HBox bar = new HBox(24, title, spacer, cloud, outbox, uplinks, inLot, free, spaces, operator, clock);
        bar.getStyleClass().add("header");
        bar.setPadding(new Insets(10, 16, 10, 16));
        return bar;
    }

    private Region events() {
        ListView<String> list = new ListView<>();
        list.setId("events");
        list.setPrefHeight(160);
        for (LaneController c : ctx.lanes()) {
            subscriptions.add(UiThread.follow(c.state(), (LaneState s) -> s.messageKey().equals("lane.idle") ? null
                    : CLOCK.format(s.at().atZone(ctx.clock().getZone())) + "  " + c.lane().name() + "  "
                    + msg.get(s.messageKey(), s.messageArgs()), line -> {
                        if (line != null) {
                            list.getItems().add(0, line);
                            if (list.getItems().size() > MAX_EVENTS) {
                                list.getItems().remove(MAX_EVENTS, list.getItems().size());
                            }
                        }
                    }));
        }
        Label title = new Label(msg.get("events.title"));
        VBox box = new VBox(4, title, list);
        box.setPadding(new Insets(0, 12, 12, 12));
        return box;
    }

    /**
     * The booth's keys. F1 cash, F2 free release (with the chosen reason), F3 confirm, F4 refuse, F5 charge the
     * no-record fee, F6 correct the plate, 1-5 pick a similar stay (Ctrl+1-5 while typing), F7 / F8 lift / lower the
     * exit barrier by hand (reason required). Each acts on the first lane whose state calls for it (a booth has one
     * exit per attendant in practice); every lane also has its own buttons.
     */
    private void onKey(KeyEvent e) {
        boolean typing = e.getTarget() instanceof javafx.scene.control.TextInputControl;
        boolean handled = switch (e.getCode()) {
            case F1 -> first(LanePhase.AWAITING_PAYMENT).map(p -> run(p::settleCash)).orElse(false);
            case F2 -> first(LanePhase.AWAITING_PAYMENT).map(p -> run(p::releaseFree)).orElse(false);
            case F3 -> first(LanePhase.AWAITING_CONFIRMATION).map(p -> run(p::confirm)).orElse(false);
            case F4 -> first(LanePhase.AWAITING_CONFIRMATION, LanePhase.AWAITING_PAYMENT, LanePhase.AWAITING_MATCH,
                    LanePhase.NO_RECORD).map(p -> run(p::refuse)).orElse(false);
            case F5 -> first(LanePhase.AWAITING_MATCH, LanePhase.NO_RECORD).map(p -> run(p::chargeNoRecord))
                    .orElse(false);
            case F6 -> lanes.stream().filter(p -> p.phase() != LanePhase.IDLE).findFirst()
                    .map(p -> run(p::focusCorrection)).orElse(false);
            case F7, F8 -> lanes.stream()
                    .filter(p -> p.controller().lane().direction() == com.boothdesk.app.domain.lane.LaneDirection.EXIT)
                    .findFirst().map(p -> run(() -> p.manualGate(e.getCode() == KeyCode.F7))).orElse(false);
            case DIGIT1, DIGIT2, DIGIT3, DIGIT4, DIGIT5, NUMPAD1, NUMPAD2, NUMPAD3, NUMPAD4, NUMPAD5 ->
                    (!typing || e.isControlDown())
                    && first(LanePhase.AWAITING_MATCH, LanePhase.NO_RECORD)
                    .map(p -> p.pick(digit(e.getCode()))).orElse(false);
            default -> false;
        };
        if (handled) {
            e.consume();
        }
    }

    private java.util.Optional<LanePane> first(LanePhase... phases) {
        java.util.Set<LanePhase> wanted = java.util.Set.of(phases);
        return lanes.stream().filter(p -> wanted.contains(p.phase())).findFirst();
    }

    private static boolean run(Runnable r) {
        r.run();
        return true;
    }

    private static int digit(KeyCode code) {
        String name = code.getName();
        return Character.getNumericValue(name.charAt(name.length() - 1));
    }

    /** Stops following the application. */
    public void dispose() {
        subscriptions.forEach(Observable.Subscription::close);
        subscriptions.clear();
        lanes.forEach(LanePane::dispose);
    }
}
