package com.boothdesk.app.ui;

import java.util.concurrent.CompletableFuture;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

import com.boothdesk.app.BoothContext;
import com.boothdesk.app.domain.lane.ParkSpaces;

/** The attendant corrects an area's remaining spaces (cars that left unseen, reserved spaces); a reason is required. */
final class SpacesWindow {

    private final ParkSpaces spaces;
    private final String operator;
    private final Messages msg;
    private final Stage stage = new Stage();
    private final ComboBox<String> area = new ComboBox<>();
    private final Spinner<Integer> delta = new Spinner<>(-1000, 1000, 0);
    private final TextField reason = new TextField();
    private final Label feedback = new Label();

    SpacesWindow(BoothContext ctx) {
        this.spaces = ctx.spaces();
        this.operator = ctx.operator();
        this.msg = ctx.messages();
        area.setId("spaces-area");
        area.getItems().setAll(spaces.areas());
        area.getSelectionModel().selectFirst();
        delta.setId("spaces-delta");
        delta.setEditable(true);
        reason.setId("spaces-reason");
        reason.setPromptText(msg.get("lane.reason"));
        feedback.setId("spaces-feedback");
        Button apply = new Button(msg.get("spaces.apply"));
        apply.setId("spaces-apply");
        apply.setOnAction(e -> apply());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label(msg.get("spaces.area")), area);
        grid.addRow(1, new Label(msg.get("spaces.delta")), delta);
        grid.addRow(2, new Label(msg.get("lane.reason")), reason);
        grid.addRow(3, apply, feedback);
        stage.setTitle(msg.get("spaces.title"));
        stage.setScene(new Scene(grid, 420, 200));
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    private void apply() {
        String a = area.getValue();
        int d = delta.getValue();
        String why = reason.getText() == null ? "" : reason.getText().trim();
        if (why.isEmpty()) {
            feedback.setText(msg.get("reason.required"));
            return;
        }
        CompletableFuture.supplyAsync(() -> {
            spaces.adjust(a, d, why, operator);
            return spaces.free(a);
        }).whenComplete((free, error) -> UiThread.run(() -> {
            if (error != null) {
                feedback.setText(msg.get("lane.error", String.valueOf(error.getCause() == null ? error.getMessage()
                        : error.getCause().getMessage())));
            } else {
                feedback.setText(msg.get("spaces.done", a, free));
                reason.clear();
            }
        }));
    }
}
