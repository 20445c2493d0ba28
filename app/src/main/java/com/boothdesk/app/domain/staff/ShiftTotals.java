package com.boothdesk.app.domain.staff;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import com.boothdesk.app.domain.order.PaymentMethod;

/**
 * The figures of a shift, from the orders booked to it (fen).
 *
 * @param receivableFen  应收: the fees of the exits
 * @param reductionFen   减免: what was not paid of them (coupons, free releases)
 * @param receivedFen    实收: paid at the exit and before it
 * @param cashFen        cash taken (the drawer's expected cash)
 * @param electronicFen  paid at the exit electronically, by channel
 * @param prepaidFen     paid in the lot before the exit
 * @param storedValueFen taken from stored-value cards
 * @param couponFen      taken off by coupons
 * @param free           free releases by reason: how many and how much they forgave
 * @param noRecord       exits without an entry record charged the no-record fee
 * @param manual         manual barrier movements by reason ("抬杆:reason" / "落杆:reason")
 */
public record ShiftTotals(int exitCount, long receivableFen, long reductionFen, long receivedFen, long cashFen,
                          Map<String, Long> electronicFen, long prepaidFen, long storedValueFen, long couponFen,
                          Map<String, Tally> free, Tally noRecord, Map<String, Integer> manual, int carsIn,
                          int carsOut) {

    /** A count and an amount. */
    public record Tally(int count, long fen) {
        public static final Tally ZERO = new Tally(0, 0);

        Tally plus(long f) {
            return new Tally(count + 1, fen + f);
        }
    }

    public ShiftTotals {
        electronicFen = Collections.unmodifiableMap(new TreeMap<>(electronicFen));
        free = Collections.unmodifiableMap(new TreeMap<>(free));
        manual = Collections.unmodifiableMap(new TreeMap<>(manual));
    }

    public long electronicTotalFen() {
        return electronicFen.values().stream().mapToLong(Long::longValue).sum();
    }

    public Tally freeTotal() {
        int n = 0;
        long f = 0;
        for (Tally t : free.values()) {
            n += t.count();
            f += t.fen();
        }
        return new Tally(n, f);
    }

    public int manualTotal() {
        return manual.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The cash the drawer should hold. */
    public long expectedCashFen() {
        return cashFen;
    }

    public static ShiftTotals of(ShiftLedger l) {
        long receivable = 0;
        long reduction = 0;
        long received = 0;
        long cash = 0;
        long prepaid = 0;
        long stored = 0;
        long coupons = 0;
        Map<String, Long> electronic = new TreeMap<>();
        Map<String, Tally> free = new TreeMap<>();
        Tally noRecord = Tally.ZERO;
        for (ShiftOrder o : l.orders()) {
            receivable += o.dueFen();
            reduction += o.reductionFen();
            received += o.receivedFen();
            prepaid += o.prepaidFen();
            coupons += o.discountFen();
            if (o.method() == PaymentMethod.CASH) {
                cash += o.paidFen();
            } else if (o.method() == PaymentMethod.ELECTRONIC) {
                electronic.merge(PayKinds.channel(o), o.paidFen(), Long::sum);
            } else if (o.method() == PaymentMethod.STORED_VALUE) {
                stored += o.paidFen();
            }
            if (o.freeRelease()) {
                String reason = o.freeReason() == null || o.freeReason().isBlank() ? "(无原因)" : o.freeReason();
                free.merge(reason, Tally.ZERO.plus(o.forgivenFen()),
                        (a, b) -> new Tally(a.count() + b.count(), a.fen() + b.fen()));
            }
            if (o.noRecord()) {
                noRecord = noRecord.plus(o.paidFen());
            }
        }
        Map<String, Integer> manual = new TreeMap<>();
        for (ManualMove m : l.moves()) {
            manual.merge((m.open() ? "抬杆:" : "落杆:") + m.reason(), 1, Integer::sum);
        }
        return new ShiftTotals(l.orders().size(), receivable, reduction, received, cash, electronic, prepaid, stored,
                coupons, free, noRecord, manual, l.entries().size(), l.exits().size());
    }
}
