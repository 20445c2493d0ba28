package com.boothdesk.app.ui.lane;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.boothdesk.app.domain.fee.FeeLine;
import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.fee.Fen;
import com.boothdesk.app.ui.Messages;

/**
 * The exit's checkout: the itemised fee of the car on screen, the four totals that are always shown (应收 gross,
 * 减免 taken off, 已付 paid before, 待缴 still due), the amount tendered and the change. Cleared when the car on
 * screen changes, so a departed car's fee never stays under the next one.
 */
public final class CheckoutViewModel {

    /** At most this many item lines; a longer stay is summed up (FeeQuote.explain(max)). */
    static final int MAX_ITEMS = 6;

    private final Messages msg;
    private final ObservableList<String> items = FXCollections.observableArrayList();
    private final StringProperty gross = new SimpleStringProperty("");
    private final StringProperty discount = new SimpleStringProperty("");
    private final StringProperty paid = new SimpleStringProperty("");
    private final StringProperty due = new SimpleStringProperty("");
    /** What was paid before this exit (prepaid and wallet), as shown in 已付. */
    private long paidFen;
    private final StringProperty stay = new SimpleStringProperty("");
    private final LongProperty dueFen = new SimpleLongProperty(-1);
    private final StringProperty tendered = new SimpleStringProperty("");
    private final StringProperty change = new SimpleStringProperty("");
    private final BooleanProperty changeGiven = new SimpleBooleanProperty(false);
    private final BooleanProperty attention = new SimpleBooleanProperty(false);
    private final BooleanBinding hasFee = dueFen.greaterThanOrEqualTo(0);

    public CheckoutViewModel(Messages msg) {
        this.msg = msg;
        tendered.addListener((o, a, b) -> preview());
        dueFen.addListener((o, a, b) -> preview());
    }

    /** Shows the fee of the car on screen; null clears the box. */
    void show(FeeQuote q) {
        if (q == null) {
            clear();
            return;
        }
        items.setAll(items(msg, q, MAX_ITEMS));
        laterPay.set("");
        gross.set(Fen.format(q.grossFen()));
        discount.set(Fen.format(q.discountFen() + capped(q)));
        paidFen = q.prepaidFen() + q.balanceFen();
        paid.set(Fen.format(paidFen));
        due.set(Fen.format(q.totalFen()));
        stay.set(duration(msg, q.stayMinutes()));
        attention.set(q.needsAttention());
        if (dueFen.get() != q.totalFen()) {
            dueFen.set(q.totalFen());
        }
    }

    /** The car on screen changed: nothing of the previous car's money stays. */
    void clear() {
        items.clear();
        laterPay.set("");
        gross.set("");
        discount.set("");
        paid.set("");
        paidFen = 0;
        due.set("");
        stay.set("");
        attention.set(false);
        dueFen.set(-1);
        tendered.set("");
        change.set("");
        changeGiven.set(false);
    }

    /** The cash was taken: the change to hand back stays large until the next car. */
    void settled(long tenderedFen, long changeFen) {
        tendered.set("");
        if (dueFen.get() > 0) {
            // the fee is paid: 已付 takes it and nothing is due any more (the big 待缴 never shows a paid fee)
            paid.set(Fen.format(paidFen + dueFen.get()));
            due.set(Fen.format(0));
        }
        changeGiven.set(true);
        change.set(msg.get("lane.change", Fen.format(changeFen)) + (tenderedFen > 0
                ? "  (" + msg.get("ui.checkout.received", Fen.format(tenderedFen)) + ")" : ""));
    }

    // ---- proto4: 2.44 先走后付 -------------------------------------------------------------------------------

    private final StringProperty laterPay = new SimpleStringProperty("");

    /** What the later-pay action did for the car on screen ("" when nothing), shown under the totals. */
    public StringProperty laterPayProperty() {
        return laterPay;
    }

