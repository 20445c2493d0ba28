package com.boothdesk.app.ui.tools;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

import com.boothdesk.app.ui.Messages;

/** 余位校正 window: area by name, the change, a reason (required); the main window's dark theme. */
public final class SpacesView {

    private final Stage stage = new Stage();
    private final SpacesViewModel vm;

    public SpacesView(SpacesViewModel vm, Messages msg, String css) {
        this.vm = vm;
        ComboBox<SpacesViewModel.Area> area = new ComboBox<>(vm.areas());
        area.setId("spaces-area");
        area.valueProperty().bindBidirectional(vm.areaProperty());
        Label free = new Label();
        free.setId("spaces-current");
        free.textProperty().bind(Bindings.createStringBinding(() -> vm.areaProperty().get() == null ? ""
                : msg.get("ui.spaces.free") + " " + vm.areaProperty().get().free(), vm.areaProperty()));
        Spinner<Integer> delta = new Spinner<>(-1000, 1000, 0);
        delta.setId("spaces-delta");
        delta.setEditable(true);
        delta.getEditor().textProperty().bindBidirectional(vm.deltaProperty());
        TextField reason = new TextField();
        reason.setId("spaces-reason");
        reason.setPromptText(msg.get("lane.reason"));
        reason.setPrefColumnCount(18);
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        Label feedback = new Label();
        feedback.setId("spaces-feedback");
        feedback.textProperty().bind(vm.feedbackProperty());
        feedback.setWrapText(true);
        vm.failedProperty().addListener((o, a, b) -> {
            feedback.getStyleClass().removeAll("error", "info");
            feedback.getStyleClass().add(b ? "error" : "info");
        });
        Button apply = new Button(msg.get("spaces.apply"));
        apply.setId("spaces-apply");
        apply.disableProperty().bind(vm.busyProperty());
        apply.setOnAction(e -> vm.apply());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(14));
        grid.getStyleClass().addAll("booth", "tool-window");
        grid.addRow(0, new Label(msg.get("spaces.area")), area, free);
        grid.addRow(1, new Label(msg.get("spaces.delta")), delta);
        grid.addRow(2, new Label(msg.get("lane.reason")), reason);
        grid.addRow(3, apply);
        grid.add(feedback, 0, 4, 3, 1);
        Scene scene = new Scene(grid, 520, 240);
        if (css != null) {
            scene.getStylesheets().add(css);
        }
        stage.setTitle(msg.get("spaces.title"));
        stage.setScene(scene);
    }

    /** Over the booth window: stays above it and gives the focus (the keys) back to it when closed. */
    public SpacesView ownedBy(javafx.stage.Window owner) {
        if (owner != null && stage.getOwner() == null && !stage.isShowing()) {
            stage.initOwner(owner);
        }
        return this;
    }

    public void show() {
        vm.load();
        stage.show();
        stage.toFront();
    }
}
