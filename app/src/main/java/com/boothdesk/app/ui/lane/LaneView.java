package com.boothdesk.app.ui.lane;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import com.boothdesk.app.domain.gate.BarrierAction;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.ui.BoothViewModel;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.PictureBox;
import com.boothdesk.app.ui.keys.Action;

/**
 * One lane on the screen: layout and bindings only (every rule is in {@link LaneViewModel}). Node ids end with the
 * lane id so tests find them. A click anywhere on the lane selects it.
 */
public final class LaneView extends VBox {

    private final LaneViewModel vm;
    /** The exit's fee box keeps this width when the pictures grow (its lines and 应收 减免 / 已付 待缴 two to a row). */
    private static final double FEE_BOX = 320;
    /** Pixels added to each picture's width so that the lane uses the height it is given (1920×1080). */
    private final javafx.beans.property.DoubleProperty grow = new javafx.beans.property.SimpleDoubleProperty(0);

    public LaneView(LaneViewModel vm, BoothViewModel booth) {
        this.vm = vm;
        Messages msg = booth.env().msg();
        // every text written once here follows the language switch (Language.text); the rest is the view-model's
        com.boothdesk.app.ui.Language lang = booth.language();
        String id = vm.laneId();
        boolean exit = vm.isExit();
        setId("lane-" + id);
        getStyleClass().addAll("lane", exit ? "lane-exit" : "lane-entry");
        setSpacing(6);
        setPadding(new Insets(8, 10, 8, 10));
        setMinWidth(380);
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> booth.select(id));
        vm.selectedProperty().addListener((o, a, b) -> styleSelected(b));
        styleSelected(vm.selectedProperty().get());

        // ---- title: lane, selected / waiting badges
        Label title = new Label();
        title.textProperty().bind(vm.titleProperty());
        title.getStyleClass().add("lane-title");
        Label selectedBadge = badge(lang.text("ui.lane.selected"), "badge-selected");
        selectedBadge.setId("selected-" + id);
        selectedBadge.visibleProperty().bind(vm.selectedProperty());
        Label waitingBadge = badge(lang.text("ui.lane.waiting"), "badge-waiting");
        waitingBadge.visibleProperty().bind(Bindings.createBooleanBinding(vm::isWaiting, vm.phaseProperty()));
        Label time = new Label();
        time.setId("time-" + id);
        time.textProperty().bind(vm.timeProperty());
        time.getStyleClass().add("muted");
        HBox titleRow = new HBox(8, title, selectedBadge, waitingBadge, spacer(), time);
        titleRow.setAlignment(Pos.CENTER_LEFT);

