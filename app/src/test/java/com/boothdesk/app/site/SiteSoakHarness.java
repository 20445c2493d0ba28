package com.boothdesk.app.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import com.boothdesk.sdk.cli.CloudSimCommand;
import com.boothdesk.sdk.sim.CloudSimSettings;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.boothdesk.sdk.sim.ReceivedUplink;

/**
 * The site soak (issue 16's proof): two or three booth PROCESSES ({@code boothdesk run --headless}, each with an entry
 * and an exit lane of its own, its own {@code booth.id} and cloud login) on one real PostgreSQL server (zonky's
 * embedded server, started by this harness on a data folder of its own so that it can be stopped and started again),
 * the demo's traffic with the stand-in attendant on every lane (exits pick the lot's oldest car, so a car that entered
 * at one booth leaves through another's, and two booths often try the same car at once), linked over TCP to a cloud
 * simulator in this JVM. During the run one booth is killed with SIGKILL (and started again later: its undelivered
 * messages are taken over by a live booth meanwhile) and the database server is stopped and started again. When the
 * site has recorded {@code --cars} stays, the booths are started again without traffic until the outbox is empty,
 * stopped with SIGTERM, and the harness checks on the database and at the simulator:
 * <ul>
 *   <li>orders lost: every stay in {@code parking_order} has its {@code in_park} at the cloud, every closed one its
 *       {@code out_park}; every {@code in_park}/{@code out_park} of the outbox reached the cloud, none undelivered;</li>
 *   <li>duplicated: no {@code in_park}/{@code out_park} of one order taken twice; in order: every order's
 *       {@code in_park} before its {@code out_park};</li>
 *   <li>spaces: the per-lane counters sum to the cars inside, and the remaining spaces are capacity - cars inside
 *       (+ corrections);</li>
 *   <li>journal: every camera read replayed after the kill (the booth log's "answered but not decided") accounted
 *       for, and the intake journal empty at the end.</li>
 * </ul>
 *
 * <pre>./boothdesk bench sitesoak [--booths 3] [--cars 1000] [--capacity 200] [--db-down-seconds 5] [--data DIR]</pre>
 * Exit status 0 when all checks pass, 1 otherwise. The figures print to the terminal.
 */
public final class SiteSoakHarness {

    private static final String DB = "site";

    private SiteSoakHarness() {
    }

