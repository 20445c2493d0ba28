package com.boothdesk.app.ui.backoffice.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.store.history.HistoryQuery;
import com.boothdesk.app.store.history.HistoryRow;
import com.boothdesk.app.store.history.StoryEvent;
import com.boothdesk.app.ui.backoffice.BackOfficeEnv;
import com.boothdesk.app.ui.backoffice.port.BackOfficePorts;

/**
 * The history screen: the search form (plate exact / fuzzy / fragment, date range, lane, attendant, payment kind,
 * outcome), the result list, the selected order's two pictures and its whole story, and the export of the search to
 * CSV or Excel. All reads on the UI executor.
 */
public final class HistoryViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    private final BackOfficePorts.History port;
    private final BackOfficeEnv env;

    private final StringProperty plate = new SimpleStringProperty("");
    private final ObjectProperty<HistoryQuery.PlateMode> plateMode =
            new SimpleObjectProperty<>(HistoryQuery.PlateMode.FUZZY);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty lane = new SimpleStringProperty("");
    private final StringProperty attendant = new SimpleStringProperty("");
    private final ObjectProperty<PaymentMethod> payment = new SimpleObjectProperty<>();
    private final ObjectProperty<HistoryQuery.Outcome> outcome = new SimpleObjectProperty<>();
    private final ObservableList<HistoryRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<HistoryRow> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<byte[]> entryPicture = new SimpleObjectProperty<>();
    private final ObjectProperty<byte[]> exitPicture = new SimpleObjectProperty<>();
    private final ObservableList<String> story = FXCollections.observableArrayList();
    private final ObservableList<String> lanes = FXCollections.observableArrayList();
    private final ObservableList<String> attendants = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private long generation;

    public HistoryViewModel(BackOfficePorts.History port, BackOfficeEnv env) {
        this.port = port;
        this.env = env;
        LocalDate today = LocalDate.now(env.clock().withZone(env.zone()));
        from.set(today.minusDays(30));
        to.set(today);
        selected.addListener((o, a, b) -> open(b));
    }

    /** Fills the lane and attendant choices and shows the latest stays (the screen never opens empty). */
    public void start() {
        env.async(() -> List.of(port.lanes(), port.attendants()), l -> {
            lanes.setAll(l.get(0));
            attendants.setAll(l.get(1));
        }, e -> status.set(env.msg().get("bo.error", e.getMessage())));
        search();
    }

    /** The query the form describes. */
    public HistoryQuery query() {
        Instant f = from.get() == null ? null : from.get().atStartOfDay(env.zone()).toInstant();
        Instant t = to.get() == null ? null : to.get().plusDays(1).atStartOfDay(env.zone()).toInstant();
        return new HistoryQuery(plate.get(), plateMode.get(), f, t, lane.get(), attendant.get(), payment.get(),
                outcome.get(), 500);
    }

    /** Runs the search; the result replaces the list. A wrong form (range ending before it starts) is said. */
    public void search() {
        HistoryQuery q;
        try {
            q = query();
        } catch (IllegalArgumentException e) {
            status.set(env.msg().get("bo.history.bad_range"));
            return;
        }
        busy.set(true);
        env.async(() -> port.search(q), r -> {
            busy.set(false);
            rows.setAll(r);
            status.set(env.msg().get("bo.history.found", r.size()));
            if (!r.isEmpty()) {
                selected.set(r.get(0));
            } else {
                selected.set(null);
            }
        }, e -> {
            busy.set(false);
            status.set(env.msg().get("bo.error", e.getMessage()));
        });
    }

    private void open(HistoryRow r) {
        long gen = ++generation;
        story.clear();
        entryPicture.set(null);
        exitPicture.set(null);
        if (r == null) {
            return;
        }
        env.async(() -> new Opened(port.story(r.orderId()), port.picture(r.entryImage()).orElse(null),
                port.picture(r.exitImage()).orElse(null)), o -> {
                    if (gen != generation) {
                        return; // another row was selected meanwhile
                    }
                    entryPicture.set(o.entry);
                    exitPicture.set(o.exit);
                    story.setAll(o.story.stream().map(this::line).toList());
                }, e -> status.set(env.msg().get("bo.error", e.getMessage())));
    }

    private record Opened(List<StoryEvent> story, byte[] entry, byte[] exit) {
    }

    private String line(StoryEvent e) {
        return TIME.format(e.at().atZone(env.zone())) + "  " + env.msg().get("bo.story." + e.kind().name()) + "  "
                + e.title() + (e.detail() == null || e.detail().isEmpty() ? "" : "  —  " + e.detail());
    }

    /** Writes the whole search (not only the rows shown) to {@code file} (.csv or .xlsx). */
    public void export(Path file) {
        HistoryQuery q;
        try {
            q = query();
        } catch (IllegalArgumentException e) {
            status.set(env.msg().get("bo.history.bad_range"));
            return;
        }
        busy.set(true);
        env.async(() -> {
            try {
                return port.export(q, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, n -> {
            busy.set(false);
            status.set(env.msg().get("bo.history.exported", n, file.getFileName().toString()));
        }, e -> {
            busy.set(false);
            status.set(env.msg().get("bo.error", e.getMessage()));
        });
    }

    /** The text of one result row's cells, as the table shows them. */
    public String cell(HistoryRow r, String column) {
        return switch (column) {
            case "plate" -> r.readPlate() != null && !r.readPlate().equals(r.plate())
                    ? r.plate() + " (" + r.readPlate() + ")" : r.plate();
            case "in" -> r.inTime() == null ? "" : TIME.format(r.inTime().atZone(env.zone()));
            case "out" -> r.outTime() == null ? "" : TIME.format(r.outTime().atZone(env.zone()));
            case "lanes" -> r.entryLane() + " → " + (r.exitLane() == null ? "" : r.exitLane());
            case "paid" -> r.outTime() == null && r.paidFen() == 0 && r.dueFen() == 0 ? ""
                    : yuan(r.paidFen() + r.prepaidFen()) + " / " + yuan(r.dueFen()); // prepaid is taken too
            case "payment" -> r.payment() == null ? "" : env.msg().get("bo.pay." + r.payment().name());
            case "outcome" -> env.msg().get("bo.outcome." + r.outcome().name());
            case "attendant" -> r.exitOperator() == null ? nz(r.entryOperator()) : r.exitOperator();
            case "match" -> r.match() == 0 ? "" : r.match() + (r.matchWhy().isEmpty() ? "" : " " + r.matchWhy());
            default -> "";
        };
    }

    static String yuan(long fen) {
        return String.format("%d.%02d", fen / 100, fen % 100);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public StringProperty plate() {
        return plate;
    }

    public ObjectProperty<HistoryQuery.PlateMode> plateMode() {
        return plateMode;
    }

    public ObjectProperty<LocalDate> from() {
        return from;
    }

    public ObjectProperty<LocalDate> to() {
        return to;
    }

    public StringProperty lane() {
        return lane;
    }

    public StringProperty attendant() {
        return attendant;
    }

    public ObjectProperty<PaymentMethod> payment() {
        return payment;
    }

    public ObjectProperty<HistoryQuery.Outcome> outcome() {
        return outcome;
    }

    public ObservableList<HistoryRow> rows() {
        return rows;
    }

    public ObjectProperty<HistoryRow> selected() {
        return selected;
    }

    public ObjectProperty<byte[]> entryPicture() {
        return entryPicture;
    }

    public ObjectProperty<byte[]> exitPicture() {
        return exitPicture;
    }

    public ObservableList<String> story() {
        return story;
    }

    public ObservableList<String> lanes() {
        return lanes;
    }

    public ObservableList<String> attendants() {
        return attendants;
    }

    public StringProperty status() {
        return status;
    }

    public BooleanProperty busy() {
        return busy;
    }
}