        // ---- the car: plate (large), crop, read, colour, confidence, class, list status; fee due (large)
        Label plate = new Label();
        plate.setId("plate-" + id);
        plate.textProperty().bind(vm.plateProperty());
        plate.getStyleClass().add("plate");
        plate.setMinWidth(Region.USE_PREF_SIZE);
        vm.plateColourCodeProperty().addListener((o, a, b) -> plateColour(plate, b));
        plateColour(plate, vm.plateColourCodeProperty().get());
        ImageView crop = new ImageView();
        crop.setId("crop-" + id);
        crop.setFitHeight(44);
        crop.setFitWidth(150);
        crop.setPreserveRatio(true);
        Label noCrop = new Label();
        noCrop.textProperty().bind(lang.text("ui.lane.nocrop"));
        noCrop.getStyleClass().add("picture-missing-small");
        StackPane cropSlot = new StackPane(noCrop, crop);
        cropSlot.setMinSize(70, 44);
        cropSlot.setPrefSize(130, 44);
        cropSlot.getStyleClass().add("crop");
        // the crop never grows out of its slot when the row is narrow (it gives way to the car's class and read)
        crop.fitWidthProperty().bind(cropSlot.widthProperty());
        javafx.scene.shape.Rectangle cropClip = new javafx.scene.shape.Rectangle();
        cropClip.widthProperty().bind(cropSlot.widthProperty());
        cropClip.heightProperty().bind(cropSlot.heightProperty());
        cropSlot.setClip(cropClip);
        vm.plateCropProperty().addListener((o, a, b) -> showCrop(crop, noCrop, b));
        showCrop(crop, noCrop, vm.plateCropProperty().get());
        Label read = label("read-" + id, vm.readPlateProperty(), "plate-read");
        Label facts = new Label();
        facts.setId("facts-" + id);
        facts.textProperty().bind(Bindings.createStringBinding(() -> join(vm.plateColourProperty().get(),
                        vm.confidenceProperty().get()), vm.plateColourProperty(), vm.confidenceProperty()));
        Label kind = new Label();
        kind.setId("kind-" + id);
        kind.getStyleClass().add("car-kind");
        kind.textProperty().bind(Bindings.createStringBinding(() -> join(vm.carClassProperty().get(),
                vm.listStatusProperty().get()), vm.carClassProperty(), vm.listStatusProperty()));
        VBox about = new VBox(0, read, kind, facts);
        about.setAlignment(Pos.CENTER_LEFT);
        about.setMinWidth(Region.USE_PREF_SIZE); // the car's class and read stay whole; the crop gives way
        HBox carRow = new HBox(10, plate, cropSlot, about);
        carRow.setAlignment(Pos.CENTER_LEFT);
        if (exit) {
            Label dueName = new Label();
            dueName.textProperty().bind(lang.text("ui.checkout.due"));
            dueName.getStyleClass().add("due-name");
            dueName.setMinWidth(Region.USE_PREF_SIZE); // the crop gives way, never 待缴
            Label due = new Label();
            due.setId("due-" + id);
            due.getStyleClass().add("due");
            due.textProperty().bind(Bindings.when(vm.checkout().dueProperty().isEmpty()).then("—")
                    .otherwise(vm.checkout().dueProperty()));
            due.setMinWidth(Region.USE_PREF_SIZE);
            HBox dueBox = new HBox(6, dueName, due);
            dueBox.setAlignment(Pos.CENTER_RIGHT);
            carRow.getChildren().addAll(spacer(), dueBox);
        }

        Label status = label("status-" + id, vm.messageProperty(), "lane-status");
        status.setWrapText(true);
        vm.phaseProperty().addListener((o, a, b) -> phaseStyle(status, b));
        phaseStyle(status, vm.phaseProperty().get());

