package com.boothdesk.app.ui.shift;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.boothdesk.app.domain.staff.CashCount;
import com.boothdesk.app.domain.staff.HandoverRecord;
import com.boothdesk.app.domain.staff.Shift;
import com.boothdesk.app.domain.staff.ShiftTotals;
import com.boothdesk.app.domain.staff.StaffService;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.sdk.message.Fen;

/**
 * The handover screen (换班): the outgoing shift's totals, the counted cash (a total in yuan, or pieces by
 * denomination) against the expected cash and the difference, a remark (required when the cash differs), and the
 * incoming attendant's log-in on the same screen.
 */
public final class HandoverViewModel {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final StaffService staff;
    private final Messages messages;
    private final ZoneId zone;
    private final UiExecutors ex;
    private com.boothdesk.app.common.Observable.Subscription following;
    private Consumer<HandoverRecord> afterHandover = r -> { };

    private final StringProperty outgoing = new SimpleStringProperty("");
    private final StringProperty since = new SimpleStringProperty("");
    private final ObjectProperty<ShiftTotals> totals = new SimpleObjectProperty<>();
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final LongProperty expectedFen = new SimpleLongProperty(0);
    private final BooleanProperty byPieces = new SimpleBooleanProperty(false);
    private final StringProperty countedText = new SimpleStringProperty("");
    private final Map<Long, IntegerProperty> pieces = new LinkedHashMap<>();
    private final StringProperty remark = new SimpleStringProperty("");
    private final StringProperty incomingUser = new SimpleStringProperty("");
    private final StringProperty incomingPassword = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<HandoverRecord> done = new SimpleObjectProperty<>();

    private final ObjectBinding<Long> countedFen;
    private final ObjectBinding<Long> differenceFen;
    private final StringBinding differenceText;
    private final BooleanBinding remarkRequired;
    private final BooleanBinding canSubmit;

    public HandoverViewModel(StaffService staff, Messages messages, ZoneId zone, UiExecutors ex) {
        this.staff = Objects.requireNonNull(staff, "staff");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.ex = Objects.requireNonNull(ex, "ex");
        for (Long face : CashCount.DENOMINATIONS) {
            pieces.put(face, new SimpleIntegerProperty(0));
        }
        ObservableValue<?>[] deps = new ObservableValue<?>[pieces.size() + 2];
        int i = 0;
        for (IntegerProperty p : pieces.values()) {
            deps[i++] = p;
        }
        deps[i++] = byPieces;
        deps[i] = countedText;
        countedFen = Bindings.createObjectBinding(() -> {
            CashCount c = count();
            return c == null ? null : c.totalFen();
        }, deps);
        differenceFen = Bindings.createObjectBinding(() -> countedFen.get() == null ? null
                : countedFen.get() - expectedFen.get(), countedFen, expectedFen);
        differenceText = Bindings.createStringBinding(() -> differenceFen.get() == null
                ? messages.get("staff.handover.not_counted") : Fen.format(differenceFen.get()), differenceFen);
        remarkRequired = Bindings.createBooleanBinding(() -> differenceFen.get() != null && differenceFen.get() != 0,
                differenceFen);
        canSubmit = Bindings.createBooleanBinding(() -> !busy.get() && totals.get() != null
                && (!remarkRequired.get() || !remark.get().isBlank()), busy, totals, remarkRequired, remark);
    }

    /** What to do with the stored handover (print the shift report). */
    public void onHandedOver(Consumer<HandoverRecord> action) {
        this.afterHandover = Objects.requireNonNull(action, "action");
    }

    /**
     * Keeps the totals current while the screen is open: cloud payments, prepaid exits and the lanes' own decisions
     * go on behind it, so every change of the shift's takings reloads them (the handover itself books the totals
     * of the moment it is stored). {@link #close} stops it.
     */
    public void follow() {
        close();
        long[] seen = {staff.duty().get().receivedFen()};
        following = staff.duty().subscribe(d -> ex.ui().execute(() -> {
            if (d.onDuty() && d.receivedFen() != seen[0] && done.get() == null && !busy.get()) {
                seen[0] = d.receivedFen();
                refresh();
            }
        }));
    }

    /** Stops following the shift's takings (the screen closed). */
    public void close() {
        if (following != null) {
            following.close();
            following = null;
        }
    }

    /** Loads the totals of the shift on duty (background). */
    public void refresh() {
        busy.set(true);
        ex.run(() -> {
            Shift s = staff.currentShift().orElseThrow(() ->
                    new com.boothdesk.app.domain.staff.StaffException("staff.shift.none", "nobody on duty"));
            String who = staff.onDuty().map(a -> a.display()).orElse(s.userId());
            return new Object[] {s, who, staff.currentTotals()};
        }, r -> {
            busy.set(false);
            Shift s = (Shift) r[0];
            outgoing.set((String) r[1]);
            since.set(HM.format(s.startedAt().atZone(zone)));
            show((ShiftTotals) r[2]);
        }, e -> {
            busy.set(false);
            message.set(StaffMessages.of(messages, e));
        });
    }

