package com.boothdesk.app.ui.header;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import com.boothdesk.app.ui.Messages;

/** The header: layout and bindings only. {@code onAlert} selects the lane of a clicked alert. */
public final class HeaderView extends HBox {

    public HeaderView(HeaderViewModel vm, Messages msg, Runnable openUplinks, Runnable openSpaces,
                      java.util.function.Consumer<String> onAlert) {
        getStyleClass().add("header");
        setSpacing(14);
        setPadding(new Insets(6, 12, 6, 12));
        setAlignment(Pos.CENTER_LEFT);
        // texts written once follow the language switch (the figures come from the view-model, which does its own)
        com.boothdesk.app.ui.Language lang = new com.boothdesk.app.ui.Language(msg, com.boothdesk.app.ui.UiThread::run);
        Label title = new Label();
        title.textProperty().bind(lang.text("app.title"));
        title.getStyleClass().add("app-title");
        // the title gives way first on a narrow screen: the buttons and figures never turn into "..."
        title.setMinWidth(Region.USE_COMPUTED_SIZE);
        // and it is shown whole or not at all (never "Boot..."): the attendant needs the figures, not the name
        title.setTextOverrun(javafx.scene.control.OverrunStyle.CLIP);
        title.widthProperty().addListener((o, a, w) ->
                title.setOpacity(w.doubleValue() + 0.5 < title.prefWidth(-1) ? 0 : 1));
        Label cloud = bound("cloud-status", vm.cloudProperty());
        vm.cloudStateProperty().addListener((o, a, b) -> cloudStyle(cloud, b));
        cloudStyle(cloud, vm.cloudStateProperty().get());
        Label outbox = bound("outbox-pending", vm.outboxProperty());
        vm.outboxDepthProperty().addListener((o, a, b) -> {
            outbox.getStyleClass().remove("backlog");
            if (b.intValue() > 0) {
                outbox.getStyleClass().add("backlog");
            }
        });
        Button uplinks = new Button();
        uplinks.textProperty().bind(lang.text("uplinks.title"));
        uplinks.setId("uplinks-button");
        uplinks.setFocusTraversable(false);
        uplinks.setOnAction(e -> openUplinks.run());
        Label inLot = bound("in-lot", vm.inLotProperty());
        Label free = bound("free-spaces", vm.freeProperty());
        Button spaces = new Button();
        spaces.textProperty().bind(lang.text("spaces.title"));
        spaces.setId("spaces-button");
        spaces.setFocusTraversable(false);
        spaces.setOnAction(e -> openSpaces.run());
        MenuButton alerts = new MenuButton();
        alerts.setId("alerts");
        alerts.setFocusTraversable(false);
        alerts.textProperty().bind(Bindings.createStringBinding(() -> vm.unseenProperty().get() > 0
                        ? msg.get("ui.header.alerts", vm.unseenProperty().get())
                        : vm.troubleProperty().get() ? msg.get("ui.header.alerts", "")
                        : msg.get("ui.header.noalerts"), vm.unseenProperty(), vm.troubleProperty(),
                lang.localeProperty()));
        vm.troubleProperty().addListener((o, a, b) -> alertStyle(alerts, b));
        Runnable fill = () -> {
            alerts.getItems().clear();
            MenuItem head = new MenuItem(msg.get("ui.header.alerts.title"));
            head.setDisable(true);
            alerts.getItems().addAll(head, new SeparatorMenuItem());
            if (vm.alerts().isEmpty()) {
                MenuItem none = new MenuItem(msg.get("ui.header.noalerts"));
                none.setDisable(true);
                alerts.getItems().add(none);
            }
            for (HeaderViewModel.Alert a : vm.alerts()) {
                MenuItem item = new MenuItem(a.toString());
                item.getStyleClass().add(a.trouble() ? "alert-trouble" : "alert-fine");
                item.setOnAction(e -> onAlert.accept(a.laneId()));
                alerts.getItems().add(item);
            }
        };
        vm.alerts().addListener((javafx.collections.ListChangeListener<HeaderViewModel.Alert>) c -> fill.run());
        lang.follow(fill);
        alerts.setOnShowing(e -> vm.seen());
        for (Region r : new Region[] {uplinks, spaces, alerts}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label validity = bound("park-validity", vm.parkValidityProperty()); // 3.35, shown only within its week
        validity.getStyleClass().add("park-validity");
        validity.visibleProperty().bind(vm.parkValidityProperty().isNotEmpty());
        validity.managedProperty().bind(validity.visibleProperty());
        vm.parkExpiredProperty().addListener((o, a, b) -> {
            validity.getStyleClass().remove("park-expired");
            if (b) {
                validity.getStyleClass().add("park-expired");
            }
        });
        Label siteDb = bound("site-db", vm.siteDatabaseProperty()); // outage: the site database down / replaying
        siteDb.getStyleClass().add("park-validity");
        siteDb.visibleProperty().bind(vm.siteDatabaseProperty().isNotEmpty());
        siteDb.managedProperty().bind(siteDb.visibleProperty());
        vm.siteDatabaseTroubleProperty().addListener((o, a, b) -> {
            siteDb.getStyleClass().remove("park-expired");
            if (b) {
                siteDb.getStyleClass().add("park-expired");
            }
        });
        siteDb.setOnMouseClicked(e -> vm.openSiteConflicts());
        Label operator = bound("operator", vm.attendantLine());
        Label clock = bound("clock", vm.clockProperty());
        clock.getStyleClass().add("clock");
        javafx.animation.Timeline ticks = new javafx.animation.Timeline(
                new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1), e -> vm.tick()));
        ticks.setCycleCount(javafx.animation.Animation.INDEFINITE);
        ticks.play();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(title, spacer, validity, siteDb, cloud, outbox, uplinks, inLot, free, spaces, alerts, operator,
                clock);
    }

    /** Puts more controls (the duty buttons) between the attendant line and the clock. */
    public void addBeforeClock(javafx.scene.Node... nodes) {
        getChildren().addAll(getChildren().size() - 1, java.util.List.of(nodes));
    }

    private static Label bound(String id, javafx.beans.value.ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static void cloudStyle(Label cloud, String state) {
        cloud.getStyleClass().removeIf(c -> c.startsWith("cloud-"));
        cloud.getStyleClass().add("cloud-" + state);
    }

    private static void alertStyle(MenuButton alerts, boolean trouble) {
        alerts.getStyleClass().remove("alerts-trouble");
        if (trouble) {
            alerts.getStyleClass().add("alerts-trouble");
        }
    }
}
