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

/** Layout and bindings of {@link FirstAdminViewModel}. Node ids {@code #first-admin-*}. */
public final class FirstAdminView extends VBox {

    public FirstAdminView(FirstAdminViewModel vm, Messages m) {
        setId("first-admin-view");
        setSpacing(12);
        setPadding(new Insets(32));
        setAlignment(Pos.CENTER);
        Label title = new Label(m.get("staff.admin.title"));
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label hint = new Label(m.get("staff.admin.hint"));
        hint.setWrapText(true);
        TextField id = new TextField();
        id.setId("first-admin-user");
        id.textProperty().bindBidirectional(vm.userId());
        TextField name = new TextField();
        name.setId("first-admin-name");
        name.textProperty().bindBidirectional(vm.name());
        PasswordField pw = new PasswordField();
        pw.setId("first-admin-password");
        pw.textProperty().bindBidirectional(vm.password());
        PasswordField again = new PasswordField();
        again.setId("first-admin-repeat");
        again.textProperty().bindBidirectional(vm.repeat());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.setAlignment(Pos.CENTER);
        form.addRow(0, new Label(m.get("staff.login.user")), id);
        form.addRow(1, new Label(m.get("staff.admin.name")), name);
        form.addRow(2, new Label(m.get("staff.login.new_password")), pw);
        form.addRow(3, new Label(m.get("staff.login.repeat")), again);
        Button ok = new Button(m.get("staff.admin.create"));
        ok.setId("first-admin-submit");
        ok.setDefaultButton(true);
        ok.disableProperty().bind(vm.canSubmit().not());
        ok.setOnAction(e -> vm.submit());
        Label message = new Label();
        message.setId("first-admin-message");
        message.textProperty().bind(vm.message());
        getChildren().addAll(title, hint, form, ok, message);
    }
}
