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
 * The log-in screen: user id, password, the log-in button; for a first log-in the new password twice. Layout and
 * bindings only; every rule is in {@link LoginViewModel}. Node ids: {@code #login-user}, {@code #login-password},
 * {@code #login-submit}, {@code #login-new}, {@code #login-repeat}, {@code #login-message}; a supervisor's closing of another attendant's
 * shift under it ({@link CloseShiftView}) while that shift refuses the log-in.
 */
public final class LoginView extends VBox {

    public LoginView(LoginViewModel vm, Messages m) {
        setId("login-view");
        setSpacing(12);
        setPadding(new Insets(32));
        setAlignment(Pos.CENTER);
        Label title = new Label(m.get("staff.login.title"));
        title.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");

        TextField user = new TextField();
        user.setId("login-user");
        user.textProperty().bindBidirectional(vm.userId());
        PasswordField password = new PasswordField();
        password.setId("login-password");
        password.textProperty().bindBidirectional(vm.password());
        PasswordField fresh = new PasswordField();
        fresh.setId("login-new");
        fresh.textProperty().bindBidirectional(vm.newPassword());
        PasswordField repeat = new PasswordField();
        repeat.setId("login-repeat");
        repeat.textProperty().bindBidirectional(vm.repeatPassword());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.setAlignment(Pos.CENTER);
        form.addRow(0, new Label(m.get("staff.login.user")), user);
        Label pwLabel = new Label(m.get("staff.login.password"));
        form.addRow(1, pwLabel, password);
        Label newLabel = new Label(m.get("staff.login.new_password"));
        Label repeatLabel = new Label(m.get("staff.login.repeat"));
        form.addRow(2, newLabel, fresh);
        form.addRow(3, repeatLabel, repeat);
        var setting = vm.mode().isEqualTo(LoginViewModel.Mode.SET_PASSWORD);
        for (var n : new javafx.scene.Node[] {newLabel, fresh, repeatLabel, repeat}) {
            n.visibleProperty().bind(setting);
            n.managedProperty().bind(setting);
        }
        for (var n : new javafx.scene.Node[] {pwLabel, password}) {
            n.visibleProperty().bind(setting.not());
            n.managedProperty().bind(setting.not());
        }

        Button submit = new Button();
        submit.setId("login-submit");
        submit.setDefaultButton(true);
        submit.textProperty().bind(javafx.beans.binding.Bindings.when(setting)
                .then(m.get("staff.login.set_password")).otherwise(m.get("staff.login.submit")));
        submit.disableProperty().bind(vm.canSubmit().not());
        submit.setOnAction(e -> vm.submit());
        password.setOnAction(e -> vm.submit());

        Label message = new Label();
        message.setId("login-message");
        message.setWrapText(true);
        message.setStyle("-fx-text-fill: #ff8389;"); // light red: reads on the booth's dark panel and on white
        message.textProperty().bind(vm.message());
        // no empty rows under the button: the message and the closing form take room only when there is something
        message.visibleProperty().bind(vm.message().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        // a supervisor closes another attendant's open shift here when it refuses the log-in
        VBox closing = new VBox();
        closing.setId("login-close-shift");
        closing.setAlignment(Pos.CENTER);
        java.util.function.Consumer<CloseShiftViewModel> showClosing = c -> closing.getChildren()
                .setAll(c == null ? java.util.List.of() : java.util.List.of(new CloseShiftView(c, m)));
        closing.managedProperty().bind(vm.closeShift().isNotNull());
        closing.visibleProperty().bind(vm.closeShift().isNotNull());
        vm.closeShift().addListener((o, a, b) -> showClosing.accept(b));
        showClosing.accept(vm.closeShift().get());

        getChildren().addAll(title, form, submit, message, closing);
    }
}
