package com.boothdesk.app.ui.site;

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

import com.boothdesk.app.ui.Messages;

/** 回放冲突 window: layout and bindings only (the rules are the view-model's). */
public final class ConflictListView {

    private final Stage stage = new Stage();
    private final ConflictListViewModel vm;

    public ConflictListView(ConflictListViewModel vm, Messages msg, String css) {
        this.vm = vm;
        TableView<SiteDatabasePort.ConflictRow> table = new TableView<>(vm.rows());
        table.setId("site-conflicts");
        table.getColumns().add(column(msg.get("site.conflicts.found"), vm::foundAt, 150));
        table.getColumns().add(column(msg.get("site.conflicts.booth"), SiteDatabasePort.ConflictRow::boothId, 70));
        table.getColumns().add(column(msg.get("site.conflicts.kind"), vm::kind, 330));
        table.getColumns().add(column(msg.get("site.conflicts.plate"), r -> r.plate() == null ? "" : r.plate(), 90));
        table.getColumns().add(column(msg.get("site.conflicts.order"), r -> r.orderId() == null ? "" : r.orderId(), 200));
        table.getColumns().add(column(msg.get("site.conflicts.at"), vm::at, 150));
        table.getColumns().add(column(msg.get("site.conflicts.detail"), SiteDatabasePort.ConflictRow::detail, 600));
        Button refresh = new Button(msg.get("site.conflicts.refresh"));
        refresh.setId("site-conflicts-refresh");
        refresh.disableProperty().bind(vm.loadingProperty());
        refresh.setOnAction(e -> vm.reload());
        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        Label error = new Label();
        error.getStyleClass().add("error");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());
        HBox top = new HBox(12, refresh, summary, error);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 8, 0));
        BorderPane root = new BorderPane(table);
        root.setTop(top);
        root.setPadding(new Insets(10));
        root.getStyleClass().addAll("booth", "tool-window");
        Scene scene = new Scene(root, 1340, 560);
        if (css != null) {
            scene.getStylesheets().add(css);
        }
        stage.setTitle(msg.get("site.conflicts.title"));
        stage.setScene(scene);
    }

    private static TableColumn<SiteDatabasePort.ConflictRow, String> column(String title,
            java.util.function.Function<SiteDatabasePort.ConflictRow, String> value, double width) {
        TableColumn<SiteDatabasePort.ConflictRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        c.setPrefWidth(width);
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

    public ConflictListView ownedBy(javafx.stage.Window owner) {
        if (owner != null && stage.getOwner() == null && !stage.isShowing()) {
            stage.initOwner(owner);
        }
        return this;
    }

    /** The window's content (screenshots). */
    public javafx.scene.Parent root() {
        return stage.getScene().getRoot();
    }

    public void show() {
        stage.show();
        stage.toFront();
        vm.reload();
    }
}
