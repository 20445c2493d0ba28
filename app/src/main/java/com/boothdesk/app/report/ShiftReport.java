package com.boothdesk.app.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.domain.staff.HandoverRecord;
import com.boothdesk.app.domain.staff.PayKinds;
import com.boothdesk.app.domain.staff.Shift;
import com.boothdesk.app.domain.staff.ShiftLedger;
import com.boothdesk.app.domain.staff.ShiftOrder;
import com.boothdesk.app.domain.staff.ShiftTotals;

/**
 * Everything the shift report shows: the summary (totals, handover), the detail list (each exit), and the hourly
 * figures for the charts. Built from the store; laid out by {@link ShiftReportPdf} and the UI's printing.
 *
 * @param printNo    0 for the first print, n for the n-th reprint (a reprint says so)
 * @param handover   the handover of a closed shift, {@code null} while the shift is open
 * @param denominations how the cash was counted ("100元×3 …"), empty if counted as a total
 */
public record ShiftReport(String boothId, Shift shift, String attendant, ShiftTotals totals, List<ShiftOrder> orders,
                          List<Hour> hours, HandoverRecord handover, String denominations, int printNo,
                          Instant generatedAt, ZoneId zone) {

    /** The payment kinds of the income chart, in the order of its legend. */
    public static final List<String> INCOME_KINDS = List.of(PayKinds.label(PaymentMethod.CASH),
            PayKinds.label(PaymentMethod.ELECTRONIC), PayKinds.label(PaymentMethod.PREPAID),
            PayKinds.label(PaymentMethod.STORED_VALUE));

    /** One hour of the shift: income by payment kind, cars in and out. */
    public record Hour(LocalDateTime start, Map<String, Long> incomeFen, int in, int out) {
        public Hour {
            incomeFen = Collections.unmodifiableMap(new LinkedHashMap<>(incomeFen));
        }

        public long totalFen() {
            return incomeFen.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public ShiftReport {
        Objects.requireNonNull(shift, "shift");
        orders = List.copyOf(orders);
        hours = List.copyOf(hours);
        denominations = denominations == null ? "" : denominations;
    }

    public boolean reprint() {
        return printNo > 0;
    }

    public static ShiftReport of(String boothId, ShiftLedger ledger, String attendant, HandoverRecord handover,
                                 String denominations, int printNo, Instant generatedAt, ZoneId zone) {
        return new ShiftReport(boothId, ledger.shift(), attendant, ShiftTotals.of(ledger), ledger.orders(),
                hours(ledger, zone), handover, denominations, printNo, generatedAt, zone);
    }

    /** Hour buckets from the shift's start to its end (or now), each with income by kind and cars in / out. */
    static List<Hour> hours(ShiftLedger l, ZoneId zone) {
        LocalDateTime first = hour(l.shift().startedAt(), zone);
        LocalDateTime last = hour(l.until(), zone);
        TreeMap<LocalDateTime, Map<String, Long>> income = new TreeMap<>();
        TreeMap<LocalDateTime, int[]> cars = new TreeMap<>();
        for (LocalDateTime h = first; !h.isAfter(last) && income.size() < 24 * 7; h = h.plusHours(1)) {
            Map<String, Long> m = new LinkedHashMap<>();
            INCOME_KINDS.forEach(k -> m.put(k, 0L));
            income.put(h, m);
            cars.put(h, new int[2]);
        }
        for (ShiftOrder o : l.orders()) {
            Map<String, Long> m = income.get(hour(o.outTime(), zone));
            if (m == null) {
                continue;
            }
            if (o.method() == PaymentMethod.CASH || o.method() == PaymentMethod.ELECTRONIC
                    || o.method() == PaymentMethod.STORED_VALUE) {
                m.merge(PayKinds.label(o.method()), o.paidFen(), Long::sum);
            }
            if (o.prepaidFen() > 0) {
                m.merge(PayKinds.label(PaymentMethod.PREPAID), o.prepaidFen(), Long::sum);
            }
        }
        for (Instant t : l.entries()) {
            int[] c = cars.get(hour(t, zone));
            if (c != null) {
                c[0]++;
            }
        }
        for (Instant t : l.exits()) {
            int[] c = cars.get(hour(t, zone));
            if (c != null) {
                c[1]++;
            }
        }
        List<Hour> out = new ArrayList<>();
        income.forEach((h, m) -> out.add(new Hour(h, m, cars.get(h)[0], cars.get(h)[1])));
        return out;
    }

    private static LocalDateTime hour(Instant t, ZoneId zone) {
        return LocalDateTime.ofInstant(t, zone).truncatedTo(ChronoUnit.HOURS);
    }
}
