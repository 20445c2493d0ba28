package com.boothdesk.app.ui.pay;

import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import com.boothdesk.app.payment.PayState;
import com.boothdesk.app.ui.UiEnv;
import com.boothdesk.app.ui.port.LanePort;

/**
 * The exit panel's pay code: a QR (drawn module by module, with its quiet zone) and the payment's state. Layout and
 * bindings only; every rule is in {@link PayCodeViewModel}. Node ids end with the lane id.
 */
public final class PayCodeView extends VBox {

    private static final double SIZE = 132;
    private final PayCodeViewModel vm;
    private final Canvas qr = new Canvas(SIZE, SIZE);

    public PayCodeView(PayCodeViewModel vm, UiEnv env, String laneId) {
        this.vm = vm;
        setId("pay-" + laneId);
        getStyleClass().add("pay-code");
        setSpacing(4);
        setPadding(new Insets(6, 8, 6, 8));
        setAlignment(Pos.TOP_CENTER);
        setStyle("-fx-border-color: #9aa5b1; -fx-border-radius: 4; -fx-background-color: white;"
                + " -fx-background-radius: 4;");
        Label title = new Label();
        title.textProperty().bind(vm.titleProperty());
        title.getStyleClass().add("section-title");
        qr.setId("pay-qr-" + laneId);
        Label state = new Label();
        state.setId("pay-state-" + laneId);
        state.setWrapText(true);
        state.setMaxWidth(SIZE + 44);
        state.setMinWidth(SIZE + 44);
        state.setAlignment(Pos.CENTER);
        state.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        state.setMinHeight(Region.USE_PREF_SIZE);
        state.textProperty().bind(vm.messageProperty());
        vm.phaseProperty().addListener((o, a, b) -> style(state, b));
        style(state, vm.phaseProperty().get());
        vm.modulesProperty().addListener((o, a, b) -> draw(b));
        draw(vm.modulesProperty().get());
        Label alert = new Label();
        alert.setId("pay-alert-" + laneId);
        alert.setWrapText(true);
        alert.setMaxWidth(SIZE + 44);
        alert.setStyle("-fx-text-fill: white; -fx-background-color: #b3261e; -fx-padding: 2 4 2 4;");
        alert.textProperty().bind(vm.alertProperty());
        alert.visibleProperty().bind(vm.alertProperty().isNotEmpty());
        alert.managedProperty().bind(vm.alertProperty().isNotEmpty());
        getChildren().addAll(title, alert, qr, state);
        visibleProperty().bind(vm.shownProperty());
        managedProperty().bind(vm.shownProperty());
    }

    /**
     * The exit's controls (cash, actions, reason, barrier, device echo) with the pay code beside them on the right,
     * when the lane's port carries a payment; otherwise the controls unchanged. Beside, not under the fee box: the
     * pay code is no taller than the controls, so the lane keeps its height and the window fits 1366×768.
     * (The one line the lane view calls.)
     */
    public static Node beside(Region controls, LanePort port, UiEnv env) {
        if (!(port instanceof PayPort.Paying p)) {
            return controls;
        }
        PayCodeView view = new PayCodeView(new PayCodeViewModel(p.pay(), env).start(), env, port.lane().id());
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(10, controls, view);
        javafx.scene.layout.HBox.setHgrow(controls, Priority.ALWAYS);
        controls.setMinWidth(0);
        view.setMinWidth(Region.USE_PREF_SIZE);
        view.setMaxHeight(Region.USE_PREF_SIZE);
        return row;
    }

    public PayCodeViewModel viewModel() {
        return vm;
    }

    private void draw(boolean[][] m) {
        GraphicsContext g = qr.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, SIZE, SIZE);
        qr.setVisible(m != null);
        qr.setManaged(m != null);
        if (m == null) {
            return;
        }
        int n = m.length + 8; // four modules of quiet zone on each side
        double cell = Math.floor(SIZE / n * 100) / 100;
        double off = (SIZE - cell * n) / 2 + 4 * cell;
        g.setFill(Color.BLACK);
        for (int y = 0; y < m.length; y++) {
            for (int x = 0; x < m.length; x++) {
                if (m[y][x]) {
                    g.fillRect(off + x * cell, off + y * cell, cell, cell);
                }
            }
        }
    }

    private static void style(Label l, PayState.Phase p) {
        l.getStyleClass().removeIf(c -> c.startsWith("pay-phase-"));
        l.getStyleClass().add("pay-phase-" + p.name().toLowerCase(Locale.ROOT));
        l.setStyle(switch (p) {
            case PAID -> "-fx-text-fill: #1b7f3b; -fx-font-weight: bold;";
            case FAILED, GIVEN_UP -> "-fx-text-fill: #b3261e; -fx-font-weight: bold;";
            case PAYING -> "-fx-text-fill: #9a6700; -fx-font-weight: bold;";
            default -> "-fx-text-fill: #1f2933;";
        });
    }
}