        // ---- pictures side by side, each a third of the lane; the exit's side column: fee box or pick list
        // each exit picture at least a third of the lane's width (the rule), the entry's scene larger
        // on a tall screen the lane has height to spare: the pictures take it (layoutChildren), up to a share of the
        // lane's width that leaves the fee box its room (exit) or the lane its margins (entry)
        double base = exit ? 0.335 : 0.62;
        DoubleBinding third = Bindings.createDoubleBinding(() -> {
            double w = getWidth();
            // the exit's two pictures never squeeze the fee box below FEE_BOX (a squeezed box wraps and grows taller)
            double most = exit ? Math.max(w * base, (w - 20 - 16 - FEE_BOX) / 2) : w * 0.92;
            return Math.floor(Math.min(most, w * base + grow.get()));
        }, widthProperty(), grow);
        PictureBox scene = new PictureBox("image-" + id, msg.get(exit ? "ui.lane.picture.exit"
                : "ui.lane.picture.scene"), msg.get(exit ? "ui.lane.nopicture.exit" : "ui.lane.nopicture.scene"),
                vm.scenePictureProperty(), third, booth.env().background())
                .texts(lang.text(exit ? "ui.lane.picture.exit" : "ui.lane.picture.scene"),
                        lang.text(exit ? "ui.lane.nopicture.exit" : "ui.lane.nopicture.scene"));
        HBox media = new HBox(8);
        GridPane echo = echo(vm, lang, id);
        if (exit) {
            PictureBox entry = new PictureBox("entry-image-" + id, msg.get("ui.lane.picture.entry"),
                    msg.get("ui.lane.nopicture.entry"), vm.entryPictureProperty(), third, booth.env().background())
                    .texts(lang.text("ui.lane.picture.entry"), lang.text("ui.lane.nopicture.entry"));
            CheckoutView checkout = new CheckoutView(vm.checkout(), msg, id);
            PickListView picks = new PickListView(vm.picks(), msg, id, vm::pick);
            checkout.visibleProperty().bind(vm.unmatchedProperty().not());
            // five candidates do not push the lane down: the list scrolls within the fee box's height (1-5 pick)
            javafx.scene.control.ScrollPane pickScroll = new javafx.scene.control.ScrollPane(picks);
            pickScroll.setId("picks-scroll-" + id);
            pickScroll.setFitToWidth(true);
            pickScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
            pickScroll.setFocusTraversable(false);
            pickScroll.setMinHeight(0);
            pickScroll.setPrefHeight(60);
            pickScroll.getStyleClass().add("picks-scroll");
            pickScroll.visibleProperty().bind(vm.unmatchedProperty());
            StackPane side = new StackPane(checkout, pickScroll);
            StackPane.setAlignment(checkout, Pos.TOP_LEFT);
            // the fee box writes its names once: after a language switch it is made again (same view-model)
            lang.localeProperty().addListener((o, a, b) -> {
                CheckoutView again = new CheckoutView(vm.checkout(), msg, id);
                again.visibleProperty().bind(vm.unmatchedProperty().not());
                StackPane.setAlignment(again, Pos.TOP_LEFT);
                side.getChildren().set(0, again);
            });
            StackPane.setAlignment(pickScroll, Pos.TOP_LEFT);
            side.getStyleClass().add("side");
            HBox.setHgrow(side, Priority.ALWAYS);
            side.setMinWidth(180);
            side.setPrefWidth(180);
            // no stay matched yet: the entry picture belongs to a candidate, so its slot goes to the pick list
            entry.visibleProperty().bind(vm.unmatchedProperty().not());
            entry.managedProperty().bind(vm.unmatchedProperty().not());
            media.getChildren().addAll(entry, scene, side);
        } else {
            media.getChildren().add(scene);
        }

        getChildren().addAll(titleRow, carRow, status, media);
        if (!exit) {
            getChildren().add(echo);
        }

        // ---- under the pictures: cash, actions, reason and barrier, the device echo; on an exit that takes
        // payments the pay code stands beside them, so the lane is no taller with it than without it
        VBox below = new VBox(getSpacing());

        // ---- cash: tendered and change, large
        if (exit) {
            TextField tendered = new TextField();
            tendered.setId("tendered-" + id);
            tendered.getStyleClass().add("tendered");
            tendered.promptTextProperty().bind(lang.text("ui.checkout.tendered"));
            tendered.setPrefColumnCount(9);
            tendered.textProperty().bindBidirectional(vm.checkout().tenderedProperty());
            tendered.disableProperty().bind(vm.payingProperty().not());
            tendered.setOnAction(e -> vm.cash());
            Label change = new Label();
            change.setId("change-" + id);
            change.getStyleClass().add("change");
            change.textProperty().bind(vm.checkout().changeProperty());
            Button cash = button(booth, Action.CASH, "cash-" + id, vm::cash, vm.canCashProperty());
            cash.getStyleClass().add("action-cash");
            HBox cashRow = new HBox(10, tendered, cash, change);
            cashRow.setAlignment(Pos.CENTER_LEFT);
            cashRow.getChildren().add(VehicleClassView.of(vm, booth)); // proto3: the fee class and its switch
            below.getChildren().add(cashRow);
        }

