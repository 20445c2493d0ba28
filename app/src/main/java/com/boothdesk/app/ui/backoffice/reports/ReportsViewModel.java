package com.boothdesk.app.ui.backoffice.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.boothdesk.app.store.history.JdbcReports;
import com.boothdesk.app.store.history.ReportExport;
import com.boothdesk.app.store.history.TableExport;
import com.boothdesk.app.ui.backoffice.BackOfficeEnv;
import com.boothdesk.app.ui.backoffice.port.BackOfficePorts;

/**
 * The reports screen: a date range and a grouping (day / week / month); income by payment kind and attendant, cars
 * in and out per hour with the occupancy, free releases and manual barrier movements per attendant and reason; the
 * chart series the view draws; export to Excel and PDF (with the charts as drawn).
 */
public final class ReportsViewModel {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH");

    /** One point of a chart series. */
    public record Point(String x, double y) {
    }

    private final BackOfficePorts.Reports port;
    private final BackOfficeEnv env;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<JdbcReports.Period> period = new SimpleObjectProperty<>(JdbcReports.Period.DAY);
    private final ObservableList<JdbcReports.IncomeRow> income = FXCollections.observableArrayList();
    private final ObservableList<JdbcReports.FlowRow> flow = FXCollections.observableArrayList();
    private final ObservableList<JdbcReports.ReasonRow> free = FXCollections.observableArrayList();
    private final ObservableList<JdbcReports.ReasonRow> manual = FXCollections.observableArrayList();
    /** Income per period, one series per payment kind (yuan). */
    private final ObservableList<Map.Entry<String, List<Point>>> incomeSeries = FXCollections.observableArrayList();
    private final StringProperty totals = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    public ReportsViewModel(BackOfficePorts.Reports port, BackOfficeEnv env) {
        this.port = port;
        this.env = env;
        LocalDate today = LocalDate.now(env.clock().withZone(env.zone()));
        from.set(today.minusDays(6));
        to.set(today);
    }

    private Instant start() {
        return from.get().atStartOfDay(env.zone()).toInstant();
    }

    private Instant end() {
        return to.get().plusDays(1).atStartOfDay(env.zone()).toInstant();
    }

    /** Reads every report of the range. */
    public void refresh() {
        if (from.get() == null || to.get() == null || to.get().isBefore(from.get())) {
            status.set(env.msg().get("bo.history.bad_range"));
            return;
        }
        Instant f = start();
        Instant t = end();
        JdbcReports.Period p = period.get();
        env.async(() -> new Loaded(port.income(f, t, p), port.flow(f, t), port.freeReleases(f, t),
                port.manualMovements(f, t)), l -> {
                    income.setAll(l.income);
                    flow.setAll(l.flow);
                    free.setAll(l.free);
                    manual.setAll(l.manual);
                    incomeSeries.setAll(series(l.income));
                    // taken = paid at the exit + prepaid (in the lot or by the exit QR): what the lot earned; the
                    // rows' 实收 are the same sums, so they add up to this line (a 预付 row too)
                    JdbcReports.Totals sum = JdbcReports.totals(l.income);
                    totals.set(env.msg().get("bo.reports.totals", yuan(sum.dueFen()), yuan(sum.takenFen()), sum.cars(),
                            l.free.stream().mapToLong(JdbcReports.ReasonRow::count).sum(),
                            l.manual.stream().mapToLong(JdbcReports.ReasonRow::count).sum()));
                    status.set("");
                }, e -> status.set(env.msg().get("bo.error", e.getMessage())));
    }

    private record Loaded(List<JdbcReports.IncomeRow> income, List<JdbcReports.FlowRow> flow,
                          List<JdbcReports.ReasonRow> free, List<JdbcReports.ReasonRow> manual) {
    }

    private List<Map.Entry<String, List<Point>>> series(List<JdbcReports.IncomeRow> rows) {
        Map<String, Map<LocalDate, Long>> byMethod = new TreeMap<>();
        java.util.TreeSet<LocalDate> periods = new java.util.TreeSet<>();
        for (JdbcReports.IncomeRow r : rows) {
            byMethod.computeIfAbsent(r.method(), k -> new TreeMap<>()).merge(r.period(), r.takenFen(),
                    Long::sum);
            periods.add(r.period());
        }
        List<Map.Entry<String, List<Point>>> out = new ArrayList<>();
        byMethod.forEach((m, values) -> {
            List<Point> pts = new ArrayList<>();
            for (LocalDate d : periods) {
                pts.add(new Point(d.toString(), values.getOrDefault(d, 0L) / 100.0));
            }
            out.add(Map.entry(env.msg().get("bo.pay." + m), pts));
        });
        return out;
    }

