package com.boothdesk.app.ui.backoffice.history;

import java.io.File;
import java.util.concurrent.Executor;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.store.history.HistoryQuery;
import com.boothdesk.app.store.history.HistoryRow;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.PictureBox;

/** The history screen's layout: the search form on top, the result table, the pictures and the story below. */
public final class HistoryView extends BorderPane {

    public HistoryView(HistoryViewModel vm, Messages msg, Executor background) {
        setId("bo-history");
        TextField plate = new TextField();
        plate.setId("bo-history-plate");
        plate.setPromptText(msg.get("bo.history.plate"));
        plate.textProperty().bindBidirectional(vm.plate());
        plate.setOnAction(e -> vm.search());
        plate.setPrefColumnCount(9);
        ComboBox<HistoryQuery.PlateMode> mode = new ComboBox<>();
        mode.setId("bo-history-mode");
        mode.getItems().setAll(HistoryQuery.PlateMode.values());
        mode.setConverter(names(msg, "bo.history.mode."));
        mode.valueProperty().bindBidirectional(vm.plateMode());
        DatePicker from = com.boothdesk.app.ui.backoffice.IsoDates.of(new DatePicker());
        from.setId("bo-history-from");
        from.valueProperty().bindBidirectional(vm.from());
        from.setPrefWidth(130);
        DatePicker to = com.boothdesk.app.ui.backoffice.IsoDates.of(new DatePicker());
        to.setId("bo-history-to");
        to.valueProperty().bindBidirectional(vm.to());
        to.setPrefWidth(130);
        ComboBox<String> lane = choice("bo-history-lane", vm.lanes(), vm.lane(), msg.get("bo.history.lane"));
        ComboBox<String> attendant = choice("bo-history-attendant", vm.attendants(), vm.attendant(),
                msg.get("bo.history.attendant"));
        ComboBox<PaymentMethod> pay = new ComboBox<>();
        pay.setId("bo-history-payment");
        pay.getItems().add(null);
        pay.getItems().addAll(PaymentMethod.values());
        pay.setConverter(names(msg, "bo.pay."));
        pay.setPromptText(msg.get("bo.history.payment"));
        pay.valueProperty().bindBidirectional(vm.payment());
        ComboBox<HistoryQuery.Outcome> outcome = new ComboBox<>();
        outcome.setId("bo-history-outcome");
        outcome.getItems().add(null);
        outcome.getItems().addAll(HistoryQuery.Outcome.values());
        outcome.setConverter(names(msg, "bo.outcome."));
        outcome.setPromptText(msg.get("bo.history.outcome"));
        outcome.valueProperty().bindBidirectional(vm.outcome());
        Button search = new Button(msg.get("bo.history.search"));
        search.setId("bo-history-search");
        search.setDefaultButton(true);
        search.setOnAction(e -> vm.search());
        search.disableProperty().bind(vm.busy());
        Button export = new Button(msg.get("bo.history.export"));
        export.setId("bo-history-export");
        export.disableProperty().bind(vm.busy());
        export.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Excel", "*.xlsx"),
                    new FileChooser.ExtensionFilter("CSV", "*.csv"));
            fc.setInitialFileName("history.xlsx");
            File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                vm.export(f.toPath());
            }
        });
        FlowPane form = new FlowPane(8, 6, plate, mode, new Label(msg.get("bo.history.from")), from,
                new Label(msg.get("bo.history.to")), to, lane, attendant, pay, outcome, search, export);
        form.setAlignment(Pos.CENTER_LEFT);
        form.setPadding(new Insets(8));

        TableView<HistoryRow> table = new TableView<>(vm.rows());
        table.setId("bo-history-table");
        for (String c : new String[] {"plate", "in", "out", "lanes", "paid", "payment", "outcome", "attendant",
            "match"}) {
            TableColumn<HistoryRow, String> col = new TableColumn<>(msg.get("bo.history.col." + c));
            col.setCellValueFactory(d -> new SimpleStringProperty(vm.cell(d.getValue(), c)));
            col.setPrefWidth("plate".equals(c) ? 170 : "match".equals(c) ? 330 : 110);
            table.getColumns().add(col);
        }
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selected().set(b);
            }
        });
        vm.selected().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        table.setPlaceholder(new Label(msg.get("bo.history.none")));

        SimpleDoubleProperty width = new SimpleDoubleProperty(300);
        PictureBox entry = new PictureBox("bo-history-entry-picture", msg.get("bo.history.entry_picture"),
                msg.get("bo.history.no_picture"), vm.entryPicture(), width, background);
        PictureBox exit = new PictureBox("bo-history-exit-picture", msg.get("bo.history.exit_picture"),
                msg.get("bo.history.no_picture"), vm.exitPicture(), width, background);
        ListView<String> story = new ListView<>(vm.story());
        story.setId("bo-history-story");
        story.setPrefHeight(170);
        story.setPlaceholder(new Label(msg.get("bo.history.story_hint")));
        HBox.setHgrow(story, Priority.ALWAYS);
        HBox detail = new HBox(8, entry, exit, story);
        detail.setPadding(new Insets(6, 8, 6, 8));

        Label status = new Label();
        status.setId("bo-history-status");
        status.textProperty().bind(vm.status());
        VBox bottom = new VBox(4, detail, status);
        bottom.setPadding(new Insets(0, 8, 6, 8));
        setTop(form);
        setCenter(table);
        setBottom(bottom);
        vm.start();
    }

    static ComboBox<String> choice(String id, javafx.collections.ObservableList<String> items,
                                   javafx.beans.property.StringProperty value, String prompt) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setEditable(true);
        box.setPromptText(prompt);
        box.setItems(items);
        box.setPrefWidth(110);
        box.getEditor().textProperty().bindBidirectional(value);
        return box;
    }

    static <T extends Enum<T>> StringConverter<T> names(Messages msg, String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? msg.get("bo.any") : msg.get(prefix + v.name());
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
