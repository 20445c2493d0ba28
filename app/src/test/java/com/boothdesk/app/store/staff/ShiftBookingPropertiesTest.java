package com.boothdesk.app.store.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.domain.staff.CashCount;
import com.boothdesk.app.domain.staff.Shift;
import com.boothdesk.app.domain.staff.ShiftTotals;
import com.boothdesk.app.report.ShiftReport;
import com.boothdesk.app.report.ShiftReports;

/**
 * Over random sequences of exits (cash, stored value, prepaid, part prepaid, free releases, no-record fees, exits
 * while nobody is on duty) and handovers across several shifts: every report total equals the sum of the orders
 * booked to that shift in H2 and the sum the test expects; no order is in two shifts; every exit taken by an
 * attendant on duty is in the shift it was taken in.
 */
class ShiftBookingPropertiesTest {

    enum Kind { CASH, STORED, PREPAID, PART_PREPAID, FREE, NO_RECORD, NOBODY }

    /** An exit, or (kind null) a handover to the next attendant (or to nobody when {@code fen} is odd). */
    record Step(Kind kind, long fen, int minutes) {
    }

    @Provide
    Arbitrary<List<Step>> days() {
        Arbitrary<Step> exit = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.longs().between(0, 200)
                .map(y -> y * 50), Arbitraries.integers().between(0, 90)).as(Step::new);
        Arbitrary<Step> handover = Combinators.combine(Arbitraries.longs().between(0, 3),
                Arbitraries.integers().between(0, 30)).as((odd, m) -> new Step(null, odd, m));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, exit), net.jqwik.api.Tuple.of(1, handover))
                .list().ofMinSize(5).ofMaxSize(40);
    }

    /** What the test expects of one shift. */
    static final class Expected {
        long receivable;
        long received;
        long cash;
        long prepaid;
        long stored;
        long reduction;
        long free;
        int freeCount;
        int noRecord;
        int othersOut;
        final Set<String> orders = new HashSet<>();
    }

    @Property(tries = 8)
    void everyReportTotalIsTheSumOfTheOrdersBookedToItsShift(@ForAll("days") List<Step> steps) throws IOException {
        Path dir = Files.createTempDirectory("shift-prop");
        try (StaffFixture f = new StaffFixture(dir)) {
            f.admin("a1", "a2", "a3");
            String[] people = {"a1", "a2", "a3"};
            int next = 0;
            f.staff.login(people[next], StaffFixture.pw(people[next]));
            next++;
            Map<String, Expected> expected = new HashMap<>();
            List<String> shifts = new ArrayList<>();
            Set<String> unbooked = new HashSet<>();
            int plate = 0;
            for (Step s : steps) {
                f.advance(Duration.ofMinutes(s.minutes()).plusSeconds(1));
                Shift on = f.staff.currentShift().orElse(null);
                if (s.kind() == null) {
                    if (on == null) {
                        f.staff.login(people[next % 3], StaffFixture.pw(people[next % 3]));
                        next++;
                        continue;
                    }
                    boolean toNobody = s.fen() % 2 == 1;
                    String incoming = toNobody ? null : people[next % 3];
                    f.staff.handover(CashCount.total(expected.computeIfAbsent(on.shiftId(), k -> new Expected()).cash),
                            "", incoming, incoming == null ? null : StaffFixture.pw(incoming));
                    shifts.add(on.shiftId());
                    if (!toNobody) {
                        next++;
                    }
                    continue;
                }
                String who = on == null || s.kind() == Kind.NOBODY ? null : on.userId();
                String p = String.format("京A%05d", plate++);
                long fen = s.fen();
                String id;
                Expected e = who == null ? new Expected() : expected.computeIfAbsent(on.shiftId(), k -> new Expected());
                switch (s.kind()) {
                    case CASH, NOBODY -> {
                        id = f.exit(p, fen, fen, 0, PaymentMethod.CASH, null, who);
                        e.cash += fen;
                        e.received += fen;
                    }
                    case STORED -> {
                        id = f.exit(p, fen, fen, 0, PaymentMethod.STORED_VALUE, null, who);
                        e.stored += fen;
                        e.received += fen;
                    }
                    case PREPAID -> {
                        id = fen == 0 ? f.exit(p, 0, 0, 0, PaymentMethod.PREPAID, null, who)
                                : f.exit(p, fen, 0, fen, PaymentMethod.PREPAID, null, who);
                        e.prepaid += fen;
                        e.received += fen;
                    }
                    case PART_PREPAID -> {
                        long pre = fen / 2;
                        id = pre == 0 ? f.exit(p, fen, fen, 0, PaymentMethod.CASH, null, who)
                                : f.exit(p, fen, fen - pre, pre, PaymentMethod.CASH, null, who);
                        e.prepaid += pre;
                        e.cash += fen - pre;
                        e.received += fen;
                    }
                    case FREE -> {
                        id = f.exit(p, fen, 0, 0, PaymentMethod.FREE, "免费原因" + (fen % 3), who);
                        e.reduction += fen;
                        e.free += fen;
                        e.freeCount++;
                    }
                    case NO_RECORD -> {
                        id = f.noRecordExit(p, fen, who);
                        e.cash += fen;
                        e.received += fen;
                        e.noRecord++;
                    }
                    default -> throw new IllegalStateException();
                }
                e.receivable += fen;
                e.orders.add(id);
                if (who == null) {
                    unbooked.add(id);
                    if (on != null) {
                        expected.computeIfAbsent(on.shiftId(), k -> new Expected()).othersOut++;
                    }
                }
            }
            f.advance(Duration.ofSeconds(1));
            f.staff.currentShift().ifPresent(on -> {
                f.staff.handover(null, "", null, null);
                shifts.add(on.shiftId());
            });

            ShiftReports reports = new ShiftReports(f.store, "B1", f.clock);
            Set<String> seen = new HashSet<>();
            for (String shiftId : shifts) {
                Shift s = f.store.shift(shiftId).orElseThrow();
                ShiftReport r = reports.produce(s, "test", "pdf");
                ShiftTotals t = r.totals();
                Expected e = expected.getOrDefault(shiftId, new Expected());
                long[] sql = sums(f, shiftId);
                assertThat(new long[] {t.exitCount(), t.receivableFen(), t.receivedFen(), t.cashFen(), t.prepaidFen(),
                        t.storedValueFen(), t.reductionFen()}).as("report vs H2, shift %s", shiftId).containsExactly(sql);
                assertThat(new long[] {e.orders.size(), e.receivable, e.received, e.cash, e.prepaid, e.stored,
                        e.reduction}).as("expected vs H2, shift %s", shiftId).containsExactly(sql);
                assertThat(t.freeTotal()).isEqualTo(new ShiftTotals.Tally(e.freeCount, e.free));
                assertThat(t.noRecord().count()).isEqualTo(e.noRecord);
                assertThat(t.carsOut()).as("cars out, shift %s", shiftId).isEqualTo(e.orders.size() + e.othersOut);
                Set<String> ids = new HashSet<>();
                r.orders().forEach(o -> ids.add(o.orderId()));
                assertThat(ids).isEqualTo(e.orders);
                for (String id : ids) {
                    assertThat(seen.add(id)).as("order %s in two shifts", id).isTrue();
                }
                assertThat(r.hours().stream().mapToLong(ShiftReport.Hour::totalFen).sum())
                        .isEqualTo(t.cashFen() + t.storedValueFen() + t.prepaidFen() + t.electronicTotalFen());
            }
            assertThat(unbooked).noneMatch(seen::contains);
            long bookedRows = f.db.read(c -> {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM parking_order WHERE shift_id IS NOT NULL")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(bookedRows).isEqualTo(seen.size());
        } finally {
            try (Stream<Path> w = Files.walk(dir)) {
                w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long[] sums(StaffFixture f, String shiftId) {
        return f.db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(due_fen), 0),"
                    + " COALESCE(SUM(paid_fen + prepaid_fen), 0),"
                    + " COALESCE(SUM(CASE WHEN pay_method = 'CASH' THEN paid_fen ELSE 0 END), 0),"
                    + " COALESCE(SUM(prepaid_fen), 0),"
                    + " COALESCE(SUM(CASE WHEN pay_method = 'STORED_VALUE' THEN paid_fen ELSE 0 END), 0),"
                    + " COALESCE(SUM(GREATEST(0, due_fen - paid_fen - prepaid_fen)), 0)"
                    + " FROM parking_order WHERE shift_id = ?")) {
                ps.setString(1, shiftId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long[] out = new long[7];
                    for (int i = 0; i < 7; i++) {
                        out[i] = rs.getLong(i + 1);
                    }
                    return out;
                }
            }
        });
    }
}