    /** The hourly flow as chart points: in, out and inside. */
    public List<Point> flowPoints(String which) {
        List<Point> out = new ArrayList<>();
        for (JdbcReports.FlowRow r : flow) {
            double y = switch (which) {
                case "in" -> r.in();
                case "out" -> r.out();
                default -> r.inside();
            };
            out.add(new Point(HOUR.format(r.hour()), y));
        }
        return out;
    }

    /** The report's tables, as exported. */
    public List<ReportExport.Table> tables() {
        var m = env.msg();
        List<List<Object>> inc = new ArrayList<>();
        for (JdbcReports.IncomeRow r : income) {
            inc.add(List.of(r.period().toString(), m.get("bo.pay." + r.method()), r.attendant(), r.count(),
                    new TableExport.Money(r.dueFen()), new TableExport.Money(r.takenFen()),
                    new TableExport.Money(r.prepaidFen()), new TableExport.Money(r.discountFen())));
        }
        List<List<Object>> fl = new ArrayList<>();
        for (JdbcReports.FlowRow r : flow) {
            if (r.in() > 0 || r.out() > 0) {
                fl.add(List.of(HOUR.format(r.hour()), r.in(), r.out(), r.inside()));
            }
        }
        List<List<Object>> fr = new ArrayList<>();
        for (JdbcReports.ReasonRow r : free) {
            fr.add(List.of(r.attendant(), r.reason(), r.count(), new TableExport.Money(r.fen())));
        }
        List<List<Object>> mv = new ArrayList<>();
        for (JdbcReports.ReasonRow r : manual) {
            mv.add(List.of(r.attendant(), r.reason(), r.count()));
        }
        return List.of(
                new ReportExport.Table(m.get("bo.reports.income"), List.of(m.get("bo.reports.period"),
                        m.get("bo.history.payment"), m.get("bo.history.attendant"), m.get("bo.reports.count"),
                        m.get("bo.reports.due"), m.get("bo.reports.paid"), m.get("bo.reports.of_which_prepaid"),
                        m.get("bo.reports.discount")), inc),
                new ReportExport.Table(m.get("bo.reports.flow"), List.of(m.get("bo.reports.hour"),
                        m.get("bo.reports.in"), m.get("bo.reports.out"), m.get("bo.reports.inside")), fl),
                new ReportExport.Table(m.get("bo.reports.free"), List.of(m.get("bo.history.attendant"),
                        m.get("bo.reports.reason"), m.get("bo.reports.count"), m.get("bo.reports.forgiven")), fr),
                new ReportExport.Table(m.get("bo.reports.manual"), List.of(m.get("bo.history.attendant"),
                        m.get("bo.reports.reason"), m.get("bo.reports.count")), mv));
    }

    public void exportXlsx(Path file) {
        List<ReportExport.Table> t = tables();
        env.async(() -> {
            try {
                ReportExport.xlsx(file, t);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, f -> status.set(env.msg().get("bo.reports.exported", f.getFileName().toString())),
                e -> status.set(env.msg().get("bo.error", e.getMessage())));
    }

    /** PDF with the charts as the view drew them (PNG bytes). */
    public void exportPdf(Path file, List<byte[]> charts) {
        List<ReportExport.Table> t = tables();
        String title = env.msg().get("bo.reports.title", from.get().toString(), to.get().toString());
        env.async(() -> {
            try {
                ReportExport.pdf(file, title, t, charts, com.boothdesk.app.report.ReportFonts.base());
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, f -> status.set(env.msg().get("bo.reports.exported", f.getFileName().toString())),
                e -> status.set(env.msg().get("bo.error", e.getMessage())));
    }

    static String yuan(long fen) {
        return String.format("%d.%02d", fen / 100, fen % 100);
    }

    public ObjectProperty<LocalDate> from() {
        return from;
    }

    public ObjectProperty<LocalDate> to() {
        return to;
    }

    public ObjectProperty<JdbcReports.Period> period() {
        return period;
    }

    public ObservableList<JdbcReports.IncomeRow> income() {
        return income;
    }

    public ObservableList<JdbcReports.FlowRow> flow() {
        return flow;
    }

    public ObservableList<JdbcReports.ReasonRow> free() {
        return free;
    }

    public ObservableList<JdbcReports.ReasonRow> manual() {
        return manual;
    }

    public ObservableList<Map.Entry<String, List<Point>>> incomeSeries() {
        return incomeSeries;
    }

    public StringProperty totals() {
        return totals;
    }

    public StringProperty status() {
        return status;
    }
}
