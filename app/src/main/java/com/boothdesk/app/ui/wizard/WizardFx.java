package com.boothdesk.app.ui.wizard;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The first-run window on its own (the {@code commission} command, and {@code run} in an unconfigured booth). */
public final class WizardFx extends Application {

    private static volatile CommissionViewModel model;

    /** Shows the window until the technician chose demo, commissioned, or closed it; returns how it ended. */
    public static CommissionViewModel.Outcome show(CommissionViewModel vm) {
        model = vm;
        Application.launch(WizardFx.class);
        CommissionViewModel.Outcome o = vm.outcomeProperty().get();
        return o == CommissionViewModel.Outcome.PENDING ? CommissionViewModel.Outcome.CANCELLED : o;
    }

    @Override
    public void start(Stage stage) {
        CommissionViewModel vm = model;
        com.boothdesk.app.ui.Messages messages = new com.boothdesk.app.ui.Messages(java.util.Locale.getDefault()
                .getLanguage().equals("en") ? java.util.Locale.ENGLISH : java.util.Locale.SIMPLIFIED_CHINESE);
        stage.setTitle(messages.get("ops.wizard.window"));
        stage.setScene(new Scene(new CommissionView(vm, messages).root(), 1100, 760));
        vm.outcomeProperty().addListener((o, a, b) -> {
            if (b != CommissionViewModel.Outcome.PENDING) {
                Platform.exit();
            }
        });
        stage.show();
    }
}
