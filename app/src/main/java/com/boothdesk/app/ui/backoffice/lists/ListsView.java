package com.boothdesk.app.ui.backoffice.lists;

import java.io.File;

import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import com.boothdesk.app.store.history.JdbcListReads.Kind;
import com.boothdesk.app.store.history.ListTable;
import com.boothdesk.app.ui.Messages;

/** The list screens' layout: the list chooser and filter, the table, the editor with its buttons, the import report. */
public final class ListsView extends BorderPane {

    private final ListsViewModel vm;
    private final Messages msg;
    private final TableView<ListTable.Row> table = new TableView<>();
    private final GridPane editor = new GridPane();

    public ListsView(ListsViewModel vm, Messages msg) {
        this.vm = vm;
        this.msg = msg;
        setId("bo-lists");
        ComboBox<Kind> kind = new ComboBox<>();
        kind.setId("bo-lists-kind");
        kind.getItems().setAll(Kind.values());
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Kind k) {
                return k == null ? "" : msg.get("bo.lists.kind." + k.name());
            }

            @Override
            public Kind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(vm.kind());
        TextField filter = new TextField();
        filter.setId("bo-lists-filter");
        filter.setPromptText(msg.get("bo.lists.filter"));
        filter.textProperty().bindBidirectional(vm.filter());
        filter.setOnAction(e -> vm.refresh());
        Button refresh = new Button(msg.get("bo.lists.refresh"));
        refresh.setOnAction(e -> vm.refresh());
        Button importButton = new Button(msg.get("bo.lists.import"));
        importButton.setId("bo-lists-import");
        importButton.disableProperty().bind(vm.canChange().not().or(vm.editable().not()));
        importButton.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV / Excel", "*.csv", "*.xlsx"));
            File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                vm.importFile(f.toPath());
            }
        });
        Label role = new Label();
        role.setId("bo-lists-role");
        role.textProperty().bind(javafx.beans.binding.Bindings.when(vm.canChange())
                .then(msg.get("bo.lists.may_change")).otherwise(msg.get("bo.lists.read_only")));
        FlowPane top = new FlowPane(8, 6, kind, filter, refresh, importButton, role);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8));

        table.setId("bo-lists-table");
        table.setItems(vm.rows());
        vm.columns().addListener((ListChangeListener<String>) c -> columns());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selected().set(b));
        table.setPlaceholder(new Label(msg.get("bo.lists.empty")));

        editor.setHgap(6);
        editor.setVgap(4);
        editor.setPadding(new Insets(8));
        vm.fieldNames().addListener((ListChangeListener<String>) c -> fields());
        vm.errorField().addListener((o, a, b) -> markError(b));
        fields();

        Button add = new Button(msg.get("bo.lists.new"));
        add.setId("bo-lists-new");
        add.setOnAction(e -> vm.newRow());
        Button save = new Button(msg.get("bo.lists.save"));
        save.setId("bo-lists-save");
        save.setOnAction(e -> vm.save());
        Button delete = new Button(msg.get("bo.lists.delete"));
        delete.setId("bo-lists-delete");
        delete.setOnAction(e -> vm.delete());
        for (Button b : new Button[] {add, save, delete}) {
            b.disableProperty().bind(vm.canChange().not().or(vm.editable().not()));
        }
        TextField renewTo = new TextField();
        renewTo.setId("bo-lists-renew-to");
        renewTo.setPromptText(msg.get("bo.lists.renew_to"));
        renewTo.textProperty().bindBidirectional(vm.renewTo());
        renewTo.setPrefColumnCount(9);
        TextField renewPaid = new TextField();
        renewPaid.setId("bo-lists-renew-paid");
        renewPaid.setPromptText(msg.get("bo.lists.renew_paid"));
        renewPaid.textProperty().bindBidirectional(vm.renewPaid());
        renewPaid.setPrefColumnCount(6);
        Button renew = new Button(msg.get("bo.lists.renew"));
        renew.setId("bo-lists-renew");
        renew.setOnAction(e -> vm.renew());
        HBox renewBox = new HBox(6, renewTo, renewPaid, renew);
        renewBox.visibleProperty().bind(vm.kind().isEqualTo(Kind.MONTHLY));
        renewBox.managedProperty().bind(renewBox.visibleProperty());
        renewBox.disableProperty().bind(vm.canChange().not());
        TextField topUp = new TextField();
        topUp.setPromptText(msg.get("bo.lists.top_up_amount"));
        topUp.textProperty().bindBidirectional(vm.topUpAmount());
        topUp.setPrefColumnCount(6);
        Button topUpButton = new Button(msg.get("bo.lists.top_up"));
        topUpButton.setOnAction(e -> vm.topUp());
        HBox topUpBox = new HBox(6, topUp, topUpButton);
        topUpBox.visibleProperty().bind(vm.kind().isEqualTo(Kind.STORED_VALUE));
        topUpBox.managedProperty().bind(topUpBox.visibleProperty());
        topUpBox.disableProperty().bind(vm.canChange().not());
        HBox buttons = new HBox(6, add, save, delete);
        Label status = new Label();
        status.setId("bo-lists-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.status());
        ListView<String> report = new ListView<>(vm.importReport());
        report.setId("bo-lists-report");
        report.setPrefHeight(110);
        VBox right = new VBox(6, editor, buttons, renewBox, topUpBox, status, report);
        right.setPadding(new Insets(0, 8, 8, 0));
        right.setPrefWidth(400);
        setTop(top);
        setCenter(table);
        setRight(right);
        vm.refresh();
    }

    private void columns() {
        table.getColumns().clear();
        for (String c : vm.columns()) {
            TableColumn<ListTable.Row, String> col = new TableColumn<>(msg.get("bo.field." + c));
            col.setCellValueFactory(d -> new SimpleStringProperty(d.getValue().get(c)));
            col.setPrefWidth("plates".equals(c) || "plate".equals(c) ? 150 : 100);
            table.getColumns().add(col);
        }
    }

    private void fields() {
        editor.getChildren().clear();
        int row = 0;
        for (String name : vm.fieldNames()) {
            Label l = new Label(msg.get("bo.field." + name));
            TextField t = new TextField();
            t.setId("bo-field-" + name);
            t.textProperty().bindBidirectional(vm.field(name));
            t.setPrefColumnCount(16);
            if (name.startsWith("valid_")) {
                t.setPromptText("yyyy-MM-dd");
            } else if (name.startsWith("window_")) {
                t.setPromptText("HH:mm");
            } else if (name.equals("weekdays")) {
                t.setPromptText(msg.get("bo.lists.weekdays_hint"));
            }
            t.disableProperty().bind(vm.canChange().not());
            editor.addRow(row++, l, t);
        }
        markError(vm.errorField().get());
    }

    private void markError(String field) {
        editor.getChildren().forEach(n -> n.getStyleClass().remove("bo-field-error"));
        if (field == null || field.isEmpty()) {
            return;
        }
        var node = editor.lookup("#bo-field-" + field);
        if (node != null) {
            node.getStyleClass().add("bo-field-error");
            node.setStyle("-fx-border-color: #d33; -fx-border-width: 2;");
        }
        editor.getChildren().stream().filter(n -> !("bo-field-" + field).equals(n.getId()))
                .forEach(n -> n.setStyle(""));
    }
}
