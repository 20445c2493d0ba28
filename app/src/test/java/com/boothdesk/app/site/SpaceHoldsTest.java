package com.boothdesk.app.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.boothdesk.app.cloud.CloudBridge;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.JdbcOrderRepository;
import com.boothdesk.app.testing.MutableClock;
import com.boothdesk.sdk.outbox.JdbcOutbox;

/**
 * The lot-full rule across booths on a real PostgreSQL: two booths (two {@link Database}s, each with its own pool
 * and writer thread) racing for the last spaces never take more than there are.
 */
class SpaceHoldsTest {

    static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");

    Database a;
    Database b;
    JdbcOrderRepository ordersA;
    MutableClock clock;

    @BeforeEach
    void open() {
        String url = SitePostgres.freshDatabase();
        a = Database.connect(url, SitePostgres.USER, "", 4);
        b = Database.connect(url, SitePostgres.USER, "", 4);
        a.refreshEvery(Duration.ofHours(1));
        b.refreshEvery(Duration.ofHours(1));
        JdbcOutbox outboxA = new JdbcOutbox(a.dataSource(), Clock.fixed(T0, ZoneOffset.UTC), "A",
                Duration.ofSeconds(30));
        ordersA = new JdbcOrderRepository(a, new CloudBridge(outboxA, "A"));
        clock = new MutableClock(T0, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private SpaceHolds holds(Database db, String booth, int capacity) {
        return new SpaceHolds(db, Map.of("main", capacity), Map.of(), booth, clock, Duration.ofSeconds(60));
    }

    private void enter(String plate) {
        ParkingOrder o = ParkingOrder.entered(ordersA.nextOrderId("A1", T0), plate, "small", "A1", T0, "op", null);
        ordersA.recordEntry(o, 0);
    }

    @Test
    void twoBoothsRacingForTheLastSpaceNeverBothGetIt() throws Exception {
        for (int i = 0; i < 4; i++) {
            enter(String.format("京C%05d", i));
        }
        SpaceHolds atA = holds(a, "A", 5);
        SpaceHolds atB = holds(b, "B", 5);
        assertThat(atA.free("main")).isEqualTo(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int winsA = 0;
        int winsB = 0;
        try {
            for (int round = 0; round < 30; round++) {
                CountDownLatch go = new CountDownLatch(1);
                String ha = "a" + round;
                String hb = "b" + round;
                Future<Boolean> fa = pool.submit(() -> {
                    go.await();
                    return atA.take("main", ha);
                });
                Future<Boolean> fb = pool.submit(() -> {
                    go.await();
                    return atB.take("main", hb);
                });
                go.countDown();
                boolean ra = fa.get(30, TimeUnit.SECONDS);
                boolean rb = fb.get(30, TimeUnit.SECONDS);
                assertThat(ra ^ rb).as("round %d: exactly one booth gets the last space", round).isTrue();
                assertThat(atB.free("main")).isZero();
                winsA += ra ? 1 : 0;
                winsB += rb ? 1 : 0;
                assertThat(ra ? atA.release(ha) : atB.release(hb)).isTrue();
                assertThat(atA.free("main")).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(winsA + winsB).isEqualTo(30);
    }

    @Test
    void manyEntriesAtTwoBoothsAtOnceTakeExactlyTheFreeSpaces() throws Exception {
        enter("京D00001");
        SpaceHolds atA = holds(a, "A", 11);
        SpaceHolds atB = holds(b, "B", 11);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> tries = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                SpaceHolds at = i % 2 == 0 ? atA : atB;
                String id = "h" + i;
                tries.add(pool.submit(() -> {
                    go.await();
                    return at.take("main", id);
                }));
            }
            go.countDown();
            int granted = 0;
            for (Future<Boolean> f : tries) {
                granted += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(granted).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
        assertThat(atA.free("main")).isZero();
        assertThat(atB.take("main", "late")).isFalse();
    }

    @Test
    void aHoldCountsUntilItsStayIsRecordedOrItExpires() {
        SpaceHolds atA = holds(a, "A", 2);
        SpaceHolds atB = holds(b, "B", 2);
        assertThat(atA.take("main", "x1")).isTrue();
        assertThat(atB.take("main", "x2")).isTrue();
        assertThat(atB.take("main", "x3")).isFalse();
        assertThat(atA.take("main", "x1")).as("the same hold is not taken twice").isFalse();

        // x1's car is recorded: the hold goes, its lane's counter counts the car; still full
        enter("京E00001");
        assertThat(atA.release("x1")).isTrue();
        assertThat(atA.release("x1")).isFalse();
        assertThat(atB.free("main")).isZero();

        // x2's booth died before its barrier: the hold stops counting when it expires
        clock.advance(Duration.ofSeconds(61));
        assertThat(atB.free("main")).isEqualTo(1);
        assertThat(atB.take("main", "x4")).isTrue();
        assertThat(atA.free("main")).isZero();
    }

    @Test
    void aHoldBecomesItsStayWhenTheStayIsRecordedAndIsCleanedUpByTheNextTake() {
        SpaceHolds atA = holds(a, "A", 2);
        SpaceHolds atB = holds(b, "B", 2);
        String id = ordersA.nextOrderId("A1", T0);
        assertThat(atA.take("main", id)).isTrue();
        assertThat(atB.free("main")).isEqualTo(1);

        // the stay with the hold's id: from then on the lane's counter counts the car and the hold does not
        ordersA.recordEntry(ParkingOrder.entered(id, "京F00001", "small", "A1", T0, "op", null), 0);
        assertThat(atB.free("main")).as("counted once, not twice, not nowhere").isEqualTo(1);
        assertThat(atB.take("main", "y1")).isTrue();
        assertThat(atA.take("main", "y2")).isFalse();
        long rows = a.read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM space_hold")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(rows).as("the hold that became a stay was removed by a later take").isEqualTo(1);
    }
}
