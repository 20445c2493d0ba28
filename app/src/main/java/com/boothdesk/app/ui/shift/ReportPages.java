package com.boothdesk.app.ui.shift;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import com.boothdesk.app.domain.staff.ShiftOrder;
import com.boothdesk.app.domain.staff.ShiftTotals;
import com.boothdesk.app.report.Receipt;
import com.boothdesk.app.report.ReceiptLayout;
import com.boothdesk.app.report.ShiftReport;
import com.boothdesk.sdk.message.Fen;

/**
 * The printed pages (JavaFX nodes, A4 at 72 dpi: 595 × 842) of the shift report, the same content as the PDF, and of
 * a cash receipt laid out for 58 / 80 mm paper.
 */
public final class ReportPages {

    static final double A4_W = 595;
    static final double A4_H = 842;
    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final int ROWS_PER_PAGE = 40;

    private ReportPages() {
    }

    public static List<Node> shiftReport(ShiftReport r) {
        List<Node> pages = new ArrayList<>();
        pages.add(summary(r));
        pages.add(charts(r));
        List<ShiftOrder> orders = r.orders();
        for (int i = 0; i < Math.max(1, orders.size()); i += ROWS_PER_PAGE) {
            pages.add(details(r, orders.subList(Math.min(i, orders.size()),
                    Math.min(orders.size(), i + ROWS_PER_PAGE))));
        }
        return pages;
    }

    private static VBox page(ShiftReport r, String title) {
        VBox p = new VBox(6);
        p.setPadding(new Insets(28));
        p.setPrefSize(A4_W, A4_H);
        p.setStyle("-fx-background-color: white;");
        Label t = new Label(title + (r.reprint() ? "（重印 第" + r.printNo() + "次）" : ""));
        t.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        Label who = new Label(r.boothId() + "  " + r.shift().shiftId() + "  " + r.attendant() + "  "
                + DT.format(r.shift().startedAt().atZone(r.zone())) + " — "
                + (r.shift().endedAt() == null ? "在班" : DT.format(r.shift().endedAt().atZone(r.zone()))));
        p.getChildren().addAll(t, who);
        return p;
    }

    private static Node summary(ShiftReport r) {
        VBox p = page(r, "班次报表 Shift report");
        Label unit = new Label("金额单位：元");
        unit.setStyle("-fx-text-fill: #555555;");
        p.getChildren().add(unit);
        ShiftTotals x = r.totals();
        GridPane g = new GridPane();
        g.setHgap(24);
        g.setVgap(4);
        int row = 0;
        row = money(g, row, "应收", x.receivableFen());
        row = money(g, row, "减免", x.reductionFen());
        row = money(g, row, "实收", x.receivedFen());
        row = money(g, row, "现金", x.cashFen());
        for (Map.Entry<String, Long> e : x.electronicFen().entrySet()) {
            row = money(g, row, "电子 " + e.getKey(), e.getValue());
        }
        row = money(g, row, "场内预付", x.prepaidFen());
        row = money(g, row, "储值卡", x.storedValueFen());
        row = money(g, row, "免费放行 " + x.freeTotal().count() + " 笔", x.freeTotal().fen());
        for (Map.Entry<String, ShiftTotals.Tally> e : x.free().entrySet()) {
            row = money(g, row, "    " + e.getKey() + " " + e.getValue().count() + " 笔", e.getValue().fen());
        }
        row = money(g, row, "无入场记录收费 " + x.noRecord().count() + " 笔", x.noRecord().fen());
        g.addRow(row++, new Label("手动抬落杆"), new Label(String.valueOf(x.manualTotal())));
        for (Map.Entry<String, Integer> e : x.manual().entrySet()) {
            g.addRow(row++, new Label("    " + e.getKey()), new Label(String.valueOf(e.getValue())));
        }
        g.addRow(row++, new Label("进/出车辆"), new Label(x.carsIn() + " / " + x.carsOut()));
        row = money(g, row, "应有现金", x.expectedCashFen());
        if (r.handover() != null && r.handover().counted() != null) {
            row = money(g, row, "实点现金", r.handover().counted().totalFen());
            row = money(g, row, "差额", r.handover().differenceFen());
        }
        if (r.handover() != null) {
            g.addRow(row++, new Label("备注"), new Label(r.handover().remark()));
            g.addRow(row, new Label("接班"), new Label(r.handover().incoming() == null ? "-"
                    : r.handover().incoming()));
            if (r.handover().closedBy() != null && !r.handover().closedBy().equals(r.shift().userId())) {
                g.addRow(++row, new Label("结班人"), new Label(r.handover().closedBy() + "（主管结束）"));
            }
        }
        // the paper is signed at the handover, as the booth's cash book
        Label sign = new Label("交班人签字：__________    接班人签字：__________    主管签字：__________");
        sign.setPadding(new Insets(28, 0, 0, 0));
        p.getChildren().addAll(g, sign);
        return p;
    }

