package com.boothdesk.app.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.BoothContext;
import com.boothdesk.app.common.Observable;
import com.boothdesk.app.common.Threads;
import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.ui.correction.CorrectionView;
import com.boothdesk.app.ui.header.HeaderView;
import com.boothdesk.app.ui.keys.Chord;
import com.boothdesk.app.ui.keys.Keymap;
import com.boothdesk.app.ui.lane.LaneView;
import com.boothdesk.app.ui.lane.LaneViewModel;
import com.boothdesk.app.ui.port.LanePort;
import com.boothdesk.app.ui.port.UiPorts;
import com.boothdesk.app.ui.tools.SpacesView;
import com.boothdesk.app.ui.tools.UplinksView;

/**
 * The booth's main window: the header, every lane side by side (the selected lane gets the space), the status line
 * naming the selected lane with the legend of its keys, and the recent events. Keys go through the
 * {@link Keymap} to the selected lane only. Fits 1366×768 and up; opens maximised and remembers its size.
 */
public final class BoothWindow {

    private static final Logger LOG = LoggerFactory.getLogger(BoothWindow.class);
    public static final String CSS = "/boothdesk/css/booth.css";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int MAX_EVENTS = 200;
    /** The selected lane's share against 1 for every other lane. */
    private static final double SELECTED_WEIGHT = 1.7;

    private final UiPorts ports;
    private final ExecutorService worker;
    private final UiEnv env;
    private final BoothViewModel vm;
    private final BorderPane content = new BorderPane();
    private final javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane();
    private final javafx.scene.layout.StackPane overlay = new javafx.scene.layout.StackPane();
    private final GridPane laneGrid = new GridPane();
    private final List<LaneView> laneViews = new ArrayList<>();
    private final List<Observable.Subscription> subscriptions = new ArrayList<>();
    private UplinksView uplinksView;
    private SpacesView spacesView;
    private Stage stage;
    private CorrectionView correctionView;
    private com.boothdesk.app.ui.duty.DutyViewModel duty;
    private com.boothdesk.app.ui.duty.DutyLayer dutyLayer;
    /** pay: the booth scanner's bursts go to the selected exit; the attendant's digits reach the keymap as before. */
    private final com.boothdesk.app.ui.pay.ScannerKeys scanner;

    /** Builds the window content for the running application; call on the FX thread. */
    public BoothWindow(BoothContext ctx) {
        this(UiPorts.of(ctx));
        com.boothdesk.app.ui.backoffice.BackOfficeEntry.attach(this, ctx); // back office (issue 15): 后台 button, Ctrl+B
        com.boothdesk.app.ui.shift.ReceiptPrinting.attach(this, ctx); // receipts on the system printer, Ctrl+P
        com.boothdesk.app.ui.header.ParkValidityPort.attach(vm.header(), ctx); // proto2: 3.35 validity in the header
        com.boothdesk.app.ui.site.SiteScreens.attach(this, ctx); // outage: the site database in the header
    }

    /** Builds the window content on the given ports; call on the FX thread. */
    public BoothWindow(UiPorts ports) {
        this(ports, Duration.ofSeconds(15));
    }

