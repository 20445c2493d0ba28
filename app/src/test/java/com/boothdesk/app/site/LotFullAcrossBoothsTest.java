package com.boothdesk.app.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.testing.RunningBooth;

/**
 * The lot-full rule across booths through their real entry lanes: two whole booths ({@link RunningBooth}: a
 * {@code BoothApp} each, with its own lanes, pool, writer, simulated cloud and camera HTTP server) on one real
 * PostgreSQL, their cameras pushing cars over HTTP at the same moment into the last spaces: exactly the free spaces
 * are taken, every other car is refused with the lot-full text, and the counters say capacity − cars inside. On the
 * embedded H2 file the same rule holds between two entry lanes of one booth (holds in memory).
 */
class LotFullAcrossBoothsTest {

    static final int CAPACITY = 5;

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;

    /** Every decided read of a lane's plates: plate → the state that ended it (ENTERED or REFUSED). */
    static final class Outcomes {
        final Map<String, LaneState> byPlate = new ConcurrentHashMap<>();

        void watch(RunningBooth booth, String lane) {
            booth.app.lane(lane).state().subscribe(s -> {
                if ((s.phase() == LanePhase.ENTERED || s.phase() == LanePhase.REFUSED) && s.lastRead() != null) {
                    byPlate.putIfAbsent(s.lastRead().plate(), s);
                }
            });
        }

        long count(LanePhase phase, Set<String> plates) {
            return plates.stream().map(byPlate::get).filter(s -> s != null && s.phase() == phase).count();
        }
    }

    static String[] booth(String url, String id, String entry, String exit, int n) {
        return new String[] {
            "booth.id", id, "store.url", url, "store.user", SitePostgres.USER, "store.pool_size", "4",
            "store.lot_refresh_ms", "1000", "park.capacity", String.valueOf(CAPACITY),
            "lanes", entry + "," + exit,
            "lane." + entry + ".name", "入口" + n, "lane." + entry + ".direction", "entry",
            "lane." + entry + ".camera", "SIM-CAM-" + entry, "lane." + entry + ".card.port", "sim",
            "lane." + entry + ".card.address", "0", "lane." + entry + ".card.baud", "9600",
            "lane." + entry + ".gate", "card",
            "lane." + exit + ".name", "出口" + n, "lane." + exit + ".direction", "exit",
            "lane." + exit + ".camera", "SIM-CAM-" + exit, "lane." + exit + ".card.port", "sim",
            "lane." + exit + ".card.address", "0", "lane." + exit + ".card.baud", "9600",
            "lane." + exit + ".gate", "card",
            "cloud.local_id", "boothdesk0" + n + "_channels_" + entry + "_" + exit,
        };
    }

