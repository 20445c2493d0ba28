package com.boothdesk.app.ui.correction;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import com.boothdesk.app.ui.Messages;

/**
 * The plate-correction dialog (F6): province grid, letters and digits, the new-energy form and the confirmation
 * old → new. Layout and bindings only; {@link CorrectionViewModel} decides. Enter confirms, Esc cancels. Shown as a
 * modal layer over the booth window (a booth PC has one screen and one keyboard focus).
 */
public final class CorrectionView {

    private final CorrectionViewModel vm;
    private final VBox root;
    private final TextField field = new TextField();
    private Runnable onClosed = () -> { };

    public CorrectionView(CorrectionViewModel vm, Messages msg) {
        this.vm = vm;
        Label title = new Label(vm.title());
        title.getStyleClass().add("dialog-title");
        Label preview = new Label();
        preview.setId("correction-preview");
        preview.getStyleClass().add("correction-preview");
        preview.textProperty().bind(vm.confirmationProperty());
        field.setId("correction-plate");
        field.getStyleClass().add("correction-field");
        field.setTextFormatter(new TextFormatter<String>(c -> {
            c.setText(c.getText().toUpperCase(java.util.Locale.ROOT).replaceAll("\\s", ""));
            return c;
        }));
        field.textProperty().bindBidirectional(vm.plateProperty());
        CheckBox newEnergy = new CheckBox(msg.get("ui.correct.newenergy"));
        newEnergy.setId("correction-newenergy");
        newEnergy.selectedProperty().bindBidirectional(vm.newEnergyProperty());
        newEnergy.setFocusTraversable(false);
        Label problem = new Label();
        problem.setId("correction-problem");
        problem.getStyleClass().add("muted");
        problem.textProperty().bind(vm.problemProperty());
        Label error = new Label();
        error.setId("correction-error");
        error.getStyleClass().add("error");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(vm.problemProperty().isNotEmpty());

        GridPane provinces = grid("correction-province", CorrectionViewModel.PROVINCES, 11);
        GridPane specials = grid("correction-special", CorrectionViewModel.SPECIALS, 11);
        GridPane letters = grid("correction-letter", CorrectionViewModel.LETTERS, 12);
        GridPane digits = grid("correction-digit", CorrectionViewModel.DIGITS, 12);

        Button back = small(msg.get("ui.correct.backspace"), "correction-backspace", vm::backspace);
        Button clear = small(msg.get("ui.correct.clear"), "correction-clear", vm::clear);
        Button ok = new Button(msg.get("ui.correct.confirm"));
        ok.setId("correction-confirm");
        ok.getStyleClass().add("action-cash");
        ok.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()));
        ok.setOnAction(e -> vm.confirm());
        Button cancel = new Button(msg.get("ui.correct.cancel"));
        cancel.setId("correction-cancel");
        cancel.setOnAction(e -> close());
        HBox editRow = new HBox(8, new Label(msg.get("ui.correct.change")), field, newEnergy, back, clear);
        editRow.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(10, ok, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        root = new VBox(8, title, preview, editRow, problem, provinces, specials, letters, digits, error, buttons);
        root.setId("correction-dialog");
        root.getStyleClass().addAll("booth", "dialog");
        root.setPadding(new Insets(14));
        root.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.confirm();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        vm.doneProperty().addListener((o, a, b) -> {
            if (b) {
                close();
            }
        });
    }

    private GridPane grid(String idPrefix, List<String> keys, int columns) {
        GridPane g = new GridPane();
        g.setHgap(4);
        g.setVgap(4);
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            Button b = new Button(k);
            b.setId(idPrefix + "-" + k);
            b.getStyleClass().add("grid-key");
            b.setFocusTraversable(false);
            b.setOnAction(e -> vm.press(k));
            g.add(b, i % columns, i / columns);
        }
        return g;
    }

    private static Button small(String text, String id, Runnable r) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setOnAction(e -> r.run());
        return b;
    }

    public VBox root() {
        return root;
    }

    /** Called once it is on screen: the plate field takes the keys, all selected (typing replaces it). */
    public void shown(Runnable whenClosed) {
        this.onClosed = whenClosed;
        field.requestFocus();
        field.selectAll();
    }

    public void close() {
        Runnable r = onClosed;
        onClosed = () -> { };
        r.run();
    }
}