    public BoothWindow(UiPorts ports, Duration commandTimeout) {
        this.ports = ports;
        this.scanner = new com.boothdesk.app.ui.pay.ScannerKeys(com.boothdesk.app.ui.pay.ScannerKeys.maxGapOf(
                ports.lanes()), this::selectedPay, this::scannerReleased, System::nanoTime); // payment.scanner.max_gap_ms
        // the one UI executor: store reads and picture decoding, never the FX thread, never the common pool
        this.worker = Executors.newFixedThreadPool(2, Threads.named("ui-worker"));
        List<String> freeFallback = ports.lanes().isEmpty() ? List.of() : ports.lanes().get(0).freeReasons();
        this.env = new UiEnv(ports.messages(), ports.clock(), Keymap.load(ports.siteDir()),
                ReasonLists.load(ports.siteDir(), freeFallback), UiThread::run, worker, commandTimeout);
        this.vm = new BoothViewModel(ports, env);
        Messages msg = env.msg();
        root.setId("booth");
        root.getStyleClass().add("booth");
        overlay.getStyleClass().add("overlay");
        overlay.setVisible(false);
        HeaderView header = new HeaderView(vm.header(), msg, this::openUplinks, this::openSpaces, vm::select);
        root.getChildren().add(content);
        if (ports.opsAlerts() != null) { // shiftops: clock drift, low disk, upgrade notices
            header.addBeforeClock(new com.boothdesk.app.ui.duty.OpsAlertsView(new com.boothdesk.app.ui.duty
                    .OpsAlertsViewModel(ports.opsAlerts(), msg, com.boothdesk.app.ui.shift.UiExecutors.fx())));
        }
        if (ports.staff() != null) {
            wireDuty(header, msg);
        } else {
            header.addBeforeClock(aboutButton(msg));
        }
        root.getChildren().add(overlay);
        content.setTop(header);
        laneGrid.setHgap(10);
        laneGrid.setPadding(new Insets(8, 10, 4, 10));
        RowConstraints row = new RowConstraints();
        row.setFillHeight(true);
        row.setVgrow(Priority.ALWAYS); // the lanes take the height (their pictures grow into it), see LaneView
        laneGrid.getRowConstraints().add(row);
        int col = 0;
        for (LaneViewModel l : vm.lanes()) {
            LaneView view = new LaneView(l, vm);
            laneViews.add(view);
            laneGrid.add(view, col++, 0);
            laneGrid.getColumnConstraints().add(new ColumnConstraints());
        }
        vm.selectedProperty().addListener((o, a, b) -> layoutColumns());
        layoutColumns();
        // the lanes take the height (pictures bigger on a tall screen); the recent events keep a share of it
        VBox bottom = bottom(msg);
        VBox.setVgrow(laneGrid, Priority.ALWAYS);
        content.setCenter(new VBox(laneGrid, bottom));
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        root.setFocusTraversable(true);
        vm.correctionProperty().addListener((o, a, b) -> {
            if (b != null) {
                CorrectionView dialog = new CorrectionView(b, msg);
                correctionView = dialog;
                overlay.getChildren().setAll(dialog.root());
                overlay.setVisible(true);
                content.setDisable(true);
                dialog.shown(() -> {
                    overlay.getChildren().clear();
                    overlay.setVisible(false);
                    content.setDisable(false);
                    correctionView = null;
                    vm.correctionClosed();
                    root.requestFocus();
                });
            }
        });
        vm.start();
    }

    /**
     * Log-in, handover, log-out, the password to leave and the first admin, over the lanes; the header's duty line
     * and its buttons; the supervisor's confirmation before the lane commands the site reserves to supervisors.
     */
    private void wireDuty(HeaderView header, Messages msg) {
        var ex = com.boothdesk.app.ui.shift.UiExecutors.fx();
        duty = new com.boothdesk.app.ui.duty.DutyViewModel(ports.staff(), msg, env.clock().getZone(), ex,
                ports.demo());
        vm.header().dutyProperty().bind(duty.dutyText());
        var gate = new com.boothdesk.app.ui.shift.SupervisorGate(ports.staff(), msg, ex,
                dialog -> com.boothdesk.app.ui.shift.SupervisorDialog.show(dialog, msg, stage));
        com.boothdesk.app.ui.port.SupervisorCheck check = (action, fen, subject) -> gate.require(action, fen, subject)
                .handle((c, e) -> e == null);
        vm.lanes().forEach(l -> l.supervisor(check));
        if (ports.reports() != null) {
            // the outgoing shift's report on the system printer; a booth without one says so and can reprint it
            // later (./boothdesk report shift --last --pdf FILE)
            var printer = new com.boothdesk.app.ui.shift.ReportPrinter(ports.reports(),
                    new com.boothdesk.app.ui.shift.FxPrinterSink(), ex);
            duty.onHandedOver(r -> printer.printShift(r.shift(), r.closedBy(),
                    rep -> duty.notice().set(msg.get("ui.duty.report.printed", r.shift().shiftId())),
                    ports.siteDir().resolve("reports"), // no printer: the PDF (shift3)
                    pdf -> duty.notice().set(msg.get("ui.duty.report.pdf", r.shift().shiftId(), pdf.toString())),
                    e -> {
                        LOG.warn("Report of shift {} not printed: {}", r.shift().shiftId(), e.toString());
                        duty.notice().set(msg.get("ui.duty.report.failed", r.shift().shiftId(),
                                String.valueOf(e.getMessage())));
                    }));
        }
        dutyLayer = new com.boothdesk.app.ui.duty.DutyLayer(duty, msg);
        dutyLayer.showing().addListener((o, a, b) -> {
            content.setDisable(b);
            if (!b) {
                root.requestFocus();
            }
        });
        content.setDisable(dutyLayer.showing().get());
        root.getChildren().add(dutyLayer);
        javafx.scene.control.Button handover = new javafx.scene.control.Button();
        handover.textProperty().bind(vm.language().text("ui.duty.handover"));
        handover.setId("handover-button");
        handover.setFocusTraversable(false);
        handover.visibleProperty().bind(duty.onDuty());
        handover.managedProperty().bind(duty.onDuty());
        handover.setOnAction(e -> duty.openHandover());
        javafx.scene.control.Button logout = new javafx.scene.control.Button();
        logout.textProperty().bind(vm.language().text("ui.duty.logout"));
        logout.setId("logout-button");
        logout.setFocusTraversable(false);
        logout.visibleProperty().bind(duty.onDuty());
        logout.managedProperty().bind(duty.onDuty());
        logout.setOnAction(e -> duty.logOut());
        javafx.scene.control.Button admin = new javafx.scene.control.Button();
        admin.textProperty().bind(vm.language().text("ui.duty.first_admin"));
        admin.setId("first-admin-button");
        admin.setFocusTraversable(false);
        admin.visibleProperty().bind(duty.needsFirstAdmin());
        admin.managedProperty().bind(duty.needsFirstAdmin());
        admin.setOnAction(e -> duty.openFirstAdmin());
        for (javafx.scene.control.Button b : new javafx.scene.control.Button[] {handover, logout, admin}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "..." on a 1366 px screen
        }
        header.addBeforeClock(handover, logout, admin, aboutButton(msg));
    }

