package com.boothdesk.app.ui.duty;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.login.FirstAdminView;
import com.boothdesk.app.ui.login.LoginView;
import com.boothdesk.app.ui.shift.HandoverView;

/**
 * What covers the lanes: the log-in card (the lanes stay visible, dimmed, behind it: the attendant sees the cars
 * waiting and that the lanes run by themselves), the handover screen, the first-admin screen, the password to
 * leave. Layout only; {@link DutyViewModel} decides. Shown by the booth window while {@link #showing()}.
 */
public final class DutyLayer extends StackPane {

    /** Room kept free at the top for the header. */
    private static final double HEADER_ROOM = 48;

    private final DutyViewModel vm;
    private final Messages m;
    private final javafx.beans.property.BooleanProperty showing = new javafx.beans.property.SimpleBooleanProperty();

    public DutyLayer(DutyViewModel vm, Messages m) {
        this.vm = vm;
        this.m = m;
        setId("duty-layer");
        getStyleClass().add("duty-layer");
        setStyle("-fx-background-color: rgba(20, 30, 40, 0.55);");
        vm.screen().addListener((o, a, b) -> show(b));
        show(vm.screen().get());
    }

    /** Whether something covers the lanes now. */
    public javafx.beans.property.ReadOnlyBooleanProperty showing() {
        return showing;
    }

    private void show(DutyViewModel.Screen screen) {
        Node body = switch (screen) {
            case NONE -> null;
            case LOGIN -> loginCard();
            case FIRST_ADMIN -> vm.firstAdmin().get() == null ? null
                    : card(new FirstAdminView(vm.firstAdmin().get(), m), true);
            case HANDOVER -> vm.handover().get() == null ? null : handoverCard();
            case LEAVE -> vm.leave().get() == null ? null : card(new LeaveView(vm.leave().get(), m, vm::back), false);
        };
        getChildren().setAll(body == null ? java.util.List.of() : java.util.List.of(body));
        showing.set(body != null);
        setVisible(body != null);
        if (body != null) {
            body.lookupAll(".text-field").stream().findFirst().ifPresent(Node::requestFocus);
        }
    }

    private Node loginCard() {
        VBox box = new VBox(8);
        Label why = new Label(m.get("ui.duty.login.hint"));
        why.setId("login-hint");
        why.setWrapText(true);
        why.getStyleClass().add("duty-hint");
        box.getChildren().addAll(new LoginView(vm.login(), m), why);
        box.setAlignment(Pos.CENTER);
        return card(box, false);
    }

    private Node handoverCard() {
        HandoverView view = new HandoverView(vm.handover().get(), m);
        Button back = new Button(m.get("ui.duty.back"));
        back.setId("handover-back");
        back.setCancelButton(true);
        back.setOnAction(e -> vm.back());
        Label hint = new Label(m.get("ui.duty.handover.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("duty-hint");
        HBox bar = new HBox(12, back, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 16, 12, 16));
        BorderPane pane = new BorderPane(view);
        pane.setBottom(bar);
        ScrollPane scroll = new ScrollPane(pane);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        Node card = card(scroll, false, 1000);
        ((Region) card).maxHeightProperty().bind(heightProperty().subtract(HEADER_ROOM + 12));
        return card;
    }

    private Node card(Node content, boolean withBack) {
        if (withBack) {
            Button back = new Button(m.get("ui.duty.later"));
            back.setId("duty-back");
            back.setCancelButton(true);
            back.setOnAction(e -> vm.back());
            VBox box = new VBox(4, content, back);
            box.setAlignment(Pos.CENTER);
            box.setPadding(new Insets(0, 0, 16, 0));
            content = box;
        }
        return card(content, false, 560);
    }

    private Node card(Node content, boolean unused, double width) {
        StackPane card = new StackPane(content);
        // the booth's dialog look (dark panel, yellow frame), as the correction dialog: the theme's light text reads
        card.getStyleClass().addAll("dialog", "duty-card");
        card.setPadding(new Insets(8));
        card.setMaxWidth(width);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(card, Pos.CENTER);
        // the header (who is on duty, the clock) stays in sight above every card
        StackPane.setMargin(card, new Insets(HEADER_ROOM, 12, 12, 12));
        return card;
    }
}