    public static void main(String[] args) throws Exception {
        int booths = 3;
        int cars = 1000;
        int capacity = 200;
        int dbDown = 5;
        Path data = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--booths" -> booths = Integer.parseInt(args[++i]);
                case "--cars" -> cars = Integer.parseInt(args[++i]);
                case "--capacity" -> capacity = Integer.parseInt(args[++i]);
                case "--db-down-seconds" -> dbDown = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: sitesoak [--booths 2|3] [--cars N] [--capacity N] [--db-down-seconds N] [--data DIR]");
                    System.exit(2);
                }
            }
        }
        if (booths < 2 || booths > 3) {
            System.err.println("sitesoak: --booths is 2 or 3");
            System.exit(2);
        }
        if (data == null) {
            data = Files.createTempDirectory("boothdesk-sitesoak");
        }
        Result r = run(booths, cars, capacity, dbDown, data);
        System.exit(r.passed() ? 0 : 1);
    }

    /** What the run found; {@link #passed} is the verdict. */
    public record Result(long orders, long lost, long undelivered, long duplicated, long outOfOrder,
                         long insideOrders, long insideCounters, int freeSpaces, int expectedFree, long replayed,
                         long journalLeft, int kills, int dbRestarts) {
        public boolean passed() {
            return lost == 0 && undelivered == 0 && duplicated == 0 && outOfOrder == 0
                    && insideOrders == insideCounters && freeSpaces == expectedFree && journalLeft == 0
                    && kills >= 1 && dbRestarts >= 1;
        }
    }

    /** Runs the soak; also the body of {@code SiteSoakTest} (a shorter run). */
    public static Result run(int booths, int cars, int capacity, Path data) throws Exception {
        return run(booths, cars, capacity, 5, data);
    }

    /** As {@link #run(int, int, int, Path)}, with the database server away {@code dbDownSeconds} when restarted. */
    public static Result run(int booths, int cars, int capacity, int dbDownSeconds, Path data) throws Exception {
        Path pgData = data.resolve("pg");
        Files.createDirectories(pgData);
        int pgPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            pgPort = s.getLocalPort();
        }
        EmbeddedPostgres pg = startPg(pgData, pgPort);
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + DB);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + DB;
        CloudSimulator cloud = new CloudSimulator(new CloudSimSettings(0, CloudSimCommand.DEFAULT_UNION_ID,
                CloudSimCommand.DEFAULT_PARK_ID, CloudSimCommand.DEFAULT_SECRET, 100, Clock.systemUTC()));
        cloud.start();
        System.out.printf("sitesoak: %d booths, %d cars, capacity %d, PostgreSQL :%d, cloud :%d, data %s%n",
                booths, cars, capacity, pgPort, cloud.port(), data);
        Instant started = Instant.now();
        Process[] booth = new Process[booths + 1];
        int[] life = new int[booths + 1];
        Thread cleanup = new Thread(() -> {
            for (Process p : booth) {
                if (p != null && p.isAlive()) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            }
        });
        Runtime.getRuntime().addShutdownHook(cleanup); // a harness stopped with Ctrl+C leaves no booth behind
        for (int b = 1; b <= booths; b++) {
            booth[b] = startBooth(data, b, booths, url, cloud.port(), capacity, true, life[b]);
        }
        int kills = 0;
        int restarts = 0;
        boolean killed = false;
        boolean dbRestarted = false;
        Instant restartKilledAt = null;
        int victim = 2;
        long orders = 0;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(60));
        while (orders < cars && Instant.now().isBefore(deadline)) {
            TimeUnit.SECONDS.sleep(1); // the harness's own pacing, not a test's synchronisation
            orders = countOrders(pg, dbRestarted, orders);
            if (!killed && orders >= cars * 3L / 10) {
                kill9(booth[victim]);
                kills++;
                killed = true;
                restartKilledAt = Instant.now().plusSeconds(20); // longer than the takeover time (5 s)
                System.out.printf("sitesoak %s: booth B%d killed (SIGKILL) at %d orders, uplinks so far %d%n",
                        Instant.now(), victim, orders, parkUplinks(cloud).size());
            }
            if (restartKilledAt != null && Instant.now().isAfter(restartKilledAt)) {
                life[victim]++;
                booth[victim] = startBooth(data, victim, booths, url, cloud.port(), capacity, true, life[victim]);
                restartKilledAt = null;
                System.out.printf("sitesoak %s: booth B%d started again%n", Instant.now(), victim);
            }
            if (!dbRestarted && orders >= cars * 6L / 10) {
                Instant t0 = Instant.now();
                pg.close();
                TimeUnit.SECONDS.sleep(dbDownSeconds); // the server away for a while, as a restart of its PC is
                pg = startPg(pgData, pgPort);
                restarts++;
                dbRestarted = true;
                System.out.printf("sitesoak %s: PostgreSQL stopped and started again (%d ms away) at %d orders%n",
                        Instant.now(), Duration.between(t0, Instant.now()).toMillis(), orders);
            }
        }
        System.out.printf("sitesoak %s: %d orders after %d s; booths start again without traffic to drain%n",
                Instant.now(), orders, Duration.between(started, Instant.now()).toSeconds());
        int loginsBefore = cloud.loginCount();
        for (int b = 1; b <= booths; b++) {
            if (booth[b].isAlive()) {
                kill9(booth[b]);
            }
            life[b]++;
            booth[b] = startBooth(data, b, booths, url, cloud.port(), capacity, false, life[b]);
        }
        waitForDrain(pg, cloud, loginsBefore + booths);
        for (int b = 1; b <= booths; b++) {
            booth[b].destroy(); // SIGTERM: the shutdown hook stops the socat children and the pool
            if (!booth[b].waitFor(60, TimeUnit.SECONDS)) {
                kill9(booth[b]);
            }
        }
        Result r = check(pg, cloud, data, booths, capacity, kills, restarts);
        cloud.close();
        pg.close();
        Runtime.getRuntime().removeShutdownHook(cleanup);
        return r;
    }

    private static EmbeddedPostgres startPg(Path dir, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port).start();
    }

    private static Connection connect(EmbeddedPostgres pg) throws SQLException {
        return DriverManager.getConnection(pg.getJdbcUrl(SitePostgres.USER, DB));
    }

    /** The stays the site has recorded (the last figure while the server is away). */
    private static long countOrders(EmbeddedPostgres pg, boolean quiet, long last) {
        try (Connection c = connect(pg); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM parking_order")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return last; // not migrated yet, or being restarted
        }
    }

    /** Until every outbox row is answered and no journaled read waits, stable for 20 s (at most 10 minutes). */
    private static void waitForDrain(EmbeddedPostgres pg, CloudSimulator cloud, int logins) throws Exception {
        Instant until = Instant.now().plusSeconds(600);
        String seen = "";
        Instant stableSince = Instant.now();
        while (Instant.now().isBefore(until)) {
            TimeUnit.SECONDS.sleep(2);
            String now;
            try (Connection c = connect(pg); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM sdk_outbox WHERE status <> "
                         + "'ACKNOWLEDGED'), (SELECT COUNT(*) FROM intake_journal)")) {
                rs.next();
                now = rs.getLong(1) + "/" + rs.getLong(2) + "/" + parkUplinks(cloud).size();
                if (cloud.loginCount() < logins) {
                    stableSince = Instant.now(); // the booths are not all linked yet
                } else if (!now.equals(seen)) {
                    seen = now;
                    stableSince = Instant.now();
                } else if (now.startsWith("0/0/") && Duration.between(stableSince, Instant.now()).toSeconds() >= 20) {
                    return;
                }
            }
        }
        System.out.println("sitesoak: the outbox did not drain within 10 minutes (" + seen + ")");
    }

    private static Result check(EmbeddedPostgres pg, CloudSimulator cloud, Path data, int booths, int capacity,
                                int kills, int restarts) throws Exception {
        List<ReceivedUplink> got = parkUplinks(cloud);
        Map<String, Integer> count = new HashMap<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        Map<String, Integer> perLogin = new HashMap<>();
        for (int i = 0; i < got.size(); i++) {
            ReceivedUplink u = got.get(i);
            String key = u.serviceName() + "|" + u.data().path("order_id").asText();
            count.merge(key, 1, Integer::sum);
            firstIndex.putIfAbsent(key, i);
            perLogin.merge(u.token(), 1, Integer::sum);
        }
        long duplicated = count.values().stream().filter(n -> n > 1).count();
        count.forEach((k, n) -> {
            if (n > 1) {
                System.out.println("  duplicated: " + k + " x" + n);
            }
        });
        long outOfOrder = 0;
        for (Map.Entry<String, Integer> e : firstIndex.entrySet()) {
            if (e.getKey().startsWith("out_park|")) {
                Integer in = firstIndex.get("in_park|" + e.getKey().substring("out_park|".length()));
                if (in == null || in > e.getValue()) {
                    outOfOrder++;
                }
            }
        }
        Set<String> outboxKeys = new HashSet<>();
        long undelivered;
        long orders;
        long closed;
        long superseded;
        long insideOrders;
        long insideCounters;
        long corrections;
        long journalLeft;
        long lost = 0;
        Map<String, Long> perClaimant = new HashMap<>();
        try (Connection c = connect(pg); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT service_name, order_key, claimed_by FROM sdk_outbox"
                    + " WHERE service_name IN ('in_park', 'out_park')")) {
                while (rs.next()) {
                    String k = rs.getString(1) + "|" + rs.getString(2);
                    outboxKeys.add(k);
                    perClaimant.merge(String.valueOf(rs.getString(3)), 1L, Long::sum);
                    if (!count.containsKey(k)) {
                        lost++;
                        System.out.println("  lost (in the outbox, never at the cloud): " + k);
                    }
                }
            }
            undelivered = one(st, "SELECT COUNT(*) FROM sdk_outbox WHERE status <> 'ACKNOWLEDGED'");
            orders = one(st, "SELECT COUNT(*) FROM parking_order");
            closed = one(st, "SELECT COUNT(*) FROM parking_order WHERE status = 'CLOSED'");
            superseded = one(st, "SELECT COUNT(*) FROM parking_order WHERE status = 'SUPERSEDED'");
            insideOrders = one(st, "SELECT COUNT(*) FROM parking_order WHERE status = 'IN_LOT'");
            insideCounters = one(st, "SELECT COALESCE(SUM(inside), 0) FROM lot_lane_count");
            corrections = one(st, "SELECT COALESCE(SUM(delta), 0) FROM space_adjustment");
            journalLeft = one(st, "SELECT COUNT(*) FROM intake_journal");
            // every stay's entry (and every closed stay's exit) is at the cloud: no order lost
            try (ResultSet rs = st.executeQuery("SELECT order_id, status FROM parking_order")) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    if (!count.containsKey("in_park|" + id)) {
                        lost++;
                        System.out.println("  lost (a stay without its in_park at the cloud): " + id);
                    }
                    if ("CLOSED".equals(rs.getString(2)) && !count.containsKey("out_park|" + id)) {
                        lost++;
                        System.out.println("  lost (a closed stay without its out_park at the cloud): " + id);
                    }
                }
            }
        }
        long used = insideCounters - corrections;
        int freeSpaces = (int) Math.max(0, Math.min(capacity, capacity - insideCounters + corrections));
        int expectedFree = (int) Math.max(0, Math.min(capacity, capacity - insideOrders + corrections));
        long replayed = 0;
        long storeErrors = 0;
        long races = 0;
        for (int b = 1; b <= booths; b++) {
            Path log = data.resolve("booth-" + b).resolve("logs").resolve("boothdesk.log");
            if (Files.exists(log)) {
                try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                    for (String l : (Iterable<String>) lines::iterator) {
                        if (l.contains("was answered but not decided")) {
                            replayed++;
                        }
                        if (l.contains(" ERROR ") && (l.contains("StoreException") || l.contains("failed:"))) {
                            storeErrors++;
                        }
                        if (l.contains("is not in the lot any more")) {
                            races++;
                        }
                    }
                }
            }
        }
        long ins = count.keySet().stream().filter(k -> k.startsWith("in_park|")).count();
        long outs = count.keySet().stream().filter(k -> k.startsWith("out_park|")).count();
        System.out.println("sitesoak result");
        System.out.printf("  booths %d, kills %d, database restarts %d%n", booths, kills, restarts);
        System.out.printf("  stays %d (closed %d, superseded %d, inside %d)%n", orders, closed, superseded,
                insideOrders);
        System.out.printf("  in_park/out_park in the outbox %d, at the cloud %d (in_park %d, out_park %d), per login %s,"
                + " per final claimant %s%n", outboxKeys.size(), got.size(), ins, outs, perLogin.values(),
                perClaimant);
        System.out.printf("  lost %d, undelivered %d, duplicated %d (simulator's 数据已处理过 %d), out of order %d%n",
                lost, undelivered, duplicated, cloud.duplicateCount(), outOfOrder);
        System.out.printf("  spaces: capacity %d, cars inside %d, counters %d, corrections %d (used %d), free %d,"
                + " expected %d%n", capacity, insideOrders, insideCounters, corrections, used, freeSpaces,
                expectedFree);
        System.out.printf("  journal: %d read(s) replayed after a kill or stop, %d left undecided%n", replayed,
                journalLeft);
        System.out.printf("  lane and store errors logged %d; log lines of two booths settling the same car (closed"
                + " once, the second told so) %d%n", storeErrors, races);
        Result r = new Result(orders, lost, undelivered, duplicated, outOfOrder, insideOrders, insideCounters,
                freeSpaces, expectedFree, replayed, journalLeft, kills, restarts);
        System.out.println(r.passed() ? "SITESOAK PASSED" : "SITESOAK FAILED");
        return r;
    }

    private static long one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<ReceivedUplink> parkUplinks(CloudSimulator cloud) {
        List<ReceivedUplink> l = new ArrayList<>(cloud.received("in_park"));
        l.addAll(cloud.received("out_park"));
        l.sort(Comparator.comparing(ReceivedUplink::at));
        return l;
    }

    /** Booth {@code b}: lanes E{b} (entry) and X{b} (exit), booth id B{b}, its own cloud login and data folder. */
    private static Process startBooth(Path data, int b, int booths, String url, int cloudPort, int capacity,
                                      boolean traffic, int life) throws IOException {
        Path dir = data.resolve("booth-" + b);
        Files.createDirectories(dir);
        String entry = "E" + b;
        String exit = "X" + b;
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the booth's own log configuration (the test class path also holds the tests' one), in its data folder
        java.net.URL logback = SiteSoakHarness.class.getClassLoader().getResource("logback.xml");
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Dfile.encoding=UTF-8", "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=" + logback, "-Dboothdesk.logs=" + dir.resolve("logs"),
                "-XX:TieredStopAtLevel=1", "-Xms16m", "-Xmx160m", "-Xss512k",
                "-cp", System.getProperty("java.class.path"), "com.boothdesk.app.Main", "run", "--headless",
                "--data", dir.toString()));
        String[] sets = {
            "booth.id=B" + b, "store.url=" + url, "store.user=" + SitePostgres.USER, "store.pool_size=4",
            "store.outbox_takeover_seconds=5", "store.lot_refresh_ms=1000", "park.capacity=" + capacity,
            "lanes=" + entry + "," + exit,
            "lane." + entry + ".name=入口" + b, "lane." + entry + ".direction=entry",
            "lane." + entry + ".camera=SIM-CAM-" + entry, "lane." + entry + ".card.port=sim",
            "lane." + exit + ".name=出口" + b, "lane." + exit + ".direction=exit",
            "lane." + exit + ".camera=SIM-CAM-" + exit, "lane." + exit + ".card.port=sim",
            "lane." + entry + ".card.address=0", "lane." + entry + ".card.baud=9600", "lane." + entry + ".gate=card",
            "lane." + exit + ".card.address=0", "lane." + exit + ".card.baud=9600", "lane." + exit + ".gate=card",
            "cloud.mode=tcp", "cloud.host=127.0.0.1", "cloud.port=" + cloudPort,
            "cloud.local_id=boothdesk0" + b + "_channels_" + entry + "_" + exit,
            // without traffic (the drain): the stand-in attendant still settles what the booth replays from
            // its intake journal; a car an hour at each lane (the first a second after the start) is all that comes
            "demo.auto_attendant=true", "demo.enabled=true",
            "demo.entry_interval_seconds=" + (traffic ? 1 : 3600), "demo.exit_interval_seconds=" + (traffic ? 1 : 3600),
        };
        for (String s : sets) {
            cmd.add("--set");
            cmd.add(s);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("BOOTHDESK_CLOUD_SECRET", CloudSimCommand.DEFAULT_SECRET);
        pb.environment().put("BOOTHDESK_STORE_PASSWORD", "postgres");
        pb.environment().put("MALLOC_ARENA_MAX", "2");
        pb.redirectErrorStream(true);
        Path out = dir.resolve("sitesoak-booth.out");
        Files.writeString(out, "=== life " + life + " " + Instant.now() + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
        return pb.start();
    }

    private static void kill9(Process p) throws InterruptedException {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
        children.forEach(ProcessHandle::destroyForcibly); // socat: a SIGKILL runs no hook
    }
}