    private void show(ShiftTotals t) {
        totals.set(t);
        expectedFen.set(t.expectedCashFen());
        lines.clear();
        lines.add(line("staff.handover.receivable", t.receivableFen()));
        lines.add(line("staff.handover.reduction", t.reductionFen()));
        lines.add(line("staff.handover.received", t.receivedFen()));
        lines.add(line("staff.handover.cash", t.cashFen()));
        if (t.electronicFen().isEmpty()) {
            lines.add(line("staff.handover.electronic", 0));
        }
        t.electronicFen().forEach((ch, fen) -> lines.add(messages.get("staff.handover.electronic") + " " + ch + "  "
                + messages.get("ui.handover.yuan", Fen.format(fen))));
        lines.add(line("staff.handover.prepaid", t.prepaidFen()));
        lines.add(line("staff.handover.stored_value", t.storedValueFen()));
        // counts say what they count (cars, times) and amounts say 元: "1 / 9.00" meant nothing at the booth
        lines.add(messages.get("staff.handover.free") + "  " + countAmount(t.freeTotal().count(), t.freeTotal().fen()));
        t.free().forEach((reason, x) -> lines.add("    " + reason + "  " + countAmount(x.count(), x.fen())));
        lines.add(messages.get("staff.handover.no_record") + "  "
                + countAmount(t.noRecord().count(), t.noRecord().fen()));
        lines.add(messages.get("staff.handover.manual") + "  " + messages.get("ui.handover.times", String.valueOf(t.manualTotal())));
        t.manual().forEach((reason, n) -> lines.add("    " + reason + "  " + messages.get("ui.handover.times", String.valueOf(n))));
        lines.add(messages.get("staff.handover.cars") + "  " + messages.get("ui.handover.cars",
                String.valueOf(t.carsIn()), String.valueOf(t.carsOut())));
    }

    private String line(String key, long fen) {
        return messages.get(key) + "  " + messages.get("ui.handover.yuan", Fen.format(fen));
    }

    private String countAmount(long count, long fen) {
        return messages.get("ui.handover.count_amount", String.valueOf(count), Fen.format(fen)); // no "1,000"
    }

    /** The counted cash, or {@code null} while nothing was entered (or the text is not an amount). */
    CashCount count() {
        if (byPieces.get()) {
            Map<Long, Integer> m = new LinkedHashMap<>();
            pieces.forEach((face, n) -> m.put(face, Math.max(0, n.get())));
            return CashCount.byPieces(m);
        }
        String s = countedText.get() == null ? "" : countedText.get().trim();
        if (s.isEmpty()) {
            return null;
        }
        try {
            long fen = Fen.parse(s);
            return fen < 0 ? null : CashCount.total(fen);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Hands over to the incoming attendant who logs in here. */
    public void submit() {
        handover(incomingUser.get().trim());
    }

    /** Hands over with nobody taking over (the booth closes). */
    public void closeBooth() {
        handover(null);
    }

    private void handover(String incoming) {
        if (!canSubmit.get()) {
            if (remarkRequired.get() && remark.get().isBlank()) {
                message.set(messages.get("staff.handover.remark_required"));
            }
            return;
        }
        CashCount counted = count();
        String note = remark.get();
        char[] pw = incoming == null || incoming.isEmpty() ? null : incomingPassword.get().toCharArray();
        incomingPassword.set("");
        busy.set(true);
        ex.run(() -> staff.handover(counted, note, incoming == null || incoming.isEmpty() ? null : incoming, pw),
                r -> {
                    busy.set(false);
                    message.set(messages.get("staff.handover.done",
                            r.differenceFen() == null ? "-" : Fen.format(r.differenceFen())));
                    done.set(r);
                    afterHandover.accept(r);
                }, e -> {
                    busy.set(false);
                    message.set(StaffMessages.of(messages, e));
                });
    }

    public StringProperty outgoing() {
        return outgoing;
    }

    public StringProperty since() {
        return since;
    }

    public ObjectProperty<ShiftTotals> totals() {
        return totals;
    }

    /** The totals as display lines (the view lists them). */
    public ObservableList<String> lines() {
        return lines;
    }

    public LongProperty expectedFen() {
        return expectedFen;
    }

    public BooleanProperty byPieces() {
        return byPieces;
    }

    /** The counted total in yuan ("1234.50"), when not counted by pieces. */
    public StringProperty countedText() {
        return countedText;
    }

    /** Pieces per denomination (fen → count), largest first. */
    public Map<Long, IntegerProperty> pieces() {
        return pieces;
    }

    public ObjectBinding<Long> countedFen() {
        return countedFen;
    }

    public ObjectBinding<Long> differenceFen() {
        return differenceFen;
    }

    public StringBinding differenceText() {
        return differenceText;
    }

    public BooleanBinding remarkRequired() {
        return remarkRequired;
    }

    public BooleanBinding canSubmit() {
        return canSubmit;
    }

    public StringProperty remark() {
        return remark;
    }

    public StringProperty incomingUser() {
        return incomingUser;
    }

    public StringProperty incomingPassword() {
        return incomingPassword;
    }

    public StringProperty message() {
        return message;
    }

    public BooleanProperty busy() {
        return busy;
    }

    /** The stored handover, once done. */
    public ObjectProperty<HandoverRecord> done() {
        return done;
    }
}
