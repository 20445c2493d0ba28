package com.boothdesk.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

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
 * JMH: a full exit decision with the store on disk — plate read in, the lane's state out (awaiting payment with the
 * itemised fee) — against an H2 file holding 1,000, 10,000 or 100,000 cars in the lot ({@code lot}). {@code exact}:
 * the plate is in the lot (the lot index, the order row by key, lists, coupons, fee). {@code unmatched}: a plate with
 * one OCR error, so the lane ranks similar plates for the attendant (the lot index's fuzzy candidates). Run:
 * {@code ./boothdesk bench exit} (prints the p50/p99 rows), one size: {@code ./boothdesk bench exit -p lot=100000}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class ExitDecisionBenchmark {

    @Param({"1000", "10000", "100000"})
    public int lot;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    Path dir;
    Database db;
    LaneController exit;
    MutableClock clock;
    List<String> plates;
    int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("exit-bench");
        clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"), SHANGHAI);
        db = Database.open(dir);
        JdbcOutbox outbox = new JdbcOutbox(db.dataSource(), clock);
        plates = seed(db, lot, clock.instant()); // before the store opens its index, as a restart would
        JdbcOrderRepository orders = new JdbcOrderRepository(db, new CloudBridge(outbox, "B1"));
        FeeEngine engine = new FeeEngine(SHANGHAI);
        LaneServices s = new LaneServices(orders, new JdbcGateEventLog(db), r -> engine.quote(Tariffs.demoDefault(), r),
                new Silent(), new FileImageStore(dir.resolve("images"), clock),
                new JdbcVehicleLists(db, outbox, SHANGHAI, clock), new JdbcParkSpaces(db, 200_000, clock),
                LaneRules.defaults(), LaneTexts.BUILT_IN, LaneSnapshots.NONE, clock, () -> "bench",
                Duration.ofSeconds(10), "small");
        exit = new LaneController(new LaneInfo("B1", "出口1", LaneDirection.EXIT), s, Runnable::run);
    }

    /** {@code n} in-lot stays in one transaction (the decision is measured, not the seeding). */
    static List<String> seed(Database db, int n, Instant now) {
        List<String> plates = new ArrayList<>();
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO parking_order (order_id, plate, car_type,"
                    + " entry_lane, in_time, entry_operator, status) VALUES (?, ?, 'small', 'A1', ?, 'seed', 'IN_LOT')")) {
                for (int i = 0; i < n; i++) {
                    String plate = String.format("京%s%05d", (char) ('A' + i % 20), i);
                    plates.add(plate);
                    ps.setString(1, "A1_bench_" + i);
                    ps.setString(2, plate);
                    ps.setObject(3, java.time.OffsetDateTime.ofInstant(now.minusSeconds(7200L + i * 7L),
                            java.time.ZoneOffset.UTC));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        return plates;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public LanePhase exact() {
        clock.advance(Duration.ofSeconds(1)); // past the debounce when a plate comes round again
        String plate = plates.get(next++ % lot);
        exit.onPlate(new PlateRead("B1", plate, 1, 95, clock.instant(), new byte[0], "bench")).join();
        return check(exit.state().get().phase(), LanePhase.AWAITING_PAYMENT);
    }

    @Benchmark
    public LanePhase unmatched() {
        clock.advance(Duration.ofSeconds(1));
        String plate = plates.get(next++ % lot);
        String misread = plate.substring(0, plate.length() - 1) + "Z"; // last digit read as a letter: not exact
        exit.onPlate(new PlateRead("B1", misread, 1, 95, clock.instant(), new byte[0], "bench")).join();
        return check(exit.state().get().phase(), LanePhase.AWAITING_MATCH);
    }

    private static LanePhase check(LanePhase got, LanePhase want) {
        if (got != want) {
            throw new IllegalStateException("expected " + want + " but the lane is " + got);
        }
        return got;
    }

    /** Devices are not part of the decision. */
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

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(ExitDecisionBenchmark.class.getSimpleName()).build()).run();
    }
}
