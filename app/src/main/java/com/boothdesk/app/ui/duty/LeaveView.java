package com.boothdesk.app.ui.duty;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import com.boothdesk.app.ui.Messages;

/** The password asked to log out or to close the booth. Node ids {@code #leave-user}, {@code #leave-password}, {@code #leave-submit}, {@code #leave-back}, {@code #leave-message}. */
public final class LeaveView extends VBox {

    public LeaveView(LeaveViewModel vm, Messages m, Runnable back) {
        setId("leave-view");
        setSpacing(12);
        setPadding(new Insets(24));
        setAlignment(Pos.CENTER);
        Label title = new Label();
        title.getStyleClass().add("duty-title");
        title.textProperty().bind(vm.title());
        Label hint = new Label(m.get(vm.purpose() == LeaveViewModel.Purpose.EXIT ? "ui.leave.exit.hint"
                : "ui.leave.logout.hint"));
        hint.setWrapText(true);
        TextField user = new TextField();
        user.setId("leave-user");
        user.textProperty().bindBidirectional(vm.userId());
        PasswordField pw = new PasswordField();
        pw.setId("leave-password");
        pw.textProperty().bindBidirectional(vm.password());
        pw.setOnAction(e -> vm.submit());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.setAlignment(Pos.CENTER);
        form.addRow(0, new Label(m.get("staff.login.user")), user);
        form.addRow(1, new Label(m.get("staff.login.password")), pw);
        Button ok = new Button(m.get(vm.purpose() == LeaveViewModel.Purpose.EXIT ? "ui.leave.exit.submit"
                : "ui.leave.logout.submit"));
        ok.setId("leave-submit");
        ok.setDefaultButton(true);
        ok.disableProperty().bind(vm.canSubmit().not());
        ok.setOnAction(e -> vm.submit());
        Button cancel = new Button(m.get("ui.duty.back"));
        cancel.setId("leave-back");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> back.run());
        HBox buttons = new HBox(8, ok, cancel);
        buttons.setAlignment(Pos.CENTER);
        Label message = new Label();
        message.setId("leave-message");
        message.getStyleClass().add("duty-error");
        message.setWrapText(true);
        message.textProperty().bind(vm.message());
        getChildren().addAll(title, hint, form, buttons, message);
    }
}
