package com.boothdesk.app.ui.shift;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import com.boothdesk.app.ui.Messages;

/**
 * The supervisor's confirmation dialog (layout and bindings of {@link SupervisorDialogViewModel}). Node ids:
 * {@code #supervisor-user}, {@code #supervisor-password}, {@code #supervisor-confirm}, {@code #supervisor-cancel},
 * {@code #supervisor-message}.
 */
public final class SupervisorDialog extends VBox {

    public SupervisorDialog(SupervisorDialogViewModel vm, Messages m) {
        setId("supervisor-dialog");
        setSpacing(10);
        setPadding(new Insets(16));
        Label title = new Label();
        title.textProperty().bind(vm.title());
        title.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        TextField user = new TextField();
        user.setId("supervisor-user");
        user.textProperty().bindBidirectional(vm.supervisorId());
        PasswordField pw = new PasswordField();
        pw.setId("supervisor-password");
        pw.textProperty().bindBidirectional(vm.password());
        pw.setOnAction(e -> vm.confirm());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label(m.get("staff.supervisor.user")), user);
        form.addRow(1, new Label(m.get("staff.supervisor.password")), pw);
        Button ok = new Button(m.get("staff.supervisor.confirm"));
        ok.setId("supervisor-confirm");
        ok.setDefaultButton(true);
        ok.disableProperty().bind(vm.canConfirm().not());
        ok.setOnAction(e -> vm.confirm());
        Button cancel = new Button(m.get("staff.supervisor.cancel"));
        cancel.setId("supervisor-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> vm.cancel());
        Label message = new Label();
        message.setId("supervisor-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.message());
        getChildren().addAll(title, form, new HBox(8, ok, cancel), message);
    }

    /** Shows the dialog over {@code owner}; it closes itself when the confirmation completes or is cancelled. */
    public static void show(SupervisorDialogViewModel vm, Messages m, Window owner) {
        Stage stage = new Stage();
        stage.initModality(Modality.WINDOW_MODAL);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(vm.title().get());
        stage.setScene(new Scene(new SupervisorDialog(vm, m)));
        vm.result().whenComplete((c, e) -> com.boothdesk.app.ui.UiThread.run(stage::close));
        stage.setOnCloseRequest(e -> vm.cancel());
        stage.show();
    }
}
