package com.boothdesk.app.ui.login;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import com.boothdesk.app.ui.Messages;

/**
 * The supervisor's closing of another attendant's open shift, under the log-in form. Layout and bindings only; the
 * rules are in {@link CloseShiftViewModel}. Node ids: {@code #close-shift-view}, {@code #close-shift-user},
 * {@code #close-shift-password}, {@code #close-shift-remark}, {@code #close-shift-submit},
 * {@code #close-shift-message}.
 */
public final class CloseShiftView extends VBox {

    public CloseShiftView(CloseShiftViewModel vm, Messages m) {
        setId("close-shift-view");
        setSpacing(8);
        setPadding(new Insets(12, 0, 0, 0));
        setAlignment(Pos.CENTER);
        getStyleClass().add("close-shift");
        Label title = new Label(vm.title());
        title.setId("close-shift-title");
        title.setWrapText(true);
        title.setStyle("-fx-font-weight: bold;");

        TextField user = new TextField();
        user.setId("close-shift-user");
        user.setPromptText(m.get("staff.close_shift.user_prompt"));
        user.textProperty().bindBidirectional(vm.supervisor());
        PasswordField password = new PasswordField();
        password.setId("close-shift-password");
        password.textProperty().bindBidirectional(vm.password());
        TextField remark = new TextField();
        remark.setId("close-shift-remark");
        remark.setPromptText(m.get("staff.close_shift.remark_prompt"));
        remark.textProperty().bindBidirectional(vm.remark());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.setAlignment(Pos.CENTER);
        form.addRow(0, new Label(m.get("staff.close_shift.user")), user);
        form.addRow(1, new Label(m.get("staff.close_shift.password")), password);
        form.addRow(2, new Label(m.get("staff.close_shift.remark")), remark);

        Button submit = new Button(m.get("staff.close_shift.submit"));
        submit.setId("close-shift-submit");
        submit.disableProperty().bind(vm.canSubmit().not());
        submit.setOnAction(e -> vm.submit());
        remark.setOnAction(e -> {
            if (vm.canSubmit().get()) {
                vm.submit();
            }
        });

        Label message = new Label();
        message.setId("close-shift-message");
        message.setWrapText(true);
        message.setStyle("-fx-text-fill: #ff8389;");
        message.textProperty().bind(vm.message());
        message.visibleProperty().bind(vm.message().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        getChildren().addAll(new javafx.scene.control.Separator(), title, form, submit, message);
    }
}
