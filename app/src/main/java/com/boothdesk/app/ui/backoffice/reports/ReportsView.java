package com.boothdesk.app.ui.backoffice.reports;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import javafx.beans.property.SimpleStringProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import com.boothdesk.app.store.history.JdbcReports;
import com.boothdesk.app.ui.Messages;

/** The reports screen's layout: the range and grouping, the two charts, the income and reason tables. */
public final class ReportsView extends BorderPane {

    private final BarChart<String, Number> incomeChart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final LineChart<String, Number> flowChart = new LineChart<>(new CategoryAxis(), new NumberAxis());

    public ReportsView(ReportsViewModel vm, Messages msg) {
        setId("bo-reports");
        DatePicker from = com.boothdesk.app.ui.backoffice.IsoDates.of(new DatePicker());
        from.setId("bo-reports-from");
        from.valueProperty().bindBidirectional(vm.from());
        DatePicker to = com.boothdesk.app.ui.backoffice.IsoDates.of(new DatePicker());
        to.setId("bo-reports-to");
        to.valueProperty().bindBidirectional(vm.to());
        ComboBox<JdbcReports.Period> period = new ComboBox<>();
        period.setId("bo-reports-period");
        period.getItems().setAll(JdbcReports.Period.values());
        period.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(JdbcReports.Period p) {
                return p == null ? "" : msg.get("bo.reports.by." + p.name());
            }

            @Override
            public JdbcReports.Period fromString(String s) {
                return null;
            }
        });
        period.valueProperty().bindBidirectional(vm.period());
        Button show = new Button(msg.get("bo.reports.show"));
        show.setId("bo-reports-show");
        show.setOnAction(e -> vm.refresh());
        Button xlsx = new Button(msg.get("bo.reports.export_xlsx"));
        xlsx.setOnAction(e -> choose("report.xlsx", "*.xlsx").ifPresent(f -> vm.exportXlsx(f.toPath())));
        Button pdf = new Button(msg.get("bo.reports.export_pdf"));
        pdf.setOnAction(e -> choose("report.pdf", "*.pdf").ifPresent(f -> vm.exportPdf(f.toPath(), charts())));
        Label totals = new Label();
        totals.setId("bo-reports-totals");
        totals.textProperty().bind(vm.totals());
        totals.setStyle("-fx-font-weight: bold;");
        FlowPane top = new FlowPane(8, 6, new Label(msg.get("bo.history.from")), from,
                new Label(msg.get("bo.history.to")), to, period, show, xlsx, pdf, totals);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8));

        incomeChart.setId("bo-income-chart");
        incomeChart.setTitle(msg.get("bo.reports.income_chart"));
        incomeChart.setAnimated(false);
        incomeChart.setPrefHeight(280);
        flowChart.setId("bo-flow-chart");
        flowChart.setTitle(msg.get("bo.reports.flow_chart"));
        flowChart.setAnimated(false);
        flowChart.setCreateSymbols(false);
        flowChart.setPrefHeight(280);
        HBox.setHgrow(incomeChart, Priority.ALWAYS);
        HBox.setHgrow(flowChart, Priority.ALWAYS);
        HBox charts = new HBox(8, incomeChart, flowChart);
        Runnable redraw = () -> {
            incomeChart.getData().clear();
            for (var s : vm.incomeSeries()) {
                XYChart.Series<String, Number> series = new XYChart.Series<>();
                series.setName(s.getKey());
                s.getValue().forEach(p -> series.getData().add(new XYChart.Data<>(p.x(), p.y())));
                incomeChart.getData().add(series);
            }
            flowChart.getData().clear();
            for (String which : new String[] {"in", "out", "inside"}) {
                XYChart.Series<String, Number> series = new XYChart.Series<>();
                series.setName(msg.get("bo.reports." + which));
                vm.flowPoints(which).forEach(p -> series.getData().add(new XYChart.Data<>(p.x(), p.y())));
                flowChart.getData().add(series);
            }
        };
        // either list may change alone (a week without income still has cars in and out)
        vm.incomeSeries().addListener((javafx.collections.ListChangeListener<Object>) c -> redraw.run());
        vm.flow().addListener((javafx.collections.ListChangeListener<Object>) c -> redraw.run());

        TableView<JdbcReports.IncomeRow> income = new TableView<>(vm.income());
        income.setPlaceholder(new Label(msg.get("bo.reports.none")));
        income.setId("bo-income-table");
        col(income, msg.get("bo.reports.period"), r -> r.period().toString());
        col(income, msg.get("bo.history.payment"), r -> msg.get("bo.pay." + r.method()));
        col(income, msg.get("bo.history.attendant"), JdbcReports.IncomeRow::attendant);
        col(income, msg.get("bo.reports.count"), r -> String.valueOf(r.count()));
        col(income, msg.get("bo.reports.due"), r -> ReportsViewModel.yuan(r.dueFen()));
        // 实收 with the prepaid money (as the top line), and of which prepaid: the rows add up to the top line
        col(income, msg.get("bo.reports.paid"), r -> ReportsViewModel.yuan(r.takenFen()));
        col(income, msg.get("bo.reports.of_which_prepaid"), r -> ReportsViewModel.yuan(r.prepaidFen()));
        TableView<JdbcReports.ReasonRow> free = reasons(vm.free(), msg, "bo-free-table");
        TableView<JdbcReports.ReasonRow> manual = reasons(vm.manual(), msg, "bo-manual-table");
        GridPane tables = new GridPane();
        tables.setHgap(8);
        tables.add(new VBox(2, new Label(msg.get("bo.reports.income")), income), 0, 0);
        tables.add(new VBox(2, new Label(msg.get("bo.reports.free")), free), 1, 0);
        tables.add(new VBox(2, new Label(msg.get("bo.reports.manual")), manual), 2, 0);
        Label status = new Label();
        status.textProperty().bind(vm.status());
        VBox center = new VBox(6, charts, tables, status);
        center.setPadding(new Insets(0, 8, 8, 8));
        setTop(top);
        setCenter(center);
        vm.refresh();
    }

    private static <T> void col(TableView<T> t, String title, java.util.function.Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setPrefWidth(90);
        t.getColumns().add(c);
    }

    private static TableView<JdbcReports.ReasonRow> reasons(javafx.collections.ObservableList<JdbcReports.ReasonRow>
                                                                   rows, Messages msg, String id) {
        TableView<JdbcReports.ReasonRow> t = new TableView<>(rows);
        t.setPlaceholder(new Label(msg.get("bo.reports.none")));
        t.setId(id);
        t.setPrefHeight(200);
        col(t, msg.get("bo.history.attendant"), JdbcReports.ReasonRow::attendant);
        col(t, msg.get("bo.reports.reason"), JdbcReports.ReasonRow::reason);
        col(t, msg.get("bo.reports.count"), r -> String.valueOf(r.count()));
        return t;
    }

    private java.util.Optional<File> choose(String name, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        return java.util.Optional.ofNullable(fc.showSaveDialog(getScene() == null ? null : getScene().getWindow()));
    }

    /** The charts as PNG, for the PDF (snapshots on the FX thread, encoded here: small images). */
    public List<byte[]> charts() {
        List<byte[]> out = new ArrayList<>();
        for (var chart : List.of(incomeChart, flowChart)) {
            try {
                var img = SwingFXUtils.fromFXImage(chart.snapshot(null, null), null);
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                ImageIO.write(img, "png", b);
                out.add(b.toByteArray());
            } catch (IOException e) {
                // a chart that cannot be encoded is left out of the PDF; the tables are still in it
            }
        }
        return out;
    }
}