    /**
     * proto4, 2.44 先走后付 (the keymap's later_pay): the car waiting to pay on {@code lane} leaves now and pays later,
     * with the reason chosen in the lane's reason field (required), when the site's rule (payment.later_pay) allows
     * it. The answer comes back on {@code fx}; what went wrong is the lane's error line.
     */
    public void laterPay(LaneViewModel lane, java.util.concurrent.Executor fx) {
        if (!lane.payingProperty().get() || dueFen.get() <= 0) {
            lane.errorProperty().set(msg.get("laterpay.nothing"));
            return;
        }
        String why = lane.reasonProperty().get() == null ? "" : lane.reasonProperty().get().trim();
        if (why.isEmpty()) {
            lane.errorProperty().set(msg.get("reason.required"));
            return;
        }
        if (!(lane.port() instanceof com.boothdesk.app.ui.pay.PayPort.Paying paying)) {
            lane.errorProperty().set(msg.get("laterpay.off"));
            return;
        }
        long debt = dueFen.get();
        String plate = lane.plateProperty().get();
        paying.pay().laterPay(why).whenComplete((closed, e) -> fx.execute(() -> {
            if (e == null) {
                laterPay.set(msg.get("ui.laterpay.done", closed == null ? plate : closed.plate(), Fen.format(debt)));
                lane.reasonProperty().set("");
                lane.errorProperty().set("");
                return;
            }
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e;
            lane.errorProperty().set(cause instanceof com.boothdesk.app.domain.lane.LaneException le
                    ? msg.get(le.messageKey(), le.args()) : msg.get("lane.error", String.valueOf(
                    cause.getMessage())));
        }));
    }

    /** The typed amount in fen: 0 when empty (exactly the fee); throws IllegalArgumentException when unreadable. */
    long tenderedFen() {
        String t = tendered.get() == null ? "" : tendered.get().trim();
        return t.isEmpty() ? 0 : Fen.parse(t);
    }

    private void preview() {
        if (changeGiven.get()) {
            return;
        }
        long d = dueFen.get();
        String t = tendered.get() == null ? "" : tendered.get().trim();
        if (d < 0 || t.isEmpty()) {
            change.set("");
            return;
        }
        try {
            long fen = Fen.parse(t);
            change.set(fen >= d ? msg.get("lane.change", Fen.format(fen - d))
                    : msg.get("ui.checkout.short", Fen.format(d - fen)));
        } catch (IllegalArgumentException e) {
            change.set(msg.get("settle.bad_amount", t));
        }
    }

    static String duration(Messages msg, long minutes) {
        long days = minutes / 1440;
        long hours = minutes % 1440 / 60;
        long mins = minutes % 60;
        return (days > 0 ? msg.get("ui.duration.days", days) : "") + (days > 0 || hours > 0
                ? msg.get("ui.duration.hours", hours) : "") + msg.get("ui.duration.minutes", mins);
    }

    private static long capped(FeeQuote q) {
        return q.lines(FeeLine.Kind.CAP).stream().mapToLong(l -> Math.abs(l.amountFen())).sum();
    }

    /**
     * The fee's item lines (at most {@code maxItems}, else the brief, see {@link FeeQuote#items(int)}) in the language
     * of the moment, each with its amount; the totals are not among them (they have their own fields). In Chinese
     * exactly the lines of {@link FeeQuote#explain(int)}.
     */
    public static java.util.List<String> items(Messages msg, FeeQuote q, int maxItems) {
        return q.items(maxItems).stream().map(l -> text(msg, l)).toList();
    }

    /**
     * The whole explanation of {@link FeeQuote#explain(int)} (the items, the stay, 应收 and 待缴) in the language of the
     * moment, one line each; in Chinese exactly {@code explain(maxItems)}. For a screen that shows the quote as one
     * text (a live quote).
     */
    public static String explain(Messages msg, FeeQuote q, int maxItems) {
        StringBuilder text = new StringBuilder();
        for (String line : items(msg, q, maxItems)) {
            text.append(line).append('\n');
        }
        text.append(msg.get("fee.total.stay", feeDuration(msg, q.stayMinutes()))).append('\n');
        text.append(msg.get("fee.total.gross", Fen.format(q.grossFen()))).append('\n');
        text.append(msg.get("fee.total.due", Fen.format(q.totalFen())));
        return text.toString();
    }

