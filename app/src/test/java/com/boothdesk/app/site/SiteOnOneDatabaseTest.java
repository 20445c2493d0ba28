package com.boothdesk.app.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.boothdesk.app.cloud.CloudBridge;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.JdbcOrderRepository;
import com.boothdesk.app.store.JdbcParkSpaces;
import com.boothdesk.app.store.index.LotIndex;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.outbox.OutboxEntry;

/**
 * Two booths (two {@link Database}s, each with its own pool, writer thread and lot index) on one real PostgreSQL
 * database, as two booth PCs of a site are: what one writes the other finds, the counts stay exact when both write
 * at once, a stay is closed once, and each cloud message is claimed by one booth only.
 */
class SiteOnOneDatabaseTest {

    static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");
    static final int CAPACITY = 500;

    String url;
    Database a;
    Database b;
    JdbcOrderRepository ordersA;
    JdbcOrderRepository ordersB;
    JdbcOutbox outboxA;
    JdbcOutbox outboxB;

    @BeforeEach
    void open() {
        url = SitePostgres.freshDatabase();
        a = Database.connect(url, SitePostgres.USER, "", 8);
        b = Database.connect(url, SitePostgres.USER, "", 8);
        // the refresh is driven by the tests (LotIndex.refresh), not by time
        a.refreshEvery(Duration.ofHours(1));
        b.refreshEvery(Duration.ofHours(1));
        outboxA = new JdbcOutbox(a.dataSource(), Clock.fixed(T0, ZoneOffset.UTC), "A", Duration.ofSeconds(30));
        outboxB = new JdbcOutbox(b.dataSource(), Clock.fixed(T0, ZoneOffset.UTC), "B", Duration.ofSeconds(30));
        ordersA = new JdbcOrderRepository(a, new CloudBridge(outboxA, "A"));
        ordersB = new JdbcOrderRepository(b, new CloudBridge(outboxB, "B"));
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private ParkingOrder enter(JdbcOrderRepository at, String lane, String plate) {
        ParkingOrder o = ParkingOrder.entered(at.nextOrderId(lane, T0), plate, "small", lane, T0, "op", null);
        at.recordEntry(o, 0);
        return o;
    }

    private static ParkingOrder closed(ParkingOrder o, String exitLane) {
        return o.closed(exitLane, T0.plusSeconds(3600), 500, 500, PaymentMethod.CASH, "op", null, null);
    }

    @Test
    void aCarThatEnteredAtOneBoothIsFoundAtTheOthersExitAtOnceAndInItsIndexAfterTheRefresh() {
        ParkingOrder in = enter(ordersA, "A1", "京A12345");

        // booth B's index has not seen it yet: the exact lookup asks the database
        assertThat(ordersB.index().newest("京A12345")).isEmpty();
        assertThat(ordersB.findInLot("京A12345")).map(ParkingOrder::orderId).contains(in.orderId());
        assertThat(ordersB.countInLot()).isEqualTo(1);

        ordersB.index().refresh(b);
        assertThat(ordersB.index().newest("京A12345")).map(LotIndex.Car::orderId).contains(in.orderId());
        assertThat(ordersB.inLotPlates()).contains("京A12345");

        ordersB.recordExit(closed(in, "B1"), 0);
        // booth A's index still holds the car, but A does not let it out again: the row says it left
        assertThat(ordersA.index().newest("京A12345")).isPresent();
        assertThat(ordersA.findInLot("京A12345")).isEmpty();
        assertThat(ordersA.countInLot()).isZero();
        assertThatThrownBy(() -> ordersA.recordExit(closed(in, "A2"), 0)).hasMessageContaining("not in the lot");
    }

    @Test
    void theSameStayClosedAtTwoBoothsAtOnceIsClosedOnce() throws Exception {
        List<ParkingOrder> cars = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            cars.add(enter(ordersA, "A1", String.format("京B%05d", i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger closedByA = new AtomicInteger();
        AtomicInteger closedByB = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try {
            for (ParkingOrder car : cars) {
                CountDownLatch go = new CountDownLatch(1);
                Future<?> fa = pool.submit(() -> closeOnce(go, ordersA, closed(car, "A2"), closedByA, refused));
                Future<?> fb = pool.submit(() -> closeOnce(go, ordersB, closed(car, "B2"), closedByB, refused));
                go.countDown();
                fa.get(30, TimeUnit.SECONDS);
                fb.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(closedByA.get() + closedByB.get()).isEqualTo(40);
        assertThat(refused.get()).isEqualTo(40);
        assertThat(ordersA.countInLot()).isZero();
        // one out_park per stay in the whole site's outbox
        long outParks = outboxA.recent(1000).stream().filter(e -> e.serviceName().equals("out_park")).count();
        assertThat(outParks).isEqualTo(40);
    }

    private static void closeOnce(CountDownLatch go, JdbcOrderRepository at, ParkingOrder closed, AtomicInteger won,
                                  AtomicInteger refused) {
        try {
            go.await();
            at.recordExit(closed, 0);
            won.incrementAndGet();
        } catch (IllegalStateException e) {
            refused.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @org.junit.jupiter.api.RepeatedTest(3)
    void remainingSpacesStayExactUnderSimultaneousEntriesAndExitsAtBothBooths() throws Exception {
        JdbcParkSpaces spacesA = new JdbcParkSpaces(a, Map.of("main", CAPACITY), Map.of(), Clock.systemUTC());
        JdbcParkSpaces spacesB = new JdbcParkSpaces(b, Map.of("main", CAPACITY), Map.of(), Clock.systemUTC());
        int perThread = 60;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        java.util.concurrent.ConcurrentLinkedQueue<ParkingOrder> inLot = new java.util.concurrent.ConcurrentLinkedQueue<>();
        AtomicInteger exits = new AtomicInteger();
        List<Future<?>> jobs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            JdbcOrderRepository at = t % 2 == 0 ? ordersA : ordersB;
            String lane = (t % 2 == 0 ? "A" : "B") + (t / 2 + 1);
            int thread = t;
            jobs.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < perThread; i++) {
                    inLot.add(enter(at, lane, String.format("京%c%05d", (char) ('C' + thread), i)));
                    if (i % 3 == 2) {
                        // every third step the oldest car inside leaves here, whichever booth it came in at
                        ParkingOrder leaving = inLot.poll();
                        if (leaving != null) {
                            at.recordExit(closed(leaving, lane), 0);
                            exits.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : jobs) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        int inside = inLot.size();
        assertThat(inside).isEqualTo(4 * perThread - exits.get());
        assertThat(exits.get()).isEqualTo(4 * (perThread / 3));
        assertThat(ordersA.countInLot()).isEqualTo(inside);
        assertThat(ordersB.countInLot()).isEqualTo(inside);
        assertThat(spacesA.free()).isEqualTo(CAPACITY - inside);
        assertThat(spacesB.free()).isEqualTo(CAPACITY - inside);
        int rows = a.read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM parking_order WHERE status = 'IN_LOT'");
                 var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(rows).isEqualTo(inside);
        // the counters agree with the orders themselves
        Map<String, int[]> drift = a.read(SiteOnOneDatabaseTest::countsDrift);
        assertThat(drift).isEmpty();
    }

    private static Map<String, int[]> countsDrift(java.sql.Connection c) throws java.sql.SQLException {
        Map<String, int[]> drift = new java.util.TreeMap<>();
        try (var ps = c.prepareStatement("SELECT l.lane_id, l.inside, (SELECT COUNT(*) FROM parking_order o"
                + " WHERE o.status = 'IN_LOT' AND o.entry_lane = l.lane_id) FROM lot_lane_count l");
             var rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getInt(2) != rs.getInt(3)) {
                    drift.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                }
            }
        }
        return drift;
    }

    @Test
    void aPlateThatReentersAtTheOtherBoothSupersedesItsEarlierStayAndTheCountStaysRight() {
        ParkingOrder first = enter(ordersA, "A1", "京D11111");
        ParkingOrder again = enter(ordersB, "B1", "京D11111");
        assertThat(ordersA.find(first.orderId())).map(ParkingOrder::status).contains(OrderStatus.SUPERSEDED);
        assertThat(ordersA.findInLot("京D11111")).map(ParkingOrder::orderId).contains(again.orderId());
        assertThat(ordersA.countInLot()).isEqualTo(1);
        Map<String, int[]> drift = a.read(SiteOnOneDatabaseTest::countsDrift);
        assertThat(drift).isEmpty();
    }

    @Test
    void eachBoothDeliversTheMessagesItWroteAndNoMessageIsClaimedByBoth() {
        enter(ordersA, "A1", "京E00001");
        enter(ordersB, "B1", "京E00002");

        List<OutboxEntry> dueA = outboxA.claim(T0, 100);
        List<OutboxEntry> dueB = outboxB.claim(T0, 100);
        assertThat(dueA).extracting(OutboxEntry::json).allMatch(j -> j.contains("京E00001"));
        assertThat(dueB).extracting(OutboxEntry::json).allMatch(j -> j.contains("京E00002"));
        assertThat(dueA).hasSize(1);
        assertThat(dueB).hasSize(1);
    }

    @Test
    void theMessagesOfABoothGoneLongerThanTheTakeoverAreDeliveredByAConnectedOneOnce() throws Exception {
        for (int i = 0; i < 30; i++) {
            enter(ordersA, "A1", String.format("京F%05d", i));
        }
        // booth A looked for work at T0 and then went away; B is connected
        assertThat(outboxA.claim(T0, 100)).hasSize(30);
        assertThat(outboxB.claim(T0.plusSeconds(29), 100)).isEmpty();

        // 31 s later: B and a third booth C both try to take them over at once
        JdbcOutbox lateB = new JdbcOutbox(b.dataSource(), Clock.systemUTC(), "B", Duration.ofSeconds(30));
        try (Database cdb = Database.connect(url, SitePostgres.USER, "", 4)) {
            JdbcOutbox lateC = new JdbcOutbox(cdb.dataSource(), Clock.systemUTC(), "C", Duration.ofSeconds(30));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            Instant later = T0.plusSeconds(31);
            Future<List<OutboxEntry>> fb = pool.submit(() -> {
                go.await();
                return lateB.claim(later, 100);
            });
            Future<List<OutboxEntry>> fc = pool.submit(() -> {
                go.await();
                return lateC.claim(later, 100);
            });
            go.countDown();
            List<OutboxEntry> byB = fb.get(30, TimeUnit.SECONDS);
            List<OutboxEntry> byC = fc.get(30, TimeUnit.SECONDS);
            pool.shutdown();

            Set<Long> ids = new HashSet<>();
            byB.forEach(e -> ids.add(e.id()));
            int overlap = 0;
            for (OutboxEntry e : byC) {
                if (!ids.add(e.id())) {
                    overlap++;
                }
            }
            assertThat(overlap).isZero();
            assertThat(ids).hasSize(30);
            // and A, back after the takeover, no longer delivers what it lost
            assertThat(outboxA.claim(later, 100)).isEmpty();
        }
    }

    // ---------------------------------------------------------------- takeover races, the interleaving forced

    static final String GATED_USER = "boothdesk_gated";
    static final int GATE_KEY = 4216;

    /**
     * A booth whose statements on {@code sdk_outbox} stop at a gate the test holds: a row-level security policy
     * (applied to this non-superuser only) calls a function that waits for the advisory lock {@link #GATE_KEY}. The
     * takeover statement of this booth takes its snapshot and then waits at its first row, before it locks any: the
     * moment another booth can commit "after my snapshot, before my lock", which under load happens by chance.
     */
    private javax.sql.DataSource gatedBooth() throws java.sql.SQLException {
        try (var c = java.sql.DriverManager.getConnection(url, SitePostgres.USER, "");
             var st = c.createStatement()) {
            st.execute("DO $$ BEGIN CREATE ROLE " + GATED_USER + " LOGIN; EXCEPTION WHEN duplicate_object THEN NULL;"
                    + " END $$");
            st.execute("GRANT SELECT, INSERT, UPDATE ON sdk_outbox, sdk_outbox_claimant TO " + GATED_USER);
            st.execute("CREATE FUNCTION boothdesk_test_gate() RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$"
                    + " BEGIN PERFORM pg_advisory_xact_lock_shared(" + GATE_KEY + "); RETURN true; END $$");
            st.execute("ALTER TABLE sdk_outbox ENABLE ROW LEVEL SECURITY");
            st.execute("CREATE POLICY test_gate ON sdk_outbox TO " + GATED_USER + " USING (boothdesk_test_gate())");
        }
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(GATED_USER);
        return ds;
    }

    private java.sql.Connection closeGate() throws java.sql.SQLException {
        java.sql.Connection c = java.sql.DriverManager.getConnection(url, SitePostgres.USER, "");
        try (var st = c.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + GATE_KEY + ")");
        }
        return c;
    }

    private boolean someoneWaitsAtTheGate() throws java.sql.SQLException {
        try (var c = java.sql.DriverManager.getConnection(url, SitePostgres.USER, "");
             var st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = "
                     + GATE_KEY + " AND NOT granted")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    private static Set<Long> ids(List<OutboxEntry> entries) {
        Set<Long> ids = new HashSet<>();
        entries.forEach(e -> ids.add(e.id()));
        return ids;
    }

    /**
     * The flaky run's interleaving, forced: booth B's takeover statement has its snapshot when booth C, a booth new to
     * the site (its claimant row inserted in the same transaction), takes A's rows over and commits. B then meets
     * rows C holds, and in its snapshot C is no live booth. Before the takeover stamped the rows it took, B took them
     * all again and both delivered them (28 of 30 in the loaded run, 30 of 30 here).
     */
    @Test
    void aTakeoverWhoseSnapshotPredatesAnotherBoothsTakeoverLeavesItTheRows() throws Exception {
        for (int i = 0; i < 30; i++) {
            enter(ordersA, "A1", String.format("京G%05d", i));
        }
        assertThat(outboxA.claim(T0, 100)).hasSize(30);
        assertThat(outboxB.claim(T0.plusSeconds(29), 100)).isEmpty();
        Instant later = T0.plusSeconds(31);
        JdbcOutbox gatedB = new JdbcOutbox(gatedBooth(), Clock.fixed(later, ZoneOffset.UTC), "B",
                Duration.ofSeconds(30));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Database cdb = Database.connect(url, SitePostgres.USER, "", 2);
             java.sql.Connection gate = closeGate()) {
            JdbcOutbox c = new JdbcOutbox(cdb.dataSource(), Clock.fixed(later, ZoneOffset.UTC), "C",
                    Duration.ofSeconds(30));
            Future<List<OutboxEntry>> fb = pool.submit(() -> gatedB.claim(later, 100));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(this::someoneWaitsAtTheGate);

            List<OutboxEntry> byC = c.claim(later, 100);
            assertThat(byC).hasSize(30);
            try (var st = gate.createStatement()) {
                st.execute("SELECT pg_advisory_unlock(" + GATE_KEY + ")");
            }
            List<OutboxEntry> byB = fb.get(30, TimeUnit.SECONDS);

            Set<Long> both = ids(byB);
            both.retainAll(ids(byC));
            assertThat(both).as("rows claimed by both booths").isEmpty();
            assertThat(byB).isEmpty();
            // and every row is C's now: what it delivers is marked by it, nobody else's updates apply
            assertThat(c.claim(later.plusSeconds(1), 100)).extracting(OutboxEntry::id)
                    .containsExactlyElementsOf(byC.stream().map(OutboxEntry::id).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A lease renewed after it lapsed: booth A, gone for 31 s, comes back and claims its own rows at the moment booth
     * B, whose snapshot still shows A lapsed, takes them over. Before A stamped the rows it hands to its dispatcher,
     * A's claim returned them (nothing had changed them) and B's took them too.
     */
    @Test
    void aBoothBackAfterItsLeaseLapsedAndATakeoverAtTheSameMomentDoNotBothGetItsRows() throws Exception {
        for (int i = 0; i < 30; i++) {
            enter(ordersA, "A1", String.format("京H%05d", i));
        }
        assertThat(outboxA.claim(T0, 100)).hasSize(30);
        assertThat(outboxB.claim(T0.plusSeconds(29), 100)).isEmpty();
        Instant later = T0.plusSeconds(31);
        JdbcOutbox gatedB = new JdbcOutbox(gatedBooth(), Clock.fixed(later, ZoneOffset.UTC), "B",
                Duration.ofSeconds(30));
        JdbcOutbox backA = new JdbcOutbox(a.dataSource(), Clock.fixed(later, ZoneOffset.UTC), "A",
                Duration.ofSeconds(30));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (java.sql.Connection gate = closeGate()) {
            Future<List<OutboxEntry>> fb = pool.submit(() -> gatedB.claim(later, 100));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(this::someoneWaitsAtTheGate);

            List<OutboxEntry> byA = backA.claim(later, 100);
            assertThat(byA).hasSize(30);
            try (var st = gate.createStatement()) {
                st.execute("SELECT pg_advisory_unlock(" + GATE_KEY + ")");
            }
            List<OutboxEntry> byB = fb.get(30, TimeUnit.SECONDS);

            Set<Long> both = ids(byB);
            both.retainAll(ids(byA));
            assertThat(both).as("rows claimed by both booths").isEmpty();
            assertThat(byB).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }
}
