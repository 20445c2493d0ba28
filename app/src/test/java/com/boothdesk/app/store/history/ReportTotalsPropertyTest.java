package com.boothdesk.app.store.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.store.Database;

/**
 * Report totals equal sums computed directly from the stored stays: for random stays over two weeks (random
 * payment kinds, attendants, amounts, free releases, cars still inside), every report grouping (day, week, month)
 * adds up to the same totals per payment kind and attendant as a plain loop over the stays, and the hourly flow
 * counts every entry and exit once. Prepaid money (a 预付 stay, or a part paid before the exit) is in its row's 实收
 * ({@code takenFen}), so the rows add up to the top line's 实收 (which counts the prepaid money) in every grouping.
 */
class ReportTotalsPropertyTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = FROM.plus(Duration.ofDays(14));
    static final String[] OPS = {"zhang", "li", "wang"};
    static final PaymentMethod[] METHODS = {PaymentMethod.CASH, PaymentMethod.ELECTRONIC, PaymentMethod.FREE,
        PaymentMethod.MONTHLY, PaymentMethod.STORED_VALUE, PaymentMethod.PREPAID};

    static Path dir;
    static Database db;
    static int run;

    @BeforeContainer
    static void open() throws Exception {
        dir = Files.createTempDirectory("report-property-");
        db = Database.open(dir.resolve("db"));
    }

    @AfterContainer
    static void close() throws Exception {
        db.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<List<Generated>> stays() {
        Arbitrary<Generated> one = Combinators.combine(
                Arbitraries.longs().between(0, Duration.ofDays(14).toSeconds() - 1),
                Arbitraries.longs().between(60, Duration.ofDays(3).toSeconds()),
                Arbitraries.integers().between(0, METHODS.length), // == length: still inside
                Arbitraries.integers().between(0, OPS.length - 1),
                Arbitraries.longs().between(0, 20_000),
                Arbitraries.longs().between(0, 500),
                Arbitraries.longs().between(0, 20_000)).as((inAt, stay, m, op, due, disc, before) -> {
                    Instant in = FROM.plusSeconds(inAt);
                    if (m == METHODS.length) {
                        return new Generated(new HistoryFixtures.Stay("x", "京A00000", null, CarKind.TEMPORARY, "A1",
                                in, "op0", null, null, null, 0, 0, 0, null, null), 0);
                    }
                    PaymentMethod pm = METHODS[m];
                    // prepaid: all of a 预付 stay, a part paid before the exit of a cash or electronic one
                    long prepaid = pm == PaymentMethod.PREPAID ? due : pm == PaymentMethod.CASH
                            || pm == PaymentMethod.ELECTRONIC ? Math.min(before, due) : 0;
                    long paid = pm == PaymentMethod.FREE ? 0 : due - prepaid;
                    return new Generated(new HistoryFixtures.Stay("x", "京A00000", null, CarKind.TEMPORARY, "A1", in,
                            "op0", "B1", in.plusSeconds(stay), OPS[op], due, paid, Math.min(disc, due), pm,
                            pm == PaymentMethod.FREE ? "救护车" : null), prepaid);
                });
        return one.list().ofMinSize(0).ofMaxSize(60);
    }

    /** A stay and the money paid for it before the exit (parking_order.prepaid_fen). */
    record Generated(HistoryFixtures.Stay stay, long prepaidFen) {
    }

    @Property(tries = 25)
    void incomeTotalsEqualTheSumsOfTheStoredStays(@ForAll("stays") List<Generated> generated) {
        run++;
        db.write(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM parking_order");
            }
            return null;
        });
        List<HistoryFixtures.Stay> stays = new ArrayList<>();
        Map<String, Long> prepaid = new HashMap<>();
        for (int i = 0; i < generated.size(); i++) {
            HistoryFixtures.Stay s = generated.get(i).stay();
            prepaid.put("R" + run + "_" + i, generated.get(i).prepaidFen());
            stays.add(new HistoryFixtures.Stay("R" + run + "_" + i, "京A" + (10000 + i), null, s.kind(), s.entryLane(),
                    s.in(), s.entryOp(), s.exitLane(), s.out(), s.exitOp(), s.dueFen(), s.paidFen(), s.discountFen(),
                    s.method(), s.freeReason()));
        }
        HistoryFixtures.insert(db, stays);
        db.write(c -> {
            try (var ps = c.prepareStatement("UPDATE parking_order SET prepaid_fen = ? WHERE order_id = ?")) {
                for (var e : prepaid.entrySet()) {
                    ps.setLong(1, e.getValue());
                    ps.setString(2, e.getKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        JdbcReports reports = new JdbcReports(db, ZONE);
        Instant until = TO.plus(Duration.ofDays(4));

        Map<String, long[]> expected = new HashMap<>();
        long expectedDue = 0;
        long expectedTaken = 0; // 实收: at the exit and before it, as the reports' top line counts it
        long expectedPrepaid = 0;
        long expectedCars = 0;
        long freeCount = 0;
        long freeFen = 0;
        for (HistoryFixtures.Stay s : stays) {
            if (s.out() == null || !s.out().isBefore(until)) {
                continue;
            }
            long[] e = expected.computeIfAbsent(s.method().name() + "/" + s.exitOp(), k -> new long[6]);
            e[0]++;
            e[1] += s.dueFen();
            e[2] += s.paidFen();
            e[3] += s.discountFen();
            e[4] += prepaid.get(s.orderId());
            e[5] += s.paidFen() + prepaid.get(s.orderId());
            expectedDue += s.dueFen();
            expectedTaken += s.paidFen() + prepaid.get(s.orderId());
            expectedPrepaid += prepaid.get(s.orderId());
            expectedCars++;
            if (s.method() == PaymentMethod.FREE) {
                freeCount++;
                freeFen += s.dueFen() - s.paidFen();
            }
        }
        for (JdbcReports.Period p : JdbcReports.Period.values()) {
            Map<String, long[]> got = new HashMap<>();
            List<JdbcReports.IncomeRow> rows = reports.income(FROM, until, p);
            for (JdbcReports.IncomeRow r : rows) {
                long[] g = got.computeIfAbsent(r.method() + "/" + r.attendant(), k -> new long[6]);
                g[0] += r.count();
                g[1] += r.dueFen();
                g[2] += r.paidFen();
                g[3] += r.discountFen();
                g[4] += r.prepaidFen();
                g[5] += r.takenFen();
                if (r.method().equals(PaymentMethod.PREPAID.name())) {
                    assertThat(r.takenFen()).as("a 预付 row's 实收 is its prepaid money").isEqualTo(r.prepaidFen());
                }
            }
            assertThat(got.keySet()).as("groups by %s", p).isEqualTo(expected.keySet());
            expected.forEach((k, e) -> assertThat(got.get(k)).as("%s by %s", k, p).containsExactly(e));
            // the top line is the sum of the rows, and the sum of the stored stays
            JdbcReports.Totals top = JdbcReports.totals(rows);
            assertThat(rows.stream().mapToLong(JdbcReports.IncomeRow::takenFen).sum()).as("rows by %s", p)
                    .isEqualTo(top.takenFen()).isEqualTo(expectedTaken);
            assertThat(top.dueFen()).isEqualTo(expectedDue);
            assertThat(top.prepaidFen()).isEqualTo(expectedPrepaid);
            assertThat(top.cars()).isEqualTo(expectedCars);
        }
        List<JdbcReports.ReasonRow> free = reports.freeReleases(FROM, until);
        assertThat(free.stream().mapToLong(JdbcReports.ReasonRow::count).sum()).isEqualTo(freeCount);
        assertThat(free.stream().mapToLong(JdbcReports.ReasonRow::fen).sum()).isEqualTo(freeFen);

        List<JdbcReports.FlowRow> flow = reports.flow(FROM, until);
        long ins = stays.stream().filter(s -> s.in().isBefore(until)).count();
        long outs = stays.stream().filter(s -> s.out() != null && s.out().isBefore(until)).count();
        assertThat(flow.stream().mapToLong(JdbcReports.FlowRow::in).sum()).isEqualTo(ins);
        assertThat(flow.stream().mapToLong(JdbcReports.FlowRow::out).sum()).isEqualTo(outs);
        assertThat(flow.get(flow.size() - 1).inside()).isEqualTo(ins - outs);
    }
}