    private javafx.scene.control.Button aboutButton(Messages msg) {
        javafx.scene.control.Button about = new javafx.scene.control.Button();
        about.textProperty().bind(vm.language().text("ui.about"));
        about.setId("about-button");
        about.setFocusTraversable(false);
        about.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        about.setOnAction(e -> {
            javafx.scene.control.Alert box = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.INFORMATION);
            box.setTitle(msg.get("ui.about"));
            box.setHeaderText(msg.get("app.title"));
            box.setContentText(ports.about().isEmpty() ? msg.get("ui.about.none")
                    : String.join("\n", ports.about()));
            box.getDialogPane().setId("about-box");
            if (stage != null) {
                box.initOwner(stage);
            }
            box.show();
        });
        return about;
    }

    /** The log-in, handover and leave screens; null on a screen without accounts. */
    public com.boothdesk.app.ui.duty.DutyViewModel duty() {
        return duty;
    }

    public Parent root() {
        return root;
    }

    public BoothViewModel viewModel() {
        return vm;
    }

    /** Puts the window on {@code stage}: maximised, or the size it had when last closed. */
    public Scene show(Stage stage) {
        return show(stage, 0, 0);
    }

    /** As {@link #show(Stage)}, at exactly {@code width}×{@code height} when both are positive (screenshots). */
    public Scene show(Stage stage, int width, int height) {
        this.stage = stage;
        var bounds = Screen.getPrimary().getVisualBounds();
        Properties remembered = remembered();
        boolean fixed = width > 0 && height > 0;
        double w = fixed ? width : number(remembered, "width", bounds.getWidth());
        double h = fixed ? height : number(remembered, "height", bounds.getHeight());
        Scene scene = scene(w, h);
        stage.titleProperty().bind(vm.language().text("app.title"));
        stage.setMinWidth(1024);
        stage.setMinHeight(600);
        stage.setScene(scene);
        if (!fixed) {
            stage.setMaximized(!"false".equals(remembered.getProperty("maximized")));
        }
        if (duty != null) {
            // leaving the booth needs a password once it has accounts (StaffService.leave)
            stage.setOnCloseRequest(e -> {
                if (!duty.requestExit()) {
                    e.consume();
                }
            });
            duty.onExit(stage::close);
        }
        stage.setOnHidden(e -> {
            if (!fixed) {
                remember(stage);
            }
            dispose();
        });
        stage.show();
        // the keys are the attendant's tools: start with no text field holding the focus
        root.requestFocus();
        return scene;
    }

    /**
     * The window's scene at {@code width}×{@code height} with its style sheet and text size, not yet on a stage (a
     * layout test lays a 1920×1080 scene out on a smaller headless screen).
     */
    Scene scene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        String css = css();
        if (css != null) {
            scene.getStylesheets().add(css);
        }
        // the text grows with the window: 14 px at 768 px high, larger on a 1080p monitor (the CSS is in em)
        scene.heightProperty().addListener((o, a, b) -> scale(b.doubleValue()));
        scale(height);
        return scene;
    }

    private void scale(double height) {
        double px = Math.max(13, Math.min(22, Math.floor(14 * height / 768)));
        root.setStyle("-fx-font-size: " + px + "px;");
    }

    private static String css() {
        URL css = BoothWindow.class.getResource(CSS);
        return css == null ? null : css.toExternalForm();
    }

    private void layoutColumns() {
        int n = vm.lanes().size();
        if (n == 0) {
            return;
        }
        double total = n == 1 ? 1 : (n - 1) + SELECTED_WEIGHT;
        for (int i = 0; i < n; i++) {
            ColumnConstraints c = laneGrid.getColumnConstraints().get(i);
            boolean sel = vm.lanes().get(i).selectedProperty().get();
            c.setPercentWidth(100 * (n == 1 ? 1 : sel ? SELECTED_WEIGHT : 1) / total);
            c.setFillWidth(true);
            c.setHgrow(Priority.ALWAYS);
        }
    }

    private VBox bottom(Messages msg) {
        Label status = new Label();
        status.setId("status-line");
        status.getStyleClass().add("status-line");
        status.textProperty().bind(vm.statusLineProperty());
        HBox legend = new HBox(10);
        legend.setId("legend");
        legend.getStyleClass().add("legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        Runnable fill = () -> {
            legend.getChildren().clear();
            for (BoothViewModel.Legend l : vm.legend()) {
                Label key = new Label(l.key());
                key.getStyleClass().add("legend-key");
                key.setMinWidth(Region.USE_PREF_SIZE); // the key is never "...": a long (English) name gives way
                Label what = new Label(l.label());
                what.getStyleClass().add("legend-label");
                HBox item = new HBox(3, key, what);
                item.setAlignment(Pos.CENTER_LEFT);
                legend.getChildren().add(item);
            }
        };
        vm.legend().addListener((javafx.collections.ListChangeListener<BoothViewModel.Legend>) c -> fill.run());
        fill.run();
        ListView<String> events = new ListView<>();
        events.setId("events");
        events.setPrefHeight(74);
        events.setMinHeight(50);
        // a sensible share of a tall window (14 %: about six lines at 1080), never less than three lines
        root.heightProperty().addListener((o, a, h) -> events.setPrefHeight(Math.max(74, Math.floor(h.doubleValue()
                * 0.14))));
        events.setFocusTraversable(false);
        // each event kept as made (time, lane, key, arguments): a language switch tells the list again; the
        // events are history, so they carry no key hints ("press F3" is for the lane's own status line)
        List<java.util.function.Supplier<String>> made = new ArrayList<>();
        for (LanePort p : ports.lanes()) {
            subscriptions.add(UiThread.follow(p.state(), (LaneState s) -> s.messageKey().equals("lane.idle") ? null
                    : (java.util.function.Supplier<String>) () -> CLOCK.format(s.at().atZone(env.clock().getZone()))
                    + "  " + p.lane().name() + "  "
                    + Messages.withKeys(msg.get(s.messageKey(), s.messageArgs().toArray()), null), line -> {
                        if (line != null) {
                            made.add(0, line);
                            events.getItems().add(0, line.get());
                            if (events.getItems().size() > MAX_EVENTS) {
                                events.getItems().remove(MAX_EVENTS, events.getItems().size());
                                made.subList(MAX_EVENTS, made.size()).clear();
                            }
                        }
                    }));
        }
        vm.language().localeProperty().addListener((o, a, b) ->
                events.getItems().setAll(made.stream().map(java.util.function.Supplier::get).toList()));
        HBox statusRow = new HBox(16, status);
        if (duty != null) {
            Label notice = new Label();
            notice.setId("duty-notice");
            notice.getStyleClass().add("muted");
            notice.textProperty().bind(duty.notice());
            statusRow.getChildren().add(notice);
        }
        VBox box = new VBox(3, statusRow, legend, events);
        box.getStyleClass().add("bottom");
        box.setPadding(new Insets(2, 10, 6, 10));
        return box;
    }

    /** pay: the selected lane's payment, for the booth scanner. */
    private java.util.Optional<com.boothdesk.app.ui.pay.PayPort> selectedPay() {
        return java.util.Optional.ofNullable(vm.selectedProperty().get())
                .flatMap(l -> com.boothdesk.app.ui.pay.ScannerKeys.payOf(l.port()));
    }

    /** pay: a digit the scanner watch held back was the attendant's: the keymap gets it as it would have. */
    private void scannerReleased(String key, boolean typing) {
        vm.onKey(new Chord(key, false, false, false), typing);
    }

    /** Keys: the keymap decides the action and the lane (always the selected one). */
    private void onKey(KeyEvent e) {
        if (correctionView != null) {
            return; // the dialog has the keys
        }
        if (dutyLayer != null && dutyLayer.showing().get()) {
            return; // the log-in / handover screen has the keys; no lane command behind it
        }
        Object t = e.getTarget();
        boolean typing = t instanceof TextInputControl || t instanceof ComboBox<?> cb && cb.isEditable()
                || t instanceof Spinner<?>;
        if (scanner.onKey(e, typing)) { // pay: a booth scanner's pay code never reaches the keymap
            e.consume();
            return;
        }
        Chord chord = new Chord(e.getCode().name(), e.isControlDown(), e.isAltDown(), e.isShiftDown());
        if (duty != null && env.keymap().chords(com.boothdesk.app.ui.keys.Action.HANDOVER).contains(chord)) {
            duty.openHandover(); // shiftops: 换班 from the keyboard (the duty view-model refuses with nobody on duty)
            e.consume();
            return;
        }
        if (vm.onKey(chord, typing)) {
            e.consume();
        }
    }

    private void openUplinks() {
        if (uplinksView == null) {
            uplinksView = new UplinksView(vm.uplinks(), env.msg(), css()).ownedBy(stage);
        }
        uplinksView.show();
    }

    private void openSpaces() {
        if (spacesView == null) {
            spacesView = new SpacesView(vm.spaces(), env.msg(), css()).ownedBy(stage);
        }
        spacesView.show();
    }

    /**
     * For the documentation: opens the correction dialog on the selected lane (or the first lane with a plate) and
     * writes a PNG of it. Falls back to the main window when no lane has a plate to correct.
     */
    void screenshotCorrection(Path file) {
        LaneViewModel lane = vm.selectedProperty().get();
        if (lane == null || !lane.canCorrectProperty().get()) {
            lane = vm.lanes().stream().filter(l -> l.canCorrectProperty().get()).findFirst().orElse(lane);
        }
        if (lane != null) {
            vm.openCorrection(lane);
        }
        if (correctionView == null) {
            BoothFx.saveScreenshot(root, file);
            return;
        }
        javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.millis(400));
        settle.setOnFinished(e -> BoothFx.saveScreenshot(root, file));
        settle.play();
    }

    // ---- the window's size, remembered in <data>/window.properties ------------------------------------------

    private Path sizeFile() {
        return ports.siteDir() == null ? null : ports.siteDir().resolve("window.properties");
    }

    private Properties remembered() {
        Properties p = new Properties();
        Path f = sizeFile();
        if (f != null && Files.isRegularFile(f)) {
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                LOG.warn("Could not read {}: {}", f, e.toString());
            }
        }
        return p;
    }

    private void remember(Stage s) {
        Path f = sizeFile();
        if (f == null || s.getScene() == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("maximized", String.valueOf(s.isMaximized()));
        p.setProperty("width", String.valueOf((int) s.getScene().getWidth()));
        p.setProperty("height", String.valueOf((int) s.getScene().getHeight()));
        try {
            Files.createDirectories(f.getParent());
            try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                p.store(w, "BoothDesk window size (written when the window closes)");
            }
        } catch (IOException e) {
            LOG.warn("Could not remember the window size in {}: {}", f, e.toString());
        }
    }

    private static double number(Properties p, String key, double fallback) {
        try {
            double v = Double.parseDouble(p.getProperty(key, ""));
            return v >= 600 ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Stops following the application and ends the UI executor. */
    public void dispose() {
        subscriptions.forEach(Observable.Subscription::close);
        subscriptions.clear();
        vm.dispose();
        if (duty != null) {
            duty.close();
        }
        worker.shutdownNow();
    }
}