    /** Each camera pushes its plates, all starting at one moment; returns once every push was answered. */
    private static void race(Map<RunningBooth, Map<String, List<String>>> pushes) throws Exception {
        int threads = pushes.values().stream().mapToInt(Map::size).sum();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            pushes.forEach((booth, byCamera) -> byCamera.forEach((camera, plates) -> done.add(pool.submit(() -> {
                go.await();
                for (String p : plates) {
                    booth.camera(camera).push(p);
                }
                return null;
            }))));
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> plates(String prefix, int n) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(String.format("%s%05d", prefix, i));
        }
        return l;
    }

    static long one(Database db, String sql) {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void assertRefusedAsFull(RunningBooth booth, Outcomes o, Set<String> plates) {
        for (String p : plates) {
            LaneState s = o.byPlate.get(p);
            if (s.phase() == LanePhase.REFUSED) {
                assertThat(s.decision().messageKey()).as(p).isEqualTo("entry.full");
                assertThat(booth.app.messages().get(s.decision().messageKey(), s.decision().args()))
                        .contains(p, "车位已满");
            }
        }
    }

    @Test
    void twoBoothsOnOnePostgresRacingCarsIntoTheLastSpacesAdmitExactlyTheCapacity() throws Exception {
        String url = SitePostgres.freshDatabase();
        try (RunningBooth a = RunningBooth.start(dataA, booth(url, "SA", "A1", "B1", 1));
             RunningBooth b = RunningBooth.start(dataB, booth(url, "SB", "A2", "B2", 2))) {
            Outcomes atA = new Outcomes();
            Outcomes atB = new Outcomes();
            atA.watch(a, "A1");
            atB.watch(b, "A2");
            List<String> platesA = plates("京A", 6);
            List<String> platesB = plates("沪B", 6);
            race(Map.of(a, Map.of("SIM-CAM-A1", platesA), b, Map.of("SIM-CAM-A2", platesB)));
            Set<String> all = new java.util.HashSet<>(platesA);
            all.addAll(platesB);
            await().atMost(RunningBooth.WAIT).until(() -> atA.byPlate.keySet().containsAll(platesA)
                    && atB.byPlate.keySet().containsAll(platesB));

            long entered = atA.count(LanePhase.ENTERED, all) + atB.count(LanePhase.ENTERED, all);
            long refused = atA.count(LanePhase.REFUSED, all) + atB.count(LanePhase.REFUSED, all);
            assertThat(entered).as("cars admitted at both booths").isEqualTo(CAPACITY);
            assertThat(refused).isEqualTo(all.size() - CAPACITY);
            assertRefusedAsFull(a, atA, Set.copyOf(platesA));
            assertRefusedAsFull(b, atB, Set.copyOf(platesB));

            Database db = a.app.database();
            assertThat(one(db, "SELECT COUNT(*) FROM parking_order WHERE status = 'IN_LOT'")).isEqualTo(CAPACITY);
            assertThat(one(db, "SELECT COALESCE(SUM(inside), 0) FROM lot_lane_count")).isEqualTo(CAPACITY);
            assertThat(one(db, "SELECT COUNT(*) FROM space_hold h WHERE NOT EXISTS"
                    + " (SELECT 1 FROM parking_order o WHERE o.order_id = h.hold_id)"))
                    .as("no hold left counting").isZero();
            assertThat(a.app.spaces().free()).isZero();
            assertThat(b.app.spaces().free()).isZero();

            // a car that came in at booth A leaves through booth B's exit: one space, at both booths
            String leaving = platesA.stream().filter(p -> atA.byPlate.get(p).phase() == LanePhase.ENTERED)
                    .findFirst().orElse(platesB.stream().filter(p -> atB.byPlate.get(p).phase() == LanePhase.ENTERED)
                            .findFirst().orElseThrow());
            b.clock.advance(Duration.ofHours(3));
            b.camera("SIM-CAM-B2").push(leaving);
            await().atMost(RunningBooth.WAIT).until(() ->
                    b.app.lane("B2").state().get().phase() == LanePhase.AWAITING_PAYMENT);
            b.app.lane("B2").settleCash(10_000).get(10, TimeUnit.SECONDS);
            await().atMost(RunningBooth.WAIT).until(() -> a.app.spaces().free() == 1 && b.app.spaces().free() == 1);

            // the last space, raced for again: one car gets it
            a.clock.advance(Duration.ofMinutes(1));
            b.clock.advance(Duration.ofMinutes(1));
            race(Map.of(a, Map.of("SIM-CAM-A1", List.of("京C00001")), b, Map.of("SIM-CAM-A2", List.of("沪D00001"))));
            await().atMost(RunningBooth.WAIT).until(() -> atA.byPlate.containsKey("京C00001")
                    && atB.byPlate.containsKey("沪D00001"));
            Set<String> last = Set.of("京C00001", "沪D00001");
            assertThat(atA.count(LanePhase.ENTERED, last) + atB.count(LanePhase.ENTERED, last)).isEqualTo(1);
            assertRefusedAsFull(a, atA, Set.of("京C00001"));
            assertRefusedAsFull(b, atB, Set.of("沪D00001"));

            long inside = one(db, "SELECT COUNT(*) FROM parking_order WHERE status = 'IN_LOT'");
            assertThat(inside).isEqualTo(CAPACITY);
            assertThat(one(db, "SELECT COALESCE(SUM(inside), 0) FROM lot_lane_count")).isEqualTo(inside);
            assertThat(a.app.spaces().free()).isEqualTo(CAPACITY - inside);
            assertThat(b.app.spaces().free()).isEqualTo(CAPACITY - inside);
        }
    }

    @Test
    void onTheEmbeddedFileTwoEntryLanesOfOneBoothRacingForTheLastSpacesAdmitExactlyTheCapacity() throws Exception {
        String[] two = {
            "park.capacity", String.valueOf(CAPACITY), "lanes", "A1,A3,B1",
            "lane.A3.name", "入口3", "lane.A3.direction", "entry", "lane.A3.camera", "SIM-CAM-A3",
            "lane.A3.card.port", "sim", "lane.A3.card.address", "0", "lane.A3.card.baud", "9600",
            "lane.A3.gate", "card",
        };
        try (RunningBooth a = RunningBooth.start(dataA, two)) {
            assertThat(a.app.database().shared()).isFalse();
            Outcomes o = new Outcomes();
            o.watch(a, "A1");
            o.watch(a, "A3");
            List<String> at1 = plates("京E", 6);
            List<String> at3 = plates("京F", 6);
            race(Map.of(a, Map.of("SIM-CAM-A1", at1, "SIM-CAM-A3", at3)));
            Set<String> all = new java.util.HashSet<>(at1);
            all.addAll(at3);
            await().atMost(RunningBooth.WAIT).until(() -> o.byPlate.keySet().containsAll(all));
            assertThat(o.count(LanePhase.ENTERED, all)).isEqualTo(CAPACITY);
            assertThat(o.count(LanePhase.REFUSED, all)).isEqualTo(all.size() - CAPACITY);
            assertRefusedAsFull(a, o, all);
            assertThat(a.app.orders().countInLot()).isEqualTo(CAPACITY);
            assertThat(a.app.spaces().free()).isZero();
        }
    }
}
