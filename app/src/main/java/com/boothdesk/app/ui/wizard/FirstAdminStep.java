package com.boothdesk.app.ui.wizard;

import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;

import com.boothdesk.app.domain.staff.StaffService;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.login.FirstAdminView;
import com.boothdesk.app.ui.login.FirstAdminViewModel;
import com.boothdesk.app.ui.shift.UiExecutors;

/**
 * The wizard's last step on a commissioned booth: the person installing it creates the first admin
 * ({@link StaffService#createFirstAdmin}; there is no built-in account and no default password). Shown modally on the
 * FX thread and returns once the admin exists or the window is closed (then the booth's header still offers it).
 */
public final class FirstAdminStep {

    private FirstAdminStep() {
    }

    /** Blocks the calling FX event (nested loop) until the admin is created or the window closed. */
    public static void showAndWait(StaffService staff, Messages messages) {
        if (!staff.needsFirstAdmin()) {
            return;
        }
        FirstAdminViewModel vm = new FirstAdminViewModel(staff, messages, UiExecutors.fx());
        Stage stage = new Stage();
        stage.initModality(Modality.APPLICATION_MODAL);
        stage.setTitle(messages.get("staff.admin.title"));
        stage.setScene(new Scene(new FirstAdminView(vm, messages), 560, 420));
        vm.created().addListener((o, a, b) -> {
            if (b != null) {
                stage.close();
            }
        });
        stage.showAndWait();
    }
}
