package com.boothdesk.app.ui.lane;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import com.boothdesk.app.ui.Messages;

/** The exit's fee box: the items of the car on screen, then 应收 减免 已付 待缴 always visible. Layout only. */
final class CheckoutView extends VBox {

    CheckoutView(CheckoutViewModel vm, Messages msg, String laneId) {
        setId("checkout-" + laneId);
        getStyleClass().add("checkout");
        setSpacing(2);
        setPadding(new Insets(6, 8, 6, 8));
        Label heading = new Label(msg.get("ui.checkout.items"));
        heading.getStyleClass().add("section-title");
        VBox items = new VBox(1);
        items.setId("fee-" + laneId);
        Runnable fill = () -> {
            items.getChildren().clear();
            if (vm.items().isEmpty()) {
                Label none = new Label(msg.get("ui.checkout.nofee"));
                none.getStyleClass().add("muted");
                items.getChildren().add(none);
            }
            for (String line : vm.items()) {
                Label l = new Label(line);
                l.getStyleClass().add("fee-item");
                l.setWrapText(true);
                l.setMaxWidth(Double.MAX_VALUE);
                l.setMinHeight(Region.USE_PREF_SIZE);
                items.getChildren().add(l);
            }
        };
        vm.items().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        fill.run();
        Label stay = new Label();
        stay.textProperty().bind(Bindings.when(vm.stayProperty().isEmpty()).then("")
                .otherwise(Bindings.concat(msg.get("ui.checkout.stay"), " ", vm.stayProperty())));
        stay.getStyleClass().add("fee-item");
        // 应收 减免 / 已付 待缴 two to a row; a four-digit fee that does not fit puts them one to a row, never "55..."
        javafx.scene.layout.FlowPane totals = new javafx.scene.layout.FlowPane(10, 2,
                pair(msg.get("ui.checkout.gross"), amount("gross-" + laneId, vm.grossProperty())),
                pair(msg.get("ui.checkout.discount"), amount("discount-" + laneId, vm.discountProperty())),
                pair(msg.get("ui.checkout.paid"), amount("paid-" + laneId, vm.paidProperty())),
                pair(msg.get("ui.checkout.due"), due(laneId, vm)));
        totals.getStyleClass().add("fee-totals");
        // proto4: what 先走后付 did for this car (the debt uploaded for the platform to chase)
        Label laterPay = new Label();
        laterPay.setId("laterpay-" + laneId);
        laterPay.getStyleClass().add("fee-item");
        laterPay.setWrapText(true);
        laterPay.textProperty().bind(vm.laterPayProperty());
        laterPay.visibleProperty().bind(vm.laterPayProperty().isNotEmpty());
        laterPay.managedProperty().bind(laterPay.visibleProperty());
        getChildren().addAll(heading, items, stay, totals, laterPay);
    }

    private static javafx.scene.layout.HBox pair(String name, Label amount) {
        Label n = name(name);
        n.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        amount.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(6, n, amount);
        box.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return box;
    }

    private static Label name(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("total-name");
        return l;
    }

    private static Label amount(String id, javafx.beans.property.StringProperty p) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(Bindings.when(p.isEmpty()).then("—").otherwise(p));
        l.getStyleClass().add("total-amount");
        return l;
    }

    private static Label due(String laneId, CheckoutViewModel vm) {
        Label l = amount("due-small-" + laneId, vm.dueProperty());
        l.getStyleClass().add("total-due");
        return l;
    }
}
