package com.boothdesk.app.site;

import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
 * traffic has recorded {@code --cars} stays, the booths are started again without traffic until the outbox is empty,
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
    private static final Duration POLL = Duration.ofSeconds(1);
    /** How long the drained site must stay so before the booths are stopped. */
    private static final Duration SETTLED = Duration.ofSeconds(15);

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
        AtomicReference<EmbeddedPostgres> server = new AtomicReference<>(pg);
        try {
            return soak(booths, cars, capacity, dbDownSeconds, data, pgData, pgPort, url, cloud, server, booth, life,
                    started);
        } catch (Exception | Error e) {
            // a stage that did not come within its time: no booth process outlives the run (the test JVM goes on)
            System.out.println("sitesoak: stopped: " + e);
            cleanup.run();
            cloud.close();
            server.get().close();
            throw e;
        } finally {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    private static Result soak(int booths, int cars, int capacity, int dbDownSeconds, Path data, Path pgData,
                               int pgPort, String url, CloudSimulator cloud, AtomicReference<EmbeddedPostgres> server,
                               Process[] booth, int[] life, Instant started) throws Exception {
        for (int b = 1; b <= booths; b++) {
            booth[b] = startBooth(data, b, booths, url, cloud.port(), capacity, true, life[b]);
        }
        int kills = 0;
        int restarts = 0;
        int victim = 2;
        AtomicLong orders = new AtomicLong();
        Callable<Long> stays = () -> {
            orders.set(countOrders(server.get(), started, orders.get()));
            return orders.get();
        };
        // only the traffic's stays are counted: the first booth seeds the lot with a dozen cars at its start, which
        // were 30% of a short run (the kill, and the server's restart at 60%, came while the booths were starting)
        await("every booth linked to the cloud").atMost(Duration.ofMinutes(2)).pollInterval(POLL)
                .until(() -> cloud.loginCount() >= booths);
        // a generous bound for the whole traffic phase: the bench's 1,000 cars need ~10 minutes on a quiet machine
        Duration traffic = Duration.ofMinutes(3).plusSeconds(cars * 3L);
        Instant trafficUntil = Instant.now().plus(traffic);

        await("30% of " + cars + " stays").atMost(traffic).pollInterval(POLL)
                .until(stays, n -> n >= cars * 3L / 10);
        kill9(booth[victim]);
        kills++;
        System.out.printf("sitesoak %s: booth B%d killed (SIGKILL) at %d orders, uplinks so far %d%n",
                Instant.now(), victim, orders.get(), parkUplinks(cloud).size());
        // the dead booth's undelivered messages are the live booths' once its claim lapsed (takeover 5 s): it is
        // started again only when none is left to it, so the takeover is part of every run
        String dead = "B" + victim;
        await("the messages of the killed booth taken over").atMost(Duration.ofMinutes(2)).pollInterval(POLL)
                .until(() -> openClaimedBy(server.get(), dead) == 0);
        life[victim]++;
        booth[victim] = startBooth(data, victim, booths, url, cloud.port(), capacity, true, life[victim]);
        System.out.printf("sitesoak %s: booth B%d started again%n", Instant.now(), victim);

        await("60% of " + cars + " stays").atMost(Duration.between(Instant.now(), trafficUntil)).pollInterval(POLL)
                .until(stays, n -> n >= cars * 6L / 10);
        Instant t0 = Instant.now();
        server.get().close();
        TimeUnit.SECONDS.sleep(dbDownSeconds); // the length of the outage (the server PC restarting), not a wait
        server.set(startPg(pgData, pgPort));
        restarts++;
        System.out.printf("sitesoak %s: PostgreSQL stopped and started again (%d ms away) at %d orders%n",
                Instant.now(), Duration.between(t0, Instant.now()).toMillis(), orders.get());

        await(cars + " stays").atMost(Duration.between(Instant.now(), trafficUntil)).pollInterval(POLL)
                .until(stays, n -> n >= cars);
        System.out.printf("sitesoak %s: %d orders after %d s; booths start again without traffic to drain%n",
                Instant.now(), orders.get(), Duration.between(started, Instant.now()).toSeconds());
        EmbeddedPostgres pg = server.get();
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
        return r;
    }

    private static EmbeddedPostgres startPg(Path dir, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port).start();
    }

    private static Connection connect(EmbeddedPostgres pg) throws SQLException {
        return DriverManager.getConnection(pg.getJdbcUrl(SitePostgres.USER, DB));
    }

    /**
     * The stays of the run's traffic (the last figure while the server is away): those that came in since {@code
     * since}, not the dozen the first booth seeds the lot with at its start (they entered "earlier").
     */
    private static long countOrders(EmbeddedPostgres pg, Instant since, long last) {
        try (Connection c = connect(pg); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM parking_order WHERE in_time >= ?")) {
            ps.setObject(1, java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            return last; // not migrated yet, or being restarted
        }
    }

    /**
     * Until every booth is linked, no outbox row is open (PENDING or SENT: a FAILED row is final, and counted as
     * undelivered by the check, not waited for), no journaled read waits, and the cloud's count of in_park/out_park
     * has not moved, all of it for {@link #SETTLED} on end (the booths' one demo car per lane comes a few seconds
     * after their start, and the stand-in attendant settles a replayed read after a few more).
     */
    private static void waitForDrain(EmbeddedPostgres pg, CloudSimulator cloud, int logins) {
        AtomicReference<String> last = new AtomicReference<>("");
        AtomicReference<Integer> uplinks = new AtomicReference<>(-1);
        try {
            await("the site drained").atMost(Duration.ofMinutes(3)).pollInterval(POLL).during(SETTLED)
                    .until(() -> {
                        long[] open = openAndJournal(pg);
                        int got = parkUplinks(cloud).size();
                        boolean same = uplinks.getAndSet(got) == got;
                        last.set("open " + open[0] + ", journal " + open[1] + ", failed " + open[2] + ", uplinks "
                                + got + ", logins " + cloud.loginCount() + "/" + logins);
                        return cloud.loginCount() >= logins && open[0] == 0 && open[1] == 0 && same;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("sitesoak: the site did not drain within 3 minutes (" + last.get() + ")");
        }
    }

    /** Open outbox rows, intake journal rows, FAILED outbox rows; the server may be starting: then all -1. */
    private static long[] openAndJournal(EmbeddedPostgres pg) {
        try (Connection c = connect(pg); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM sdk_outbox WHERE status IN ('PENDING',"
                     + " 'SENT')), (SELECT COUNT(*) FROM intake_journal), (SELECT COUNT(*) FROM sdk_outbox WHERE"
                     + " status = 'FAILED')")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        } catch (SQLException e) {
            return new long[] {-1, -1, -1};
        }
    }

    /** Open outbox rows claimed by {@code booth} (-1 while the server cannot be read). */
    private static long openClaimedBy(EmbeddedPostgres pg, String booth) {
        try (Connection c = connect(pg); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM sdk_outbox WHERE status IN ('PENDING', 'SENT') AND claimed_by = ?")) {
            ps.setString(1, booth);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            return -1;
        }
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
                        if (l.contains("is not in the lot any more") || l.contains("was closed at another booth")) {
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
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Dfile.encoding=UTF-8"));
        cmd.addAll(com.boothdesk.app.bench.BoothJvm.gcFlags());
        cmd.addAll(List.of(
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
