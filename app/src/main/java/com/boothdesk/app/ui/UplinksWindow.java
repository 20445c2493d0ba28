package com.boothdesk.app.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

import com.boothdesk.app.BoothContext;
import com.boothdesk.app.UplinkRow;

/** Every message for the cloud, newest first, with its delivery state: what the integrator asks about first. */
final class UplinksWindow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");
    private static final int ROWS = 200;

    private final BoothContext ctx;
    private final Messages msg;
    private final TableView<UplinkRow> table = new TableView<>();
    private final Stage stage = new Stage();

    UplinksWindow(BoothContext ctx) {
        this.ctx = ctx;
        this.msg = ctx.messages();
        ZoneId zone = ctx.clock().getZone();
        table.setId("uplinks");
        table.getColumns().add(column("uplinks.time", r -> TIME.format(r.createdAt().atZone(zone))));
        table.getColumns().add(column("uplinks.service", UplinkRow::serviceName));
        table.getColumns().add(column("uplinks.key", r -> r.key() == null ? "" : r.key()));
        table.getColumns().add(column("uplinks.status", r -> msg.get("uplink." + r.status())));
        table.getColumns().add(column("uplinks.attempts", r -> String.valueOf(r.attempts())));
        table.getColumns().add(column("uplinks.error", r -> r.lastError() == null ? "" : r.lastError()));
        Button refresh = new Button(msg.get("uplinks.refresh"));
        refresh.setId("uplinks-refresh");
        refresh.setOnAction(e -> reload());
        BorderPane root = new BorderPane(table);
        root.setTop(new HBox(8, refresh));
        root.setPadding(new Insets(8));
        stage.setTitle(msg.get("uplinks.title"));
        stage.setScene(new Scene(root, 980, 520));
    }

    private TableColumn<UplinkRow, String> column(String key, java.util.function.Function<UplinkRow, String> value) {
        TableColumn<UplinkRow, String> c = new TableColumn<>(msg.get(key));
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return c;
    }

    void show() {
        stage.show();
        stage.toFront();
        reload();
    }

    /** Reads the store off the FX thread, then fills the table on it. */
    void reload() {
        CompletableFuture.supplyAsync(() -> ctx.recentUplinks(ROWS))
                .thenAccept((List<UplinkRow> rows) -> UiThread.run(() -> table.getItems().setAll(rows)));
    }
}
