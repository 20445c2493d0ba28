package com.boothdesk.app.ui.lane;

import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;

import com.boothdesk.app.domain.lane.VehicleClasses;

/**
 * proto3: the exit's fee class (车型) with the control that switches it; its key is shown beside it. Layout and
 * bindings only; every rule is in {@link VehicleClassViewModel}. Node ids end with the lane id.
 */
public final class VehicleClassView extends HBox {

    public VehicleClassView(VehicleClassViewModel vm, com.boothdesk.app.ui.Language lang, String laneId, String key) {
        super(6);
        setId("class-box-" + laneId);
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label();
        title.textProperty().bind(lang.text(() -> key.isEmpty() ? lang.msg().get("ui.class.title")
                : lang.msg().get("ui.class.title") + " " + key));
        title.getStyleClass().add("total-name");
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ComboBox<VehicleClasses.Choice> box = new ComboBox<>(vm.choices());
        box.setId("class-" + laneId);
        box.setFocusTraversable(false);
        box.setCellFactory(l -> new NameCell());
        box.setButtonCell(new NameCell());
        // the stay's class shows in the control; the attendant's pick goes to the view-model (which prices again)
        vm.currentProperty().addListener((o, a, b) -> box.setValue(b));
        box.setValue(vm.currentProperty().get());
        box.disableProperty().bind(vm.canSwitchProperty().not().or(vm.busyProperty()));
        box.setOnAction(e -> vm.choose(box.getValue()));
        Label error = new Label();
        error.setId("class-error-" + laneId);
        error.getStyleClass().add("error");
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        getChildren().addAll(title, box, error);
        visibleProperty().bind(vm.shownProperty());
        managedProperty().bind(vm.shownProperty());
    }

    /** The lane's fee class control, with the key the keymap gives it (the one line the lane view calls). */
    public static VehicleClassView of(LaneViewModel lane, com.boothdesk.app.ui.BoothViewModel booth) {
        return new VehicleClassView(lane.vehicleClass(), booth.language(), lane.laneId(),
                booth.env().keymap().label(com.boothdesk.app.ui.keys.Action.VEHICLE_CLASS));
    }

    private static final class NameCell extends ListCell<VehicleClasses.Choice> {
        @Override
        protected void updateItem(VehicleClasses.Choice item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "" : item.name());
        }
    }
}