        // ---- the lane's actions, each with its key
        FlowPane actions = new FlowPane(6, 6);
        if (exit) {
            actions.getChildren().add(button(booth, Action.FREE, "free-" + id, vm::free, vm.canFreeProperty()));
        }
        actions.getChildren().addAll(
                button(booth, Action.CONFIRM, "confirm-" + id, vm::confirm, vm.canConfirmProperty()),
                button(booth, Action.REFUSE, "refuse-" + id, vm::refuse, vm.canRefuseProperty()),
                button(booth, Action.CORRECT, "correct-" + id, () -> booth.openCorrection(vm),
                        vm.canCorrectProperty()));
        if (exit) {
            TextField search = new TextField();
            search.setId("search-" + id);
            search.promptTextProperty().bind(lang.text("lane.search"));
            search.setPrefColumnCount(8);
            search.textProperty().bindBidirectional(vm.picks().searchProperty());
            search.disableProperty().bind(vm.canSearchProperty().not());
            search.setOnAction(e -> vm.search());
            actions.getChildren().addAll(
                    button(booth, Action.NO_RECORD, "norecord-" + id, vm::noRecord, vm.canNoRecordProperty()),
                    search);
        }

        // ---- reason (per kind of action) and the manual barrier, for every lane
        ComboBox<String> reason = new ComboBox<>(vm.reasonChoices());
        reason.setId("reason-" + id);
        reason.setEditable(true);
        reason.setPrefWidth(190);
        reason.setFocusTraversable(true);
        reason.promptTextProperty().bind(Bindings.createStringBinding(() -> msg.get("ui.lane.reason."
                + vm.reasonKindProperty().get().name().toLowerCase(Locale.ROOT)), vm.reasonKindProperty(),
                lang.localeProperty()));
        reason.getEditor().textProperty().bindBidirectional(vm.reasonProperty());
        reason.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(vm.reasonProperty().get())) {
                vm.reasonProperty().set(b);
            }
        });
        vm.reasonProperty().addListener((o, a, b) -> {
            if (b == null || b.isEmpty()) {
                // the box resets after use: no stale choice that a second pick of the same reason would not fire
                reason.getSelectionModel().clearSelection();
                reason.setValue(null);
            }
        });
        FlowPane gate = new FlowPane(6, 6, reason,
                barrier(booth, vm, Action.BARRIER_OPEN, BarrierAction.OPEN, "manual-open-" + id),
                barrier(booth, vm, Action.BARRIER_CLOSE, BarrierAction.CLOSE, "manual-close-" + id),
                barrier(booth, vm, Action.KEEP_OPEN, BarrierAction.KEEP_OPEN, "keep-open-" + id),
                barrier(booth, vm, Action.RELEASE_KEEP_OPEN, BarrierAction.RELEASE_KEEP_OPEN,
                        "release-keep-open-" + id));
        gate.setAlignment(Pos.CENTER_LEFT);

        Label feedback = label("feedback-" + id, vm.errorProperty(), "error");
        feedback.setWrapText(true);
        feedback.managedProperty().bind(vm.errorProperty().isNotEmpty());
        feedback.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        Label info = label("info-" + id, vm.infoProperty(), "info");
        info.managedProperty().bind(vm.infoProperty().isNotEmpty());
        info.visibleProperty().bind(vm.infoProperty().isNotEmpty());

        if (exit) {
            below.getChildren().addAll(actions, gate, feedback, info, echo);
            getChildren().add(com.boothdesk.app.ui.pay.PayCodeView.beside(below, vm.port(), booth.env())); // pay
        } else {
            below.getChildren().addAll(actions, gate, feedback, info);
            getChildren().add(below);
        }
    }

    public LaneViewModel viewModel() {
        return vm;
    }

    /**
     * The lane is given more height than it needs (a tall window): the pictures grow into it (9 px of height for
     * 16 of width), or give back what they took when the lane is given less; damped so that it settles.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double w = getWidth();
        if (w <= 0 || getHeight() <= 0) {
            return;
        }
        double spare = getHeight() - prefHeight(w);
        double now = grow.get();
        double next = now;
        if (spare > 3) {
            next = now + Math.floor(spare * 0.9 * 16 / 9);
        } else if (spare < -1 && now > 0) {
            next = Math.max(0, now + Math.floor(spare * 16 / 9) - 1);
        }
        next = Math.min(next, w); // the binding caps it at the lane's share; this keeps the number sane
        if (next != now) {
            grow.set(next);
        }
    }

    private static GridPane echo(LaneViewModel vm, com.boothdesk.app.ui.Language lang, String id) {
        GridPane echo = new GridPane();
        echo.setHgap(8);
        echo.setVgap(2);
        Label led = label("led-" + id, vm.ledProperty(), "led");
        Label voice = label("voice-" + id, vm.voiceProperty(), "voice");
        Label devices = label("devices-" + id, vm.devicesProperty(), "devices");
        vm.devicesTroubleProperty().addListener((o, a, b) -> devicesStyle(devices, b));
        devicesStyle(devices, vm.devicesTroubleProperty().get());
        echo.addRow(0, text(lang.text("lane.led")), led);
        echo.addRow(1, text(lang.text("lane.voice")), voice);
        echo.addRow(2, text(lang.text("lane.devices")), devices);
        return echo;
    }

    private static Button button(BoothViewModel booth, Action action, String id, Runnable run,
                                 javafx.beans.binding.BooleanBinding enabled) {
        Button b = new Button();
        b.textProperty().bind(booth.buttonTextBinding(action));
        b.setId(id);
        b.setFocusTraversable(false);
        b.setOnAction(e -> run.run());
        b.disableProperty().bind(enabled.not());
        return b;
    }

    private static Button barrier(BoothViewModel booth, LaneViewModel vm, Action action, BarrierAction what,
                                  String id) {
        Button b = button(booth, action, id, () -> vm.barrier(what), vm.canBarrierProperty());
        b.getStyleClass().add(what == BarrierAction.OPEN || what == BarrierAction.KEEP_OPEN ? "action-manual"
                : "action-manual-close");
        return b;
    }

    private static Label label(String id, javafx.beans.value.ObservableStringValue text, String style) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.getStyleClass().add(style);
        return l;
    }

    private static Label text(javafx.beans.value.ObservableStringValue text) {
        Label l = new Label();
        l.textProperty().bind(text);
        return l;
    }

    private static Label badge(javafx.beans.value.ObservableStringValue text, String style) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.getStyleClass().addAll("badge", style);
        return l;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + " · " + b;
    }

    private void styleSelected(boolean selected) {
        getStyleClass().remove("lane-selected");
        if (selected) {
            getStyleClass().add("lane-selected");
        }
    }

    private static void phaseStyle(Label status, LanePhase phase) {
        status.getStyleClass().removeIf(c -> c.startsWith("phase-"));
        status.getStyleClass().add("phase-" + phase.name().toLowerCase(Locale.ROOT));
    }

    private static void plateColour(Label plate, String code) {
        plate.getStyleClass().removeIf(c -> c.startsWith("plate-colour-"));
        plate.getStyleClass().add("plate-colour-" + (code == null || code.isEmpty() ? "1" : code));
    }

    private static void devicesStyle(Label devices, boolean trouble) {
        devices.getStyleClass().removeAll("devices-fine", "devices-trouble");
        devices.getStyleClass().add(trouble ? "devices-trouble" : "devices-fine");
    }

    private static void showCrop(ImageView crop, Label none, byte[] jpeg) {
        Image img = jpeg == null || jpeg.length == 0 ? null : new Image(new java.io.ByteArrayInputStream(jpeg));
        crop.setImage(img == null || img.isError() ? null : img);
        none.setVisible(crop.getImage() == null);
    }
}
