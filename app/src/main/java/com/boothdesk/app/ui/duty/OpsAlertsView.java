package com.boothdesk.app.ui.duty;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/** The header's operations alert label (layout only; {@link OpsAlertsViewModel} decides). */
public final class OpsAlertsView extends Label {

    public OpsAlertsView(OpsAlertsViewModel vm) {
        setId("ops-alerts");
        getStyleClass().addAll("ops-alerts", "alert-trouble");
        setStyle("-fx-text-fill: #ffb020; -fx-font-weight: bold;");
        textProperty().bind(vm.text());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.details());
        setTooltip(tip);
        visibleProperty().bind(vm.showing());
        managedProperty().bind(vm.showing());
        setMinWidth(Region.USE_PREF_SIZE);
        setMaxWidth(420);
    }
}
