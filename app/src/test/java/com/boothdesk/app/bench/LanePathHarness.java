package com.boothdesk.app.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.testing.MutableClock;
import com.boothdesk.app.testing.TestBooth;
import com.boothdesk.devices.sim.CardEvent;
import com.boothdesk.devices.sim.SimulatedLaneCard;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;

/**
 * End-to-end lane path in the running application, measured where the car waits. For each lot size: a data folder
 * pre-filled with that many cars inside (plus as many closed stays of history), the real {@link BoothApp} started
 * on it (demo off, no window, simulated cards on pseudo-terminals through socat, the cloud simulator), then:
 * <ul>
 *   <li><b>entry, on the wire</b>: the simulated cards' side of the pty is paced at the lane's baud rate (9600 8N1,
 *   {@code sim.PacedLine}, as {@code ./boothdesk run} does), and before each push an LED text of four lines with a
 *   voice line is started on the entry card and its first line has reached the card (a text in progress, as when
 *   the previous car's welcome or the spaces screen is still going out). A camera ({@link SocketCamera}: one
 *   blocking socket, as a camera's firmware writes) POSTs the JSON push (with its pictures, made before the clock
 *   starts) over HTTP and reads the booth's answer after the clock stopped; the clock stops when the simulated card has decoded the
 *   whole gate-open frame, i.e. its last bit is on the wire;</li>
 *   <li><b>entry, unpaced</b>: the same on a second start of the booth on the same data with the pty at memory speed
 *   ({@code -Dboothdesk.sim.line=fast}) and a quiet line: the application's own part;</li>
 *   <li><b>exit</b>: a push of a plate inside at the exit camera; the clock stops when the lane's state feed (what
 *   the exit panel shows) carries the fee.</li>
 * </ul>
 * Pushes are one at a time (a lane sees one car at a time); the entries add to the lot, the exits take seeded cars
 * (an hour or more inside, so they pay: at most as many exits as seeded cars). Prints p50/p99/max per lot size. Run:
 * <pre>./boothdesk bench lane [lot sizes, default 150 10000 100000] [-n pushes, default 300]</pre>
 */
public final class LanePathHarness {

    /** {@code -Dlane.backToBack=true}: the next car pushes as soon as the gate opened (its frame may queue). */
    static final boolean BACK_TO_BACK = Boolean.getBoolean("lane.backToBack");
    /** {@code -Dlane.slowMs=8}: prints every entry slower than that, with the JVM's uptime (to set beside a GC log). */
    static final double SLOW_MS = Double.parseDouble(System.getProperty("lane.slowMs", "0"));
    /** {@code -Dlane.paced=false}: skips the paced run (its figures print as 0), to try JVM flags on the others. */
    static final boolean PACED = Boolean.parseBoolean(System.getProperty("lane.paced", "true"));
    /**
     * {@code -Dlane.client=socket} (default): the camera writes its push on a plain socket kept open
     * ({@link SocketCamera}); {@code socket-new}: a new connection per push; {@code jdk}: through the JDK's
     * {@code HttpClient} (the harness's camera before 2026-12-03).
     */
    static final String CLIENT = System.getProperty("lane.client", "socket");
    /**
     * {@code -Dlane.hops=true}: after the unpaced entries, where their time went (sent, body read, camera answered,
     * lane decided, gate frame written, decoded by the card), from the booth's own log lines ({@link LaneHops}).
     */
    static final boolean HOPS = Boolean.getBoolean("lane.hops");
    /**
     * {@code -Dlane.gapMs=N}: cars arrive at least N ms apart (default 0: each car as soon as the one before was
     * welcomed, ~30 ms apart, so the previous car's uplink, picture and gate event are still being written when the
     * next one pushes; at a real lane cars are seconds apart). The arrival process of the benchmark, not a wait for
     * anything: the measured time starts when the push is sent.
     */
    static final long GAP_MS = Long.getLong("lane.gapMs", 0);
    private static final List<String> TEXT = List.of("欢迎光临本停车场祝您一路顺风", "京A12345 临时车 停车2天3小时",
            "请缴费125.00元 可扫码支付", "余位 123 个 谢谢合作");
    private static final String VOICE = "京A12345，停车两天三小时，请缴费一百二十五元，可扫码支付或现金支付，谢谢合作。";

