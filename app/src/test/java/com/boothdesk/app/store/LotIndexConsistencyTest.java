package com.boothdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.domain.plate.MatchSettings;
import com.boothdesk.app.domain.plate.PlateMatcher;
import com.boothdesk.app.store.index.LotIndex;

/**
 * The in-memory lot index and the space counts always say what H2 says: after random entries (re-entries
 * supersede), exits, plate corrections, space corrections and 3.39 sets — from several threads at once — and after
 * a restart (rebuilt from the file).
 */
class LotIndexConsistencyTest {

    /** The database the tests run on (the PostgreSQL subclass sets it). */
    TestStore stores = TestStore.h2();

    static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");
    static final List<String> LANES = List.of("A1", "A2", "A3", "CLOUD");

    @TempDir
    Path dir;
    Database db;
    JdbcOrderRepository orders;
    JdbcParkSpaces spaces;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    void open() {
        db = stores.open(dir);
        orders = new JdbcOrderRepository(db, OrderUplinks.NONE);
        Map<String, Integer> areas = new LinkedHashMap<>();
        areas.put("地上", 40);
        areas.put("地下", 25);
        spaces = new JdbcParkSpaces(db, areas, Map.of("A1", "地上", "A2", "地下", "A3", "地下"),
                Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void indexAndSpacesEqualH2UnderRandomChangesAndAfterARestart() throws Exception {
        open();
        Random rnd = new Random(20261125);
        for (int batch = 0; batch < 8; batch++) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                long seed = rnd.nextLong();
                int thread = t;
                int base = batch * 10;
                work.add(pool.submit(() -> randomChanges(new Random(seed), base + thread, 40)));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            assertSameAsH2();
        }
        db.close();
        open();
        assertSameAsH2();
        // and the restarted index keeps following the writes
        randomChanges(new Random(7), 999, 60);
        assertSameAsH2();
    }

    private void randomChanges(Random rnd, int thread, int n) {
        for (int i = 0; i < n; i++) {
            int op = rnd.nextInt(10);
            try {
                if (op < 4) {
                    String lane = LANES.get(rnd.nextInt(LANES.size()));
                    // a small plate pool, so that re-entries supersede and corrections collide
                    String plate = "苏E" + (char) ('A' + rnd.nextInt(3)) + "00" + rnd.nextInt(40);
                    Instant at = T0.plusSeconds(thread * 1000L + i);
                    orders.recordEntry(ParkingOrder.entered(orders.nextOrderId(lane, at), plate, "small", lane, at,
                            "op", null), 0);
                } else if (op < 7) {
                    List<ParkingOrder> in = orders.inLot();
                    if (!in.isEmpty()) {
                        ParkingOrder o = in.get(rnd.nextInt(in.size()));
                        orders.recordExit(o.closed("B1", o.inTime().plusSeconds(60), 100, 100, PaymentMethod.CASH,
                                "op", null, null), 0);
                    }
                } else if (op < 8) {
                    List<ParkingOrder> in = orders.inLot();
                    if (!in.isEmpty()) {
                        ParkingOrder o = in.get(rnd.nextInt(in.size()));
                        orders.correctPlate(o.orderId(), "苏E" + (char) ('A' + rnd.nextInt(3)) + "00" + rnd.nextInt(40));
                    }
                } else if (op < 9) {
                    spaces.adjust(rnd.nextBoolean() ? "地上" : "地下", rnd.nextInt(7) - 3, "校正", "op");
                } else {
                    spaces.setFree(rnd.nextInt(70), "space_notify", "cloud");
                }
            } catch (IllegalStateException raced) {
                // another thread closed or corrected the same stay first: H2 refused, nothing changed
            }
        }
    }

    private void assertSameAsH2() {
        Map<String, String> h2Plates = new HashMap<>();
        Map<String, Long> h2PerLane = new HashMap<>();
        Map<String, Long> h2Corrections = new HashMap<>();
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT order_id, plate, entry_lane FROM parking_order WHERE status = 'IN_LOT'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    h2Plates.put(rs.getString(1), rs.getString(2));
                    h2PerLane.merge(rs.getString(3), 1L, Long::sum);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT area, SUM(delta) FROM space_adjustment GROUP BY area");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    h2Corrections.put(rs.getString(1), rs.getLong(2));
                }
            }
            return null;
        });
        LotIndex index = orders.index();
        Map<String, String> indexed = new HashMap<>();
        index.cars().forEach(car -> indexed.put(car.orderId(), car.plate()));
        assertThat(indexed).isEqualTo(h2Plates);
        assertThat(orders.countInLot()).isEqualTo(h2Plates.size());
        assertThat(orders.inLotPlates()).containsExactlyInAnyOrderElementsOf(new HashSet<>(h2Plates.values()));
        Map<String, Long> perLane = new HashMap<>();
        index.perLane().forEach((k, v) -> perLane.put(k, (long) v));
        assertThat(perLane).isEqualTo(h2PerLane);
        assertThat(index.corrections()).isEqualTo(h2Corrections);

        // every plate: the newest in-lot order, as the SQL of before found it
        for (String plate : new HashSet<>(h2Plates.values())) {
            ParkingOrder viaIndex = orders.findInLot(plate).orElseThrow();
            ParkingOrder viaSql = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT order_id FROM parking_order WHERE plate = ?"
                        + " AND status = 'IN_LOT' ORDER BY in_time DESC, order_id DESC LIMIT 1")) {
                    ps.setString(1, plate);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return orders.find(rs.getString(1)).orElseThrow();
                    }
                }
            });
            assertThat(viaIndex.orderId()).isEqualTo(viaSql.orderId());
            assertThat(viaIndex.status()).isEqualTo(OrderStatus.IN_LOT);
        }
        assertThat(orders.findInLot("苏E不在场")).isEmpty();
        assertThat(orders.countInLot(List.of("苏EA000", "苏EB001", "苏EC0039")))
                .isEqualTo((int) h2Plates.values().stream().filter(p -> Set.of("苏EA000", "苏EB001", "苏EC0039")
                        .contains(p)).count());

        // the space counts equal the full count of before (capacity - stays per area + corrections, clamped)
        Map<String, Long> used = new HashMap<>();
        h2PerLane.forEach((lane, n) -> used.merge(spaces.areaOf(lane), n, Long::sum));
        Map<String, Long> adjusted = new HashMap<>();
        h2Corrections.forEach((area, sum) -> adjusted.merge(area, sum, Long::sum));
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String area : spaces.areas()) {
            long free = spaces.capacity(area) - used.getOrDefault(area, 0L) + adjusted.getOrDefault(area, 0L);
            expected.put(area, (int) Math.max(0, Math.min(spaces.capacity(area), free)));
        }
        assertThat(spaces.freeByArea()).isEqualTo(expected);

        // and the fuzzy match through the index equals the scan of H2's plates
        PlateMatcher matcher = new PlateMatcher(MatchSettings.defaults());
        for (String read : List.of("苏EA0017", "苏EB00Z", "苏EC0O3", "浙EA001", "苏EA00", "苏EA00123")) {
            assertThat(matcher.rank(read, orders.inLotPlates()))
                    .isEqualTo(matcher.rank(read, new HashSet<>(h2Plates.values())));
        }
    }
}
