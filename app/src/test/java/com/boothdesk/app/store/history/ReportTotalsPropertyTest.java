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
 * counts every entry and exit once.
 */
class ReportTotalsPropertyTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = FROM.plus(Duration.ofDays(14));
    static final String[] OPS = {"zhang", "li", "wang"};
    static final PaymentMethod[] METHODS = {PaymentMethod.CASH, PaymentMethod.ELECTRONIC, PaymentMethod.FREE,
        PaymentMethod.MONTHLY, PaymentMethod.STORED_VALUE};

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
    Arbitrary<List<HistoryFixtures.Stay>> stays() {
        Arbitrary<HistoryFixtures.Stay> one = Combinators.combine(
                Arbitraries.longs().between(0, Duration.ofDays(14).toSeconds() - 1),
                Arbitraries.longs().between(60, Duration.ofDays(3).toSeconds()),
                Arbitraries.integers().between(0, METHODS.length), // == length: still inside
                Arbitraries.integers().between(0, OPS.length - 1),
                Arbitraries.longs().between(0, 20_000),
                Arbitraries.longs().between(0, 500)).as((inAt, stay, m, op, due, disc) -> {
                    Instant in = FROM.plusSeconds(inAt);
                    if (m == METHODS.length) {
                        return new HistoryFixtures.Stay("x", "京A00000", null, CarKind.TEMPORARY, "A1", in, "op0",
                                null, null, null, 0, 0, 0, null, null);
                    }
                    PaymentMethod pm = METHODS[m];
                    long paid = pm == PaymentMethod.FREE ? 0 : due;
                    return new HistoryFixtures.Stay("x", "京A00000", null, CarKind.TEMPORARY, "A1", in, "op0", "B1",
                            in.plusSeconds(stay), OPS[op], due, paid, Math.min(disc, due), pm,
                            pm == PaymentMethod.FREE ? "救护车" : null);
                });
        return one.list().ofMinSize(0).ofMaxSize(60);
    }

    @Property(tries = 25)
    void incomeTotalsEqualTheSumsOfTheStoredStays(@ForAll("stays") List<HistoryFixtures.Stay> generated) {
        run++;
        db.write(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM parking_order");
            }
            return null;
        });
        List<HistoryFixtures.Stay> stays = new ArrayList<>();
        for (int i = 0; i < generated.size(); i++) {
            HistoryFixtures.Stay s = generated.get(i);
            stays.add(new HistoryFixtures.Stay("R" + run + "_" + i, "京A" + (10000 + i), null, s.kind(), s.entryLane(),
                    s.in(), s.entryOp(), s.exitLane(), s.out(), s.exitOp(), s.dueFen(), s.paidFen(), s.discountFen(),
                    s.method(), s.freeReason()));
        }
        HistoryFixtures.insert(db, stays);
        JdbcReports reports = new JdbcReports(db, ZONE);
        Instant until = TO.plus(Duration.ofDays(4));

        Map<String, long[]> expected = new HashMap<>();
        long freeCount = 0;
        long freeFen = 0;
        for (HistoryFixtures.Stay s : stays) {
            if (s.out() == null || !s.out().isBefore(until)) {
                continue;
            }
            long[] e = expected.computeIfAbsent(s.method().name() + "/" + s.exitOp(), k -> new long[4]);
            e[0]++;
            e[1] += s.dueFen();
            e[2] += s.paidFen();
            e[3] += s.discountFen();
            if (s.method() == PaymentMethod.FREE) {
                freeCount++;
                freeFen += s.dueFen() - s.paidFen();
            }
        }
        for (JdbcReports.Period p : JdbcReports.Period.values()) {
            Map<String, long[]> got = new HashMap<>();
            for (JdbcReports.IncomeRow r : reports.income(FROM, until, p)) {
                long[] g = got.computeIfAbsent(r.method() + "/" + r.attendant(), k -> new long[4]);
                g[0] += r.count();
                g[1] += r.dueFen();
                g[2] += r.paidFen();
                g[3] += r.discountFen();
            }
            assertThat(got.keySet()).as("groups by %s", p).isEqualTo(expected.keySet());
            expected.forEach((k, e) -> assertThat(got.get(k)).as("%s by %s", k, p).containsExactly(e));
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