    private LanePathHarness() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> lots = new ArrayList<>();
        int pushes = 300;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-n")) {
                pushes = Integer.parseInt(args[++i]);
            } else {
                lots.add(Integer.parseInt(args[i].replace("_", "")));
            }
        }
        if (lots.isEmpty()) {
            lots = List.of(150, 10_000, 100_000);
        }
        System.out.printf(Locale.ROOT, "%-8s %-52s %6s %8s %8s %8s%n", "cars", "path", "n", "p50 ms", "p99 ms",
                "max ms");
        for (int lot : lots) {
            Result r = run(lot, pushes);
            print(lot, "entry push -> gate frame on the wire, 9600 8N1, LED text", r.paced());
            print(lot, "entry push -> gate frame at the card, unpaced pty", r.entry());
            print(lot, "exit push -> fee on the lane feed (exit panel)", r.exit());
        }
        System.out.printf(Locale.ROOT, "load average: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        System.exit(0);
    }

    record Result(double[] paced, double[] entry, double[] exit) {
    }

    static Result run(int lot, int pushes) throws Exception {
        Path data = Files.createTempDirectory("lane-path-" + lot + "-");
        try {
            List<String> inside = seed(data, lot, pushes);
            int capacity = lot + 10 * pushes + 1000;
            double[] paced;
            String before = System.getProperty("boothdesk.sim.line");
            System.clearProperty("boothdesk.sim.line");
            MutableClock linkClock = new MutableClock(Instant.now(), ZoneOffset.UTC);
            BoothApp app = null;
            if (PACED) {
                app = start(data, capacity, linkClock, false);
                try {
                    paced = entries(app, linkClock, pushes, "沪P", true, lot);
                } finally {
                    app.close();
                }
            } else {
                paced = new double[pushes];
            }
            System.setProperty("boothdesk.sim.line", "fast");
            try {
                // the devices' clock: moved on between pushes past the card's 1 s repeated-open throttle
                linkClock = new MutableClock(Instant.now(), ZoneOffset.UTC);
                app = start(data, capacity, linkClock, true);
                try {
                    double[] entry = entries(app, linkClock, pushes, "沪N", false, lot);
                    return new Result(paced, entry, exits(app, inside, pushes));
                } finally {
                    app.close();
                }
            } finally {
                if (before == null) {
                    System.clearProperty("boothdesk.sim.line");
                } else {
                    System.setProperty("boothdesk.sim.line", before);
                }
            }
        } finally {
            delete(data);
        }
    }

    private static BoothApp start(Path data, int capacity, MutableClock linkClock, boolean fastLine) {
        // unpaced: the booth is told its lines are fast too (115200 baud). At 9600 the card driver keeps its own
        // model of the wire (a screen frame goes out in chunks paced at the baud rate, a gate frame waits for the
        // chunk in flight and t3.5): the remaining-space screen the status tick sends every ~30 s would then put
        // ~10 ms of line time into every ~25th "unpaced" entry, which is the line's part, measured by the paced run
        String baud = fastLine ? "115200" : "9600";
        List<String> keys = new ArrayList<>(List.of("park.capacity", String.valueOf(capacity),
                "lane.debounce_seconds", "1", "lane.A1.card.baud", baud, "lane.B1.card.baud", baud));
        // -Dlane.set=k=v,k=v: more booth settings, to see what the tail is made of (e.g. cloud.mode=off)
        for (String kv : System.getProperty("lane.set", "").split(",")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                keys.add(kv.substring(0, eq).trim());
                keys.add(kv.substring(eq + 1).trim());
            }
        }
        return BoothApp.start(TestBooth.config(data, keys.toArray(String[]::new)), Clock.systemDefaultZone(),
                linkClock);
    }

    /** Entries of new plates; {@code withText}: an LED text with voice is going out when each push arrives. */
    private static double[] entries(BoothApp app, MutableClock linkClock, int pushes, String prefix, boolean withText,
                                    int lot) throws Exception {
        SimulatedLaneCard card = app.hardware().simulatedCard("A1").orElseThrow(
                () -> new IllegalStateException("lane A1 has no simulated card (card.port=sim needs socat)"));
        com.boothdesk.devices.card.LaneCard host = app.hardware().card("A1").orElseThrow();
        BlockingQueue<Long> opened = new LinkedBlockingQueue<>();
        BlockingQueue<String> spoke = new LinkedBlockingQueue<>();
        java.util.concurrent.Semaphore textStarted = new java.util.concurrent.Semaphore(0);
        card.addListener(e -> {
            if (e instanceof CardEvent.GateOpened) {
                opened.add(System.nanoTime());
            } else if (e instanceof CardEvent.VoicePlayed v) {
                spoke.add(v.text());
            } else if (e instanceof CardEvent.TextShown t && t.line() == 0) {
                textStarted.release();
            }
        });
        Camera camera = camera(app, "SIM-CAM-A1");
        int warmUp = Math.max(20, pushes / 5);
        double[] ms = new double[pushes];
        List<String> plates = new ArrayList<>();
        for (int i = 0; i < warmUp + pushes; i++) {
            plates.add(String.format(Locale.ROOT, "%s%s%04d", prefix, (char) ('A' + i % 20), i));
        }
        List<byte[]> bodies = cameraPushes("SIM-CAM-A1", plates);
        LaneHops hops = HOPS && !withText ? LaneHops.install("A1") : null;
        List<LaneHops.Entry> timed = new ArrayList<>();
        long nextArrival = System.nanoTime();
        for (int i = 0; i < warmUp + pushes; i++) {
            String plate = plates.get(i);
            byte[] body = bodies.get(i);
            for (long left = nextArrival - System.nanoTime(); left > 0; left = nextArrival - System.nanoTime()) {
                java.util.concurrent.locks.LockSupport.parkNanos(left);
            }
            nextArrival = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GAP_MS);
            opened.clear();
            spoke.clear();
            linkClock.advance(java.time.Duration.ofMillis(1500));
            java.util.concurrent.CompletableFuture<?> text = null;
            if (withText) {
                textStarted.drainPermits();
                text = host.showAndSayAsync(TEXT, VOICE);
                if (!textStarted.tryAcquire(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the LED text did not start before entry " + plate);
                }
            }
            camera.ready();
            Instant sent = Instant.now();
            long t0 = System.nanoTime();
            camera.send(body);
            Long t1 = opened.poll(10, TimeUnit.SECONDS);
            if (t1 == null) {
                throw new IllegalStateException("no gate frame for entry " + plate + ": " + app.lane("A1")
                        .state().get().phase());
            }
            camera.answer();
            if (i >= warmUp) {
                ms[i - warmUp] = (t1 - t0) / 1e6;
                timed.add(new LaneHops.Entry(plate, sent, t1 - t0));
                if (SLOW_MS > 0 && ms[i - warmUp] > SLOW_MS) {
                    System.out.printf(Locale.ROOT, "  slow entry %d (%s): %.2f ms at JVM uptime %.3f s%n", i, plate,
                            ms[i - warmUp], java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                                    / 1000.0);
                }
            }
            if (!BACK_TO_BACK) {
                // the line is quiet again (this text, the lane's welcome text and voice delivered) before the next
                // car: a gate frame queued behind the previous car's texts is not what this measures
                if (text != null) {
                    text.get(20, TimeUnit.SECONDS);
                }
                // this car's own welcome: a voice still coming from the car before (under load) must not count,
                // or every later car would meet its predecessor's welcome on the line (a lag that never recovers)
                awaitVoiceOf(spoke, plate);
            }
        }
        if (hops != null) {
            hops.remove();
            hops.print(timed, lot);
        }
        camera.close();
        return ms;
    }

    /**
     * The camera's pushes of one phase, every one with its own pictures, made before the phase starts. The harness
     * shares the booth's JVM: drawing a scene is a 1280x720 raster (a 3.6 MB int[], a humongous object for G1) and
     * ~6 ms of Java2D per push, and drawn between two cars its garbage started G1 cycles whose remark pauses
     * (10-20 ms) stopped the booth in the middle of the next car. A real camera draws its pictures in its own box,
     * so they are drawn here beforehand (~20 KB a body kept) and collected before the first car.
     */
    private static List<byte[]> cameraPushes(String serial, List<String> plates) {
        List<byte[]> bodies = new ArrayList<>(plates.size());
        for (String plate : plates) {
            bodies.add(PushBodies.live(serial, plate, Instant.now()));
        }
        System.gc(); // the drawing's garbage, before the first car: this is the harness's heap work, not the booth's
        return bodies;
    }

    /** The harness's camera: connects before the clock starts, sends, and reads the answer after it stopped. */
    interface Camera extends AutoCloseable {
        void ready() throws Exception;

        void send(byte[] body) throws Exception;

        void answer() throws Exception;

        @Override
        default void close() {
        }
    }

    private static Camera camera(BoothApp app, String serial) {
        if (CLIENT.equals("jdk")) {
            SimulatedZhenshiCamera jdk = new SimulatedZhenshiCamera(
                    URI.create("http://127.0.0.1:" + app.cameraPort() + "/"), serial, "127.0.0.1", Clock.systemUTC());
            return new Camera() {
                @Override
                public void ready() {
                }

                @Override
                public void send(byte[] body) {
                    jdk.postRaw(body, "application/json"); // waits for the answer: inside the clock, as before
                }

                @Override
                public void answer() {
                }
            };
        }
        if (!CLIENT.equals("socket") && !CLIENT.equals("socket-new")) {
            throw new IllegalArgumentException("-Dlane.client is socket, socket-new or jdk, not " + CLIENT);
        }
        return new SocketCamera(app.cameraPort(), CLIENT.equals("socket"));
    }

    /** Waits (bounded) until the card has spoken a voice line naming {@code plate}; the ones before are skipped. */
    private static void awaitVoiceOf(BlockingQueue<String> spoke, String plate) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String voice = spoke.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (voice != null && voice.contains(plate)) {
                return;
            }
        }
        throw new IllegalStateException("the welcome of " + plate + " was never spoken");
    }

    private static double[] exits(BoothApp app, List<String> inside, int pushes) throws Exception {
        record Shown(long at, String plate) {
        }
        BlockingQueue<Shown> feeShown = new LinkedBlockingQueue<>();
        var sub = app.lane("B1").state().subscribe((LaneState s) -> {
            if (s.phase() == LanePhase.AWAITING_PAYMENT && s.quote() != null && s.order() != null) {
                feeShown.add(new Shown(System.nanoTime(), s.order().plate()));
            }
        });
        Camera camera = camera(app, "SIM-CAM-B1");
        int total = Math.min(Math.max(20, pushes / 5) + pushes, inside.size());
        int warmUp = Math.min(Math.max(20, pushes / 5), total / 4);
        double[] ms = new double[total - warmUp];
        List<byte[]> bodies = cameraPushes("SIM-CAM-B1", inside.subList(0, total));
        try (sub; camera) {
            for (int i = 0; i < total; i++) {
                String plate = inside.get(i);
                byte[] body = bodies.get(i);
                feeShown.clear();
                camera.ready();
                long t0 = System.nanoTime();
                camera.send(body);
                Long t1 = null;
                long deadline = t0 + TimeUnit.SECONDS.toNanos(10);
                while (t1 == null && System.nanoTime() < deadline) {
                    Shown shown = feeShown.poll(10, TimeUnit.SECONDS);
                    if (shown != null && shown.plate().equals(plate)) {
                        t1 = shown.at();
                    }
                }
                camera.answer();
                if (t1 == null) {
                    throw new IllegalStateException("no fee for exit " + plate + ": " + app.lane("B1")
                            .state().get().phase());
                }
                if (i >= warmUp) {
                    ms[i - warmUp] = (t1 - t0) / 1e6;
                }
            }
        }
        return ms;
    }

    /**
     * {@code lot} cars inside (entered over the last days through A1) and as many closed stays, written before
     * the application opens the file, as a restart would find them. Returns plates inside for the exits.
     */
    static List<String> seed(Path data, int lot, int pushes) {
        List<String> exitPlates = new ArrayList<>();
        Instant now = Instant.now();
        try (Database db = Database.open(data.resolve("db"))) {
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO parking_order (order_id, plate, car_type,"
                        + " entry_lane, in_time, entry_operator, status, out_time, exit_lane, due_fen, paid_fen)"
                        + " VALUES (?, ?, 'small', 'A1', ?, 'seed', ?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < 2 * lot; i++) {
                        boolean in = i < lot;
                        String plate = String.format(Locale.ROOT, "京%s%05d", (char) ('A' + i % 20), i % 100_000)
                                + (i >= 100_000 ? "H" : "");
                        Instant at = now.minusSeconds(3_600L + (i % 200_000) * 5L);
                        ps.setString(1, "A1_seed_" + i);
                        ps.setString(2, plate);
                        ps.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                        ps.setString(4, in ? "IN_LOT" : "CLOSED");
                        ps.setObject(5, in ? null : OffsetDateTime.ofInstant(at.plusSeconds(1800), ZoneOffset.UTC));
                        ps.setString(6, in ? null : "B1");
                        ps.setLong(7, in ? 0 : 500);
                        ps.setLong(8, in ? 0 : 500);
                        ps.addBatch();
                        if (in && exitPlates.size() < 2 * pushes + 100) {
                            exitPlates.add(plate);
                        }
                        if (i % 10_000 == 9_999) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
                return null;
            });
        }
        return exitPlates;
    }

    private static void print(int lot, String path, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-8d %-52s %6d %8.2f %8.2f %8.2f%n", lot, path, s.length, pct(s, 0.50),
                pct(s, 0.99), s[s.length - 1]);
    }

    static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
