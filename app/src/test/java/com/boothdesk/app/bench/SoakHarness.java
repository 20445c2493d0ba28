package com.boothdesk.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.boothdesk.app.store.Database;
import com.boothdesk.sdk.cli.CloudSimCommand;
import com.boothdesk.sdk.sim.CloudSimSettings;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.boothdesk.sdk.sim.ReceivedUplink;

/**
 * The soak (issue 9's proof): the demo's traffic with the stand-in attendant ({@code demo.auto_attendant=true}) in a
 * booth JVM of its own, linked over TCP to a cloud simulator in this JVM (so the simulator's record outlives the
 * booth). The cloud goes down and up ({@code --flap-minutes}, down for {@code --down-seconds}), the booth is killed
 * with SIGKILL ({@code --kill-minutes}) and started again on the same data folder. At the end the booth runs without
 * demo traffic until its outbox is empty, is stopped with SIGTERM, and the harness checks:
 * <ul>
 *   <li>lost: every {@code in_park}/{@code out_park} the booth committed (its {@code sdk_outbox}) reached the
 *       simulator, and none is still undelivered;</li>
 *   <li>duplicated: no {@code in_park}/{@code out_park} of one order was taken twice by the simulator;</li>
 *   <li>in order: every order's {@code in_park} arrived before its {@code out_park};</li>
 *   <li>heap after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}) one minute into each life and just before
 *       each kill, printed per life.</li>
 * </ul>
 *
 * <pre>./boothdesk soak [--minutes 15] [--kill-minutes 3] [--flap-minutes 2] [--down-seconds 40] [--heap-minutes N]</pre>
 * {@code --heap-minutes N} also samples the heap after a full GC every N minutes of a life (with a long
 * {@code --kill-minutes}, one life's heap over the whole run).
 * Exit status 0 when all checks pass, 1 otherwise.
 */
public final class SoakHarness {

    /** Heap in use in {@code GC.heap_info}: G1 / serial ("… total NK, used NK"), Shenandoah ("… committed, NK used"). */
    private static final Pattern USED = Pattern.compile(
            "(?:generation|garbage-first heap)\\s+total \\d+K, used (\\d+)K|committed, (\\d+)K used");

    private SoakHarness() {
    }

