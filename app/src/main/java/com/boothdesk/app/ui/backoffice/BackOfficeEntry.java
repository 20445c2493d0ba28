package com.boothdesk.app.ui.backoffice;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.BoothContext;
import com.boothdesk.app.ui.BoothWindow;
import com.boothdesk.app.ui.header.HeaderView;
import com.boothdesk.app.ui.backoffice.port.BackOfficePorts;

/**
 * Opens the back office from the booth window: a 后台 button in the header and Ctrl+B. With accounts, someone must be
 * logged in (attendants read, supervisors change); the lanes keep running behind it.
 */
public final class BackOfficeEntry {

    private static final Logger LOG = LoggerFactory.getLogger(BackOfficeEntry.class);

    private BackOfficeEntry() {
    }

    /** Adds the button and the key to {@code window}; does nothing for a context that is not the running booth. */
    public static void attach(BoothWindow window, BoothContext ctx) {
        if (!(ctx instanceof BoothApp app) || app.database() == null) {
            return;
        }
        BackOfficePorts ports = BackOfficeModule.ports(app);
        BackOfficeWindow[] open = new BackOfficeWindow[1];
        Runnable show = () -> {
            if (ports.access().who().isEmpty()) {
                LOG.info("Back office asked for with nobody logged in: refused");
                var scene = window.root().getScene();
                javafx.scene.control.Alert a = new javafx.scene.control.Alert(
                        javafx.scene.control.Alert.AlertType.INFORMATION, ctx.messages().get("bo.login_first"));
                a.setHeaderText(null);
                a.setTitle(ctx.messages().get("bo.title"));
                if (scene != null && scene.getWindow() != null) {
                    a.initOwner(scene.getWindow());
                }
                a.show(); // not modal-blocking: the lanes keep being served
                return;
            }
            if (open[0] == null) {
                open[0] = new BackOfficeWindow(ports, ctx.messages());
                // the booth window follows the back office's language switch (every lane, the header, the keys)
                open[0].viewModel().onSwitched(ctx.messages()::switchTo);
            }
            var scene = window.root().getScene();
            var owner = scene == null ? null : scene.getWindow();
            // as large as the booth window (a 1920x1080 booth gets the room), never below the 1366x768 layout
            double w = owner == null ? 1366 : Math.max(1024, owner.getWidth());
            double h = owner == null ? 768 : Math.max(700, owner.getHeight());
            open[0].show(owner, w, h);
        };
        Button b = new Button();
        b.textProperty().bind(window.viewModel().language().text("bo.open"));
        b.setId("backoffice-button");
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> show.run());
        HeaderView header = find(window.root());
        if (header != null) {
            header.addBeforeClock(b);
        }
        window.root().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isControlDown() && e.getCode() == KeyCode.B) {
                e.consume();
                show.run();
            }
        });
    }

    private static HeaderView find(Node n) {
        if (n instanceof HeaderView h) {
            return h;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                HeaderView h = find(c);
                if (h != null) {
                    return h;
                }
            }
        }
        return null;
    }
}
