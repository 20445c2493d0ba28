package com.boothdesk.app.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.boothdesk.app.cloud.CloudBridge;
import com.boothdesk.app.domain.fee.FeeEngine;
import com.boothdesk.app.domain.fee.Tariffs;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.LaneDirection;
import com.boothdesk.app.domain.lane.LaneInfo;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.LaneRules;
import com.boothdesk.app.domain.lane.LaneServices;
import com.boothdesk.app.domain.lane.LaneSignals;
import com.boothdesk.app.domain.lane.LaneSnapshots;
import com.boothdesk.app.domain.lane.LaneTexts;
import com.boothdesk.app.domain.lane.PlateRead;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.FileImageStore;
import com.boothdesk.app.store.JdbcGateEventLog;
import com.boothdesk.app.store.JdbcOrderRepository;
import com.boothdesk.app.store.JdbcParkSpaces;
import com.boothdesk.app.store.lists.JdbcVehicleLists;
import com.boothdesk.app.testing.MutableClock;
import com.boothdesk.sdk.outbox.JdbcOutbox;

/**
 * The exit decision (plate read in → the lane awaits payment with the itemised fee: the stay looked up, lists,
 * coupons, fee) with {@code lot} cars inside, on the embedded H2 file and on a real PostgreSQL (the tests' embedded
 * server on loopback), then with four booths — four databases' pools, lot indexes and lanes, one thread each —
 * deciding at once on the same PostgreSQL. Prints p50 / p99 / max per row. A harness with a {@code main}, not JMH:
 * the four-booth row needs its own threads.
 *
 * <pre>
 * ./mvnw -B -q -o -pl app -am -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/bench-classpath.txt
 * java -cp app/target/test-classes:app/target/classes:$(cat app/target/bench-classpath.txt) \
 *     com.boothdesk.app.site.SiteExitBench [lot=10000] [n=2000]
 * </pre>
 */
public final class SiteExitBench {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    public static void main(String[] args) throws Exception {
        int lot = 10_000;
        int n = 2_000;
        for (String a : args) {
            if (a.startsWith("lot=")) {
                lot = Integer.parseInt(a.substring(4));
            } else if (a.startsWith("n=")) {
                n = Integer.parseInt(a.substring(2));
            }
        }
        Path tmp = Files.createTempDirectory("site-bench");
        System.out.printf("exit decision, %,d cars inside, %,d decisions per row (after %d warm-up)%n", lot, n, n / 4);

        try (Database h2 = Database.open(tmp.resolve("h2"))) {
            List<String> plates = seed(h2, lot);
            print("H2 file, one booth", run(List.of(booth(h2, tmp, "E1")), plates, n));
        }
        String url = SitePostgres.freshDatabase();
        List<Database> dbs = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                dbs.add(Database.connect(url, SitePostgres.USER, "", 8));
            }
            List<String> plates = seed(dbs.get(0), lot);
            print("PostgreSQL, one booth", run(List.of(booth(dbs.get(0), tmp, "E1")), plates, n));
            List<Booth> four = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                four.add(booth(dbs.get(i), tmp, "F" + (i + 1)));
            }
            print("PostgreSQL, four booths at once", run(four, plates, n));
        } finally {
            dbs.forEach(Database::close);
        }
        System.exit(0);
    }

    record Booth(LaneController lane, MutableClock clock, String laneId) {
    }

    static List<String> seed(Database db, int lot) {
        List<String> plates = new ArrayList<>();
        db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO parking_order (order_id, plate, car_type,"
                    + " entry_lane, in_time, entry_operator, status) VALUES (?, ?, 'small', 'A1', ?, 'seed', 'IN_LOT')")) {
                for (int i = 0; i < lot; i++) {
                    String plate = String.format("京%s%05d", (char) ('A' + i % 20), i);
                    plates.add(plate);
                    ps.setString(1, "A1_bench_" + i);
                    ps.setString(2, plate);
                    ps.setObject(3, java.time.OffsetDateTime.ofInstant(T.minusSeconds(7200L + i * 7L),
                            java.time.ZoneOffset.UTC));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM lot_lane_count");
                st.executeUpdate("INSERT INTO lot_lane_count (lane_id, inside) SELECT entry_lane, COUNT(*)"
                        + " FROM parking_order WHERE status = 'IN_LOT' GROUP BY entry_lane");
            }
            return null;
        });
        return plates;
    }

    static Booth booth(Database db, Path tmp, String laneId) {
        MutableClock clock = new MutableClock(T, SHANGHAI);
        JdbcOutbox outbox = new JdbcOutbox(db.dataSource(), clock, laneId, Duration.ofSeconds(30));
        JdbcOrderRepository orders = new JdbcOrderRepository(db, new CloudBridge(outbox, laneId));
        FeeEngine engine = new FeeEngine(SHANGHAI);
        LaneServices s = new LaneServices(orders, new JdbcGateEventLog(db), r -> engine.quote(Tariffs.demoDefault(), r),
                new Silent(), new FileImageStore(tmp.resolve("images-" + laneId), clock),
                new JdbcVehicleLists(db, outbox, SHANGHAI, clock), new JdbcParkSpaces(db, 200_000, clock),
                LaneRules.defaults(), LaneTexts.BUILT_IN, LaneSnapshots.NONE, clock, () -> "bench",
                Duration.ofSeconds(10), "small");
        return new Booth(new LaneController(new LaneInfo(laneId, "出口", LaneDirection.EXIT), s, Runnable::run),
                clock, laneId);
    }

    /** Each booth decides {@code n} exits (its share of the plates) on its own thread; all latencies in µs. */
    static long[] run(List<Booth> booths, List<String> plates, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(booths.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> jobs = new ArrayList<>();
        for (int b = 0; b < booths.size(); b++) {
            Booth booth = booths.get(b);
            int offset = b;
            int stride = booths.size();
            jobs.add(pool.submit(() -> {
                go.await();
                int warm = n / 4;
                long[] out = new long[n];
                for (int i = 0; i < warm + n; i++) {
                    booth.clock().advance(Duration.ofSeconds(1));
                    String plate = plates.get((offset + i * stride) % plates.size());
                    long t0 = System.nanoTime();
                    booth.lane().onPlate(new PlateRead(booth.laneId(), plate, 1, 95, booth.clock().instant(),
                            new byte[0], "bench")).join();
                    long us = (System.nanoTime() - t0) / 1_000;
                    LanePhase phase = booth.lane().state().get().phase();
                    if (phase != LanePhase.AWAITING_PAYMENT) {
                        throw new IllegalStateException(plate + ": the lane is " + phase);
                    }
                    if (i >= warm) {
                        out[i - warm] = us;
                    }
                }
                return out;
            }));
        }
        go.countDown();
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : jobs) {
            all.add(f.get());
        }
        pool.shutdown();
        return all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    }

    static void print(String row, long[] sorted) {
        System.out.printf("%-34s p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms   (%d decisions)%n", row,
                sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.99)] / 1000.0,
                sorted[sorted.length - 1] / 1000.0, sorted.length);
    }

    static final class Silent implements LaneSignals {
        @Override
        public void openGate(LaneInfo lane) {
        }

        @Override
        public void closeGate(LaneInfo lane) {
        }

        @Override
        public void announce(LaneInfo lane, List<String> lines, String voice) {
        }
    }
}