    /** One line with its amount ("08:00-09:00 首小时 5.00元"), in the language of the moment. */
    public static String text(Messages msg, FeeLine line) {
        String label = label(msg, line);
        return line.kind() == FeeLine.Kind.NOTE ? label : label + " " + msg.get("fee.amount",
                Fen.format(line.amountFen()));
    }

    /**
     * What a line says, in the language of the moment ({@code fee.line.<say>}); a line without a phrase (made from a
     * text, e.g. a cloud's fixed fee) is told as its label.
     */
    public static String label(Messages msg, FeeLine line) {
        FeeLine.Phrase p = line.phrase();
        if (p == null) {
            return line.label();
        }
        Object[] args = new Object[p.args().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = arg(msg, p.args().get(i));
        }
        String text = msg.get(p.say().key(), args);
        // an empty name (a tariff with one period) leaves two spaces in the languages that put words apart
        return "zh".equals(msg.locale().getLanguage()) ? text : text.replaceAll(" {2,}", " ").trim();
    }

    private static String arg(Messages msg, Object a) {
        if (a instanceof FeeLine.Minutes m) {
            return feeDuration(msg, m.minutes());
        }
        if (a instanceof FeeLine.Unit u) {
            return unit(msg, u.minutes());
        }
        if (a instanceof FeeLine.Units u) {
            return u.unitMinutes() == 60 ? msg.get("fee.units.hours", String.valueOf(u.count()))
                    : msg.get("fee.units.other", String.valueOf(u.count()), unit(msg, u.unitMinutes()));
        }
        if (a instanceof FeeLine.Continued c) {
            return msg.get("fee.arg.continued", c.name()) + " ";
        }
        if (a instanceof FeeLine l) {
            return label(msg, l);
        }
        return String.valueOf(a); // times, amounts, names from the tariff; numbers without grouping
    }

    /** 185 → "3小时5分钟" / "3h5min"; 60 → "1小时"; 0 → "0分钟" (as the fee engine's Chinese). */
    static String feeDuration(Messages msg, long minutes) {
        if (minutes <= 0) {
            return msg.get("fee.dur.minutes", "0");
        }
        long days = minutes / 1440;
        long hours = minutes % 1440 / 60;
        long mins = minutes % 60;
        return (days > 0 ? msg.get("fee.dur.days", String.valueOf(days)) : "")
                + (hours > 0 ? msg.get("fee.dur.hours", String.valueOf(hours)) : "")
                + (mins > 0 ? msg.get("fee.dur.minutes", String.valueOf(mins)) : "");
    }

    private static String unit(Messages msg, int minutes) {
        return minutes == 60 ? msg.get("fee.unit.hour") : feeDuration(msg, minutes);
    }

    public ObservableList<String> items() {
        return items;
    }

    public StringProperty grossProperty() {
        return gross;
    }

    public StringProperty discountProperty() {
        return discount;
    }

    public StringProperty paidProperty() {
        return paid;
    }

    public StringProperty dueProperty() {
        return due;
    }

    public StringProperty stayProperty() {
        return stay;
    }

    public LongProperty dueFenProperty() {
        return dueFen;
    }

    public StringProperty tenderedProperty() {
        return tendered;
    }

    public StringProperty changeProperty() {
        return change;
    }

    public BooleanProperty changeGivenProperty() {
        return changeGiven;
    }

    public BooleanProperty attentionProperty() {
        return attention;
    }

    public BooleanBinding hasFeeProperty() {
        return hasFee;
    }

    /** True when the box shows nothing. */
    public boolean isEmpty() {
        return Bindings.isEmpty(items).get() && dueFen.get() < 0;
    }
}