    public static void main(String[] args) throws Exception {
        double minutes = 15;
        double killMinutes = 3;
        double flapMinutes = 2;
        int downSeconds = 40;
        double heapMinutes = 0;
        Path data = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--kill-minutes" -> killMinutes = Double.parseDouble(args[++i]);
                case "--flap-minutes" -> flapMinutes = Double.parseDouble(args[++i]);
                case "--down-seconds" -> downSeconds = Integer.parseInt(args[++i]);
                case "--heap-minutes" -> heapMinutes = Double.parseDouble(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: soak [--minutes N] [--kill-minutes N] [--flap-minutes N] "
                            + "[--down-seconds N] [--heap-minutes N] [--data DIR]");
                    System.exit(2);
                }
            }
        }
        if (data == null) {
            data = Files.createTempDirectory("boothdesk-soak");
        }
        CloudSimulator cloud = new CloudSimulator(new CloudSimSettings(0, CloudSimCommand.DEFAULT_UNION_ID,
                CloudSimCommand.DEFAULT_PARK_ID, CloudSimCommand.DEFAULT_SECRET, 100, Clock.systemUTC()));
        cloud.start();
        System.out.printf("soak: %.1f min, kill every %.1f min, cloud down %d s every %.1f min, data %s, cloud :%d%n",
                minutes, killMinutes, downSeconds, flapMinutes, data, cloud.port());

        Instant end = Instant.now().plus(Duration.ofSeconds((long) (minutes * 60)));
        Instant nextFlap = Instant.now().plus(Duration.ofSeconds((long) (flapMinutes * 60)));
        Instant cloudBackAt = null;
        int kills = 0;
        int flaps = 0;
        List<String> heapLines = new ArrayList<>();
        int life = 0;
        Process booth = startBooth(data, cloud.port(), true, life);
        Instant bornAt = Instant.now();
        boolean sampledThisLife = false;
        Duration heapEvery = Duration.ofSeconds((long) (heapMinutes * 60));
        Instant nextHeap = heapMinutes > 0 ? Instant.now().plus(heapEvery) : Instant.MAX;
        Instant nextKill = Instant.now().plus(Duration.ofSeconds((long) (killMinutes * 60)));
        while (Instant.now().isBefore(end)) {
            TimeUnit.MILLISECONDS.sleep(500); // the harness's own pacing, not a test's synchronisation
            Instant now = Instant.now();
            if (cloudBackAt == null && now.isAfter(nextFlap)) {
                cloud.setOutage(true);
                cloud.dropConnections();
                cloudBackAt = now.plusSeconds(downSeconds);
                flaps++;
                System.out.printf("soak %s: cloud down (%d)%n", now, flaps);
            } else if (cloudBackAt != null && now.isAfter(cloudBackAt)) {
                cloud.setOutage(false);
                cloudBackAt = null;
                nextFlap = now.plus(Duration.ofSeconds((long) (flapMinutes * 60)));
                System.out.printf("soak %s: cloud up%n", now);
            }
            if (!sampledThisLife && now.isAfter(bornAt.plusSeconds(60))) {
                heapLines.add("life " + life + " +60s: " + heapAfterGc(booth) + " MB");
                sampledThisLife = true;
            }
            if (now.isAfter(nextHeap)) { // the same life sampled on a schedule: growth within one life shows
                heapLines.add("life " + life + " +" + Duration.between(bornAt, now).toMinutes() + " min: "
                        + heapAfterGc(booth) + " MB");
                nextHeap = now.plus(heapEvery);
            }
            if (now.isAfter(nextKill) && now.plusSeconds(30).isBefore(end)) {
                heapLines.add("life " + life + " before kill: " + heapAfterGc(booth) + " MB");
                kill9(booth);
                kills++;
                life++;
                System.out.printf("soak %s: booth killed (%d), uplinks at the cloud so far %d, last %s%n",
                        Instant.now(), kills, parkUplinks(cloud).size(), lastOf(cloud));
                booth = startBooth(data, cloud.port(), true, life);
                bornAt = Instant.now();
                sampledThisLife = false;
                nextKill = bornAt.plus(Duration.ofSeconds((long) (killMinutes * 60)));
            }
        }
        heapLines.add("life " + life + " at the end: " + heapAfterGc(booth) + " MB");
        cloud.setOutage(false);
        // the last life without new cars: the outbox drains, then an orderly stop
        kill9(booth);
        life++;
        int loginsBefore = cloud.loginCount();
        booth = startBooth(data, cloud.port(), false, life);
        int seen = -1;
        Instant stableSince = Instant.now();
        Instant drainDeadline = Instant.now().plusSeconds(600);
        while (Instant.now().isBefore(drainDeadline)) {
            TimeUnit.SECONDS.sleep(2);
            int n = parkUplinks(cloud).size();
            if (cloud.loginCount() == loginsBefore) {
                // the last life has not logged in yet (a loaded machine can take a minute to start a JVM with its
                // window): quiet at the cloud means nothing until the booth's link is up
                stableSince = Instant.now();
            } else if (n != seen) {
                seen = n;
                stableSince = Instant.now();
            } else if (Duration.between(stableSince, Instant.now()).toSeconds() >= 30) {
                break;
            }
        }
        booth.destroy(); // SIGTERM: the shutdown hook stops the socat children and closes H2
        if (!booth.waitFor(60, TimeUnit.SECONDS)) {
            kill9(booth);
        }
        boolean ok = check(data, cloud, kills, flaps, heapLines);
        cloud.close();
        System.exit(ok ? 0 : 1);
    }

    private static boolean check(Path data, CloudSimulator cloud, int kills, int flaps, List<String> heapLines)
            throws Exception {
        List<ReceivedUplink> got = parkUplinks(cloud);
        Map<String, Integer> count = new HashMap<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < got.size(); i++) {
            ReceivedUplink u = got.get(i);
            String key = u.serviceName() + "|" + u.data().path("order_id").asText();
            count.merge(key, 1, Integer::sum);
            firstIndex.putIfAbsent(key, i);
        }
        long duplicated = count.values().stream().filter(c -> c > 1).count();
        count.forEach((k, n) -> {
            if (n > 1) {
                System.out.println("  duplicated: " + k + " x" + n + " at " + got.stream().filter(u -> k.equals(
                        u.serviceName() + "|" + u.data().path("order_id").asText())).map(u -> u.at() + " "
                        + u.data()).toList());
            }
        });
        Map<String, String> committed = new LinkedHashMap<>();
        long undelivered = 0;
        Path dbDir = data.resolve("db"); // BoothApp keeps its database in <data>/db
        String pw = Files.readString(dbDir.resolve(Database.PASSWORD_FILE), StandardCharsets.UTF_8).trim();
        try (Connection c = DriverManager.getConnection(Database.url(dbDir.toAbsolutePath().resolve("boothdesk"))
                + ";IFEXISTS=TRUE", "booth", pw);
             PreparedStatement ps = c.prepareStatement("SELECT service_name, order_key, status FROM sdk_outbox"
                     + " WHERE service_name IN ('in_park', 'out_park') ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                committed.put(rs.getString(1) + "|" + rs.getString(2), rs.getString(3));
                if (!"ACKNOWLEDGED".equals(rs.getString(3))) {
                    undelivered++;
                }
            }
        }
        long lost = committed.keySet().stream().filter(k -> !count.containsKey(k)).count();
        long outOfOrder = 0;
        for (Map.Entry<String, Integer> e : firstIndex.entrySet()) {
            if (e.getKey().startsWith("out_park|")) {
                Integer in = firstIndex.get("in_park|" + e.getKey().substring("out_park|".length()));
                if (in == null || in > e.getValue()) {
                    outOfOrder++;
                }
            }
        }
        long ins = count.keySet().stream().filter(k -> k.startsWith("in_park|")).count();
        long outs = count.keySet().stream().filter(k -> k.startsWith("out_park|")).count();
        System.out.println("soak result");
        System.out.printf("  kills %d, cloud outages %d%n", kills, flaps);
        System.out.printf("  committed in_park/out_park %d, at the cloud %d (in_park %d, out_park %d)%n",
                committed.size(), got.size(), ins, outs);
        System.out.printf("  lost %d, undelivered %d, duplicated %d (simulator's 数据已处理过 %d), out of order %d%n",
                lost, undelivered, duplicated, cloud.duplicateCount(), outOfOrder);
        System.out.printf("  rejected by the cloud %d, rate-limited %d%n", cloud.rejected().size(),
                cloud.rateLimitedCount());
        heapLines.forEach(l -> System.out.println("  heap after GC, " + l));
        boolean ok = lost == 0 && undelivered == 0 && duplicated == 0 && outOfOrder == 0 && outs > 0;
        System.out.println(ok ? "SOAK PASSED" : "SOAK FAILED");
        return ok;
    }

    private static String lastOf(CloudSimulator cloud) {
        List<ReceivedUplink> l = parkUplinks(cloud);
        if (l.isEmpty()) {
            return "-";
        }
        ReceivedUplink u = l.get(l.size() - 1);
        return u.serviceName() + " " + u.data().path("order_id").asText() + " " + u.at();
    }

    private static List<ReceivedUplink> parkUplinks(CloudSimulator cloud) {
        List<ReceivedUplink> l = new ArrayList<>(cloud.received("in_park"));
        l.addAll(cloud.received("out_park"));
        l.sort(java.util.Comparator.comparing(ReceivedUplink::at));
        return l;
    }

    private static Process startBooth(Path data, int cloudPort, boolean traffic, int life) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Dfile.encoding=UTF-8"));
        cmd.addAll(BoothJvm.gcFlags());
        cmd.addAll(List.of("-Xms16m", "-Xmx160m", "-Xss512k",
                "-cp", System.getProperty("java.class.path"), "com.boothdesk.app.Main", "run", "--headless",
                "--data", data.toString(),
                "--set", "cloud.mode=tcp", "--set", "cloud.host=127.0.0.1", "--set", "cloud.port=" + cloudPort,
                "--set", "demo.auto_attendant=true", "--set", "demo.enabled=" + traffic,
                "--set", "demo.entry_interval_seconds=4", "--set", "demo.exit_interval_seconds=5"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("BOOTHDESK_CLOUD_SECRET", CloudSimCommand.DEFAULT_SECRET);
        pb.environment().put("MALLOC_ARENA_MAX", "2");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("soak-booth.out").toFile()));
        Files.writeString(data.resolve("soak-booth.out"), "=== life " + life + " " + Instant.now() + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        return pb.start();
    }

    private static void kill9(Process p) throws InterruptedException {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
        children.forEach(ProcessHandle::destroyForcibly); // socat: a SIGKILL runs no hook
    }

    /** Heap in use after a full GC, in MB, or -1 when jcmd could not tell. */
    private static long heapAfterGc(Process p) {
        try {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            run(jcmd, Long.toString(p.pid()), "GC.run");
            String info = run(jcmd, Long.toString(p.pid()), "GC.heap_info");
            long kb = 0;
            Matcher m = USED.matcher(info);
            boolean any = false;
            while (m.find()) { // G1: "garbage-first heap"; serial: "def new generation" + "tenured generation"; Shenandoah
                kb += Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
                any = true;
            }
            return any ? kb / 1024 : -1;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
