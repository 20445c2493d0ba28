package com.boothdesk.app.ui.tools;

import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

import com.boothdesk.app.UplinkRow;
import com.boothdesk.app.ui.Messages;

/** 上传记录 window: the main window's dark theme, columns wide enough for whole times and order ids. */
public final class UplinksView {

    private final Stage stage = new Stage();
    private final UplinksViewModel vm;

    public UplinksView(UplinksViewModel vm, Messages msg, String css) {
        this.vm = vm;
        TableView<UplinkRow> table = new TableView<>(vm.rows());
        table.setId("uplinks");
        table.getColumns().add(column(msg.get("uplinks.time"), vm::time, 160));
        table.getColumns().add(column(msg.get("uplinks.service"), UplinkRow::serviceName, 230));
        table.getColumns().add(column(msg.get("uplinks.key"), r -> r.key() == null ? "" : r.key(), 270));
        table.getColumns().add(column(msg.get("uplinks.status"), vm::status, 80));
        table.getColumns().add(column(msg.get("uplinks.attempts"), r -> String.valueOf(r.attempts()), 60));
        table.getColumns().add(column(msg.get("uplinks.error"), r -> r.lastError() == null ? "" : r.lastError(), 240));
        Button refresh = new Button(msg.get("uplinks.refresh"));
        refresh.setId("uplinks-refresh");
        refresh.disableProperty().bind(vm.loadingProperty());
        refresh.setOnAction(e -> vm.reload());
        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        Label error = new Label();
        error.getStyleClass().add("error");
        error.textProperty().bind(vm.errorProperty());
        // no empty red pill beside the summary: the error shows only when there is one
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());
        HBox top = new HBox(12, refresh, summary, error);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 8, 0));
        BorderPane root = new BorderPane(table);
        root.setTop(top);
        root.setPadding(new Insets(10));
        root.getStyleClass().addAll("booth", "tool-window");
        Scene scene = new Scene(root, 1100, 560);
        if (css != null) {
            scene.getStylesheets().add(css);
        }
        stage.setTitle(msg.get("uplinks.title"));
        stage.setScene(scene);
    }

    private static TableColumn<UplinkRow, String> column(String title, java.util.function.Function<UplinkRow, String> value,
                                                        double width) {
        TableColumn<UplinkRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width * 0.8);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        return c;
    }

    /** Over the booth window: stays above it and gives the focus (the keys) back to it when closed. */
    public UplinksView ownedBy(javafx.stage.Window owner) {
        if (owner != null && stage.getOwner() == null && !stage.isShowing()) {
            stage.initOwner(owner);
        }
        return this;
    }

    public void show() {
        stage.show();
        stage.toFront();
        vm.reload();
    }
}
