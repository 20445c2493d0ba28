package com.boothdesk.app.ui.shift;

import java.util.Map;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import com.boothdesk.app.ui.Messages;
import com.boothdesk.sdk.message.Fen;

/**
 * The handover screen's layout and bindings ({@link HandoverViewModel} holds the rules). Node ids:
 * {@code #handover-lines}, {@code #handover-expected}, {@code #handover-counted}, {@code #handover-by-pieces},
 * {@code #handover-piece-<fen>}, {@code #handover-difference}, {@code #handover-remark}, {@code #handover-user},
 * {@code #handover-password}, {@code #handover-submit}, {@code #handover-close}, {@code #handover-message}.
 */
public final class HandoverView extends VBox {

    public HandoverView(HandoverViewModel vm, Messages m) {
        setId("handover-view");
        setSpacing(10);
        setPadding(new Insets(16));
        Label title = new Label(m.get("staff.handover.title"));
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label who = new Label();
        who.textProperty().bind(javafx.beans.binding.Bindings.concat(m.get("staff.handover.outgoing"), ": ",
                vm.outgoing(), "   ", m.get("staff.handover.since"), ": ", vm.since()));

        ListView<String> lines = new ListView<>(vm.lines());
        lines.setId("handover-lines");
        lines.setPrefHeight(300);

        Label expected = new Label();
        expected.setId("handover-expected");
        expected.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Fen.format(vm.expectedFen().get()), vm.expectedFen()));
        TextField counted = new TextField();
        counted.setId("handover-counted");
        counted.textProperty().bindBidirectional(vm.countedText());
        counted.disableProperty().bind(vm.byPieces());
        CheckBox byPieces = new CheckBox(m.get("staff.handover.by_pieces"));
        byPieces.setId("handover-by-pieces");
        byPieces.selectedProperty().bindBidirectional(vm.byPieces());
        HBox pieceBox = new HBox(6);
        for (Map.Entry<Long, javafx.beans.property.IntegerProperty> e : vm.pieces().entrySet()) {
            Spinner<Integer> s = new Spinner<>(0, 9999, 0);
            s.setId("handover-piece-" + e.getKey());
            s.setEditable(true);
            s.setPrefWidth(80);
            s.getValueFactory().valueProperty().addListener((o, a, b) -> e.getValue().set(b == null ? 0 : b));
            long face = e.getKey();
            pieceBox.getChildren().add(new VBox(2, new Label(face % 100 == 0 ? face / 100 + "元" : face + "分"), s));
        }
        pieceBox.visibleProperty().bind(vm.byPieces());
        pieceBox.managedProperty().bind(vm.byPieces());
        Label difference = new Label();
        difference.setId("handover-difference");
        difference.textProperty().bind(vm.differenceText());
        // a difference is what the next person looks at: red and bold while the cash does not match
        difference.styleProperty().bind(javafx.beans.binding.Bindings.when(vm.remarkRequired())
                .then("-fx-text-fill: #ff8389; -fx-font-weight: bold;").otherwise(""));
        TextField remark = new TextField();
        remark.setId("handover-remark");
        remark.textProperty().bindBidirectional(vm.remark());
        // red while a remark is needed and missing; a written remark looks like any filled field
        remark.styleProperty().bind(javafx.beans.binding.Bindings.when(javafx.beans.binding.Bindings
                .createBooleanBinding(() -> vm.remarkRequired().get() && vm.remark().get().isBlank(),
                        vm.remarkRequired(), vm.remark()))
                .then("-fx-border-color: #c62828;").otherwise(""));
        TextField user = new TextField();
        user.setId("handover-user");
        user.textProperty().bindBidirectional(vm.incomingUser());
        PasswordField pw = new PasswordField();
        pw.setId("handover-password");
        pw.textProperty().bindBidirectional(vm.incomingPassword());

        GridPane cash = new GridPane();
        cash.setHgap(8);
        cash.setVgap(8);
        cash.addRow(0, new Label(m.get("staff.handover.expected")), expected);
        cash.addRow(1, new Label(m.get("staff.handover.counted")), counted, byPieces);
        cash.addRow(2, new Label(m.get("staff.handover.difference")), difference);
        cash.addRow(3, new Label(m.get("staff.handover.remark")), remark);
        cash.addRow(4, new Label(m.get("staff.handover.incoming_user")), user);
        cash.addRow(5, new Label(m.get("staff.handover.incoming_password")), pw);

        Button submit = new Button(m.get("staff.handover.submit"));
        submit.setId("handover-submit");
        submit.disableProperty().bind(vm.canSubmit().not());
        submit.setOnAction(e -> vm.submit());
        Button close = new Button(m.get("staff.handover.close_booth"));
        close.setId("handover-close");
        close.disableProperty().bind(vm.canSubmit().not());
        close.setOnAction(e -> vm.closeBooth());
        Label message = new Label();
        message.setId("handover-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.message());

        getChildren().addAll(title, who, lines, cash, pieceBox, new HBox(8, submit, close), message);
    }
}