    private static int money(GridPane g, int row, String k, long fen) {
        g.addRow(row, new Label(k), new Label(Fen.format(fen)));
        return row + 1;
    }

    private static Node charts(ShiftReport r) {
        VBox p = page(r, "图表");
        CategoryAxis x1 = new CategoryAxis();
        NumberAxis y1 = new NumberAxis();
        StackedBarChart<String, Number> income = new StackedBarChart<>(x1, y1);
        income.setTitle("每小时收入（元）");
        income.setAnimated(false);
        income.setPrefHeight(360);
        for (String kind : ShiftReport.INCOME_KINDS) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(kind);
            for (ShiftReport.Hour h : r.hours()) {
                s.getData().add(new XYChart.Data<>(String.format("%02d", h.start().getHour()),
                        h.incomeFen().getOrDefault(kind, 0L) / 100.0));
            }
            income.getData().add(s);
        }
        CategoryAxis x2 = new CategoryAxis();
        NumberAxis y2 = new NumberAxis();
        BarChart<String, Number> cars = new BarChart<>(x2, y2);
        cars.setTitle("每小时进出车辆");
        cars.setAnimated(false);
        cars.setPrefHeight(360);
        XYChart.Series<String, Number> in = new XYChart.Series<>();
        in.setName("入场");
        XYChart.Series<String, Number> out = new XYChart.Series<>();
        out.setName("出场");
        for (ShiftReport.Hour h : r.hours()) {
            String k = String.format("%02d", h.start().getHour());
            in.getData().add(new XYChart.Data<>(k, h.in()));
            out.getData().add(new XYChart.Data<>(k, h.out()));
        }
        cars.getData().add(in);
        cars.getData().add(out);
        p.getChildren().addAll(income, cars);
        return p;
    }

    private static Node details(ShiftReport r, List<ShiftOrder> orders) {
        VBox p = page(r, "明细");
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(2);
        g.addRow(0, bold("出场"), bold("车牌"), bold("应收"), bold("实收"), bold("支付方式"), bold("原因"));
        int row = 1;
        for (ShiftOrder o : orders) {
            g.addRow(row++, new Label(HM.format(o.outTime().atZone(r.zone()))), new Label(o.plate()),
                    new Label(Fen.format(o.dueFen())), new Label(Fen.format(o.receivedFen())), new Label(o.payKind()),
                    new Label(o.noRecord() ? "无入场记录" : o.freeReason() == null ? "" : o.freeReason()));
        }
        p.getChildren().add(g);
        return p;
    }

    private static Label bold(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    /** A receipt as one page the width of the paper (1 mm = 72 / 25.4 points). */
    public static Node receipt(Receipt r, ReceiptLayout.Paper paper, ZoneId zone) {
        VBox p = new VBox(0);
        double width = paper.millimetres() * 72 / 25.4;
        p.setPrefWidth(width);
        p.setPadding(new Insets(6));
        p.setStyle("-fx-background-color: white;");
        double size = (width - 12) / paper.columns() * 1.6;
        for (String line : ReceiptLayout.lines(r, paper, zone)) {
            Label l = new Label(line);
            l.setStyle("-fx-font-family: monospace; -fx-font-size: " + String.format("%.1f", size) + "px;");
            p.getChildren().add(l);
        }
        return p;
    }
}
