// Run: ./boothdesk bench sdk                 (sustained run at the real limit for 10 minutes, outages of 5 s, 30 s, 120 s)
//      ./boothdesk bench sdk --short         (smoke test: 30 s sustained, outages of 2 s and 5 s)
//      ./boothdesk bench sdk --sustained=PT3M --outages=PT10S,PT65S --unlimited=5000
package com.boothdesk.sdk.bench;

import com.boothdesk.sdk.link.CloudCredentials;
import com.boothdesk.sdk.link.LinkStatus;
import com.boothdesk.sdk.link.TcpCloudLink;
import com.boothdesk.sdk.link.TcpLinkSettings;
import com.boothdesk.sdk.message.InPark;
import com.boothdesk.sdk.outbox.DeliveryStatus;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.outbox.OutboxDispatcher;
import com.boothdesk.sdk.outbox.OutboxSchema;
import com.boothdesk.sdk.outbox.RetryPolicy;
import com.boothdesk.sdk.sim.CloudSimSettings;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import com.boothdesk.sdk.testsupport.TestDb;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A documented harness (not JMH: the figures are end-to-end over real sockets and a real H2 file) that prints:
 * outbox drain rate with the simulator unlimited; a sustained run against the simulator's real limit (100 requests
 * per 10 s per token, answered {@code request_over_times} beyond) with msg/s, % of the limit, the most requests seen
 * in any 10 s and the spacing of arrivals; the time from the cloud accepting connections again to the first delivery
 * after outages of several lengths, with the production link settings; and downlink answer latency p50 / p99. The
 * command is at the top of this file.
 */
public final class SdkBenchmark {

    static final String SECRET = "EA2D90FEEF1E9F8E";
    static final CloudCredentials CREDS = new CloudCredentials("200002", "21835", "bench", SECRET);

    private SdkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--short");
        Duration sustained = Duration.parse(option(args, "sustained", smoke ? "PT30S" : "PT10M"));
        List<Duration> outages = java.util.Arrays.stream(option(args, "outages", smoke ? "PT2S,PT5S"
                : "PT5S,PT30S,PT120S").split(",")).map(Duration::parse).toList();
        int unlimited = Integer.parseInt(option(args, "unlimited", smoke ? "2000" : "5000"));
        String only = option(args, "only", "all");
        if (only.equals("all") || only.equals("unlimited")) {
            // a booth's outbox runs for months: one drain first (not counted) so the figure is of compiled code
            System.out.printf("warm-up drain, %d uplinks: %.0f msg/s%n", Math.min(unlimited, 3000),
                    drain(Math.min(unlimited, 3000), 0, RetryPolicy.unlimited()));
            System.out.printf("outbox drain, simulator unlimited, %d uplinks: %.0f msg/s%n", unlimited,
                    drain(unlimited, 0, RetryPolicy.unlimited()));
        }
        if (only.equals("all") || only.equals("sustained")) {
            sustained(sustained);
        }
        for (Duration outage : only.equals("all") || only.equals("outages") ? outages : List.<Duration>of()) {
            List<Long> r = reconnectAfterOutage(outage, smoke ? 1 : 3);
            System.out.printf("outage of %d s, cloud accepting again -> first delivery (production link settings, "
                    + "%d runs): %s ms%n", outage.toSeconds(), r.size(), r);
        }
        if (!only.equals("all") && !only.equals("latency")) {
            return;
        }
        List<Long> lat = downlinkLatency(2000);
        System.out.printf("downlink answer latency over %d pushes: p50 %.2f ms, p99 %.2f ms%n", lat.size(),
                lat.get(lat.size() / 2) / 1e6, lat.get((int) (lat.size() * 0.99)) / 1e6);
    }

    static String option(String[] args, String name, String dflt) {
        for (String a : args) {
            if (a.startsWith("--" + name + "=")) {
                return a.substring(name.length() + 3);
            }
        }
        return dflt;
    }

    /**
     * Fills the outbox with more than the run can deliver (a third of them orders), drains it through the production
     * policy against the simulator's real limit for {@code d}, and prints what the cloud saw.
     */
    static void sustained(Duration d) throws Exception {
        int n = (int) (d.toSeconds() * 10 + 200);
        JdbcConnectionPool ds = db();
        Clock clock = Clock.systemUTC();
        JdbcOutbox outbox = new JdbcOutbox(ds, clock);
        fill(ds, outbox, n);
        List<Long> arrivals = java.util.Collections.synchronizedList(new ArrayList<>(n));
        try (CloudSimulator sim = new CloudSimulator(CloudSimSettings.of("200002", "21835", SECRET)
                .withRequestsPer10s(100))) {
            sim.addListener(r -> arrivals.add(System.nanoTime()));
            sim.start();
            TcpCloudLink link = new TcpCloudLink(TcpLinkSettings.defaults("127.0.0.1", sim.port()), CREDS, clock);
            try (link; OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, link, clock,
                    RetryPolicy.defaults())) {
                CountDownLatch up = new CountDownLatch(1);
                link.addStatusListener(s -> {
                    if (s == LinkStatus.LOGGED_IN) {
                        up.countDown();
                    }
                });
                link.start();
                up.await(10, TimeUnit.SECONDS);
                dispatcher.start();
                TimeUnit.NANOSECONDS.sleep(d.toNanos()); // the run itself, not synchronisation
            }
            List<Long> t;
            synchronized (arrivals) {
                t = new ArrayList<>(arrivals);
            }
            long window = TimeUnit.SECONDS.toNanos(10);
            int maxIn10s = 0;
            for (int i = 0, j = 0; i < t.size(); i++) {
                while (t.get(i) - t.get(j) >= window) {
                    j++;
                }
                maxIn10s = Math.max(maxIn10s, i - j + 1);
            }
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < t.size(); i++) {
                gaps.add(t.get(i) - t.get(i - 1));
            }
            Collections.sort(gaps);
            double secs = (t.get(t.size() - 1) - t.get(0)) / 1e9;
            double rate = (t.size() - 1) / secs;
            System.out.printf("sustained at the real limit (100 per 10 s), %d s: %d delivered, %.2f msg/s = %.1f %% of "
                            + "the limit; %d request_over_times; at most %d in any 10 s; arrival gaps p1 %.0f ms, "
                            + "p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", d.toSeconds(), t.size(), rate, rate * 10,
                    sim.rateLimitedCount(), maxIn10s, gaps.get(gaps.size() / 100) / 1e6,
                    gaps.get(gaps.size() / 2) / 1e6, gaps.get(gaps.size() * 99 / 100) / 1e6,
                    gaps.get(gaps.size() - 1) / 1e6);
        }
    }

    static void fill(JdbcConnectionPool ds, JdbcOutbox outbox, int n) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                ObjectNode u = i % 3 == 0 ? new InPark("京A" + (10000 + i), 1_700_000_000L, "小车", "自动识别", "u1",
                        "B" + i, 5, "A1").toJson() : log(i);
                outbox.enqueue(c, u, null);
            }
            c.commit();
        }
    }

    /**
     * The production link and policy; the cloud is stopped (connections refused) for {@code outage}, an uplink is
     * queued meanwhile, and the time from the cloud listening again to that uplink acknowledged is measured.
     */
    static List<Long> reconnectAfterOutage(Duration outage, int runs) throws Exception {
        JdbcConnectionPool ds = db();
        Clock clock = Clock.systemUTC();
        JdbcOutbox outbox = new JdbcOutbox(ds, clock);
        List<Long> out = new ArrayList<>();
        try (CloudSimulator sim = new CloudSimulator(CloudSimSettings.of("200002", "21835", SECRET))) {
            sim.start();
            TcpCloudLink link = new TcpCloudLink(TcpLinkSettings.defaults("127.0.0.1", sim.port()), CREDS, clock);
            try (link; OutboxDispatcher d = new OutboxDispatcher(outbox, link, clock, RetryPolicy.defaults())) {
                link.start();
                d.start();
                for (int r = 0; r < runs; r++) {
                    while (link.status() != LinkStatus.LOGGED_IN) {
                        TimeUnit.MILLISECONDS.sleep(5);
                    }
                    sim.stop();
                    long id = outbox.enqueue(log(200_000 + r), null);
                    d.wake();
                    TimeUnit.NANOSECONDS.sleep(outage.toNanos()); // the outage itself
                    sim.start();
                    long t0 = System.nanoTime();
                    while (outbox.find(id).orElseThrow().status() != DeliveryStatus.ACKNOWLEDGED) {
                        TimeUnit.MILLISECONDS.sleep(1);
                    }
                    out.add((System.nanoTime() - t0) / 1_000_000);
                }
            }
        }
        return out;
    }

    static JdbcConnectionPool db() throws Exception {
        Path dir = Files.createTempDirectory("sdk-bench");
        JdbcConnectionPool ds = TestDb.pool(TestDb.url(dir));
        Flyway.configure().dataSource(ds).locations(OutboxSchema.LOCATION).table(OutboxSchema.HISTORY_TABLE).load()
                .migrate();
        return ds;
    }

    static TcpLinkSettings settings(int port) {
        return TcpLinkSettings.defaults("127.0.0.1", port).withReconnect(Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    static double drain(int n, int simLimit, RetryPolicy policy) throws Exception {
        JdbcConnectionPool ds = db();
        Clock clock = Clock.systemUTC();
        JdbcOutbox outbox = new JdbcOutbox(ds, clock);
        fill(ds, outbox, n);
        try (CloudSimulator sim = new CloudSimulator(CloudSimSettings.of("200002", "21835", SECRET)
                .withRequestsPer10s(simLimit));
        ) {
            sim.start();
            TcpCloudLink real = new TcpCloudLink(settings(sim.port()), CREDS, clock);
            try (real; OutboxDispatcher d = new OutboxDispatcher(outbox, real, clock, policy)) {
                CountDownLatch up = new CountDownLatch(1);
                real.addStatusListener(s -> {
                    if (s == LinkStatus.LOGGED_IN) {
                        up.countDown();
                    }
                });
                real.start();
                up.await(10, TimeUnit.SECONDS);
                long t0 = System.nanoTime();
                long cpu0 = processCpuNanos();
                d.start();
                // harness polling, not test synchronisation; the count of the open rows (an index range that shrinks)
                // rather than a GROUP BY over every row, which took a core of its own from the dispatcher
                while (outbox.countUndelivered() > 0) {
                    TimeUnit.MILLISECONDS.sleep(50);
                }
                if (outbox.countByStatus().getOrDefault(DeliveryStatus.ACKNOWLEDGED, 0L) < n) {
                    throw new IllegalStateException("not every uplink was acknowledged: " + outbox.countByStatus());
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                double cpu = (processCpuNanos() - cpu0) / 1e9;
                // a figure the machine's load does not change much: the CPU the whole process (booth side and the
                // simulated cloud) spent per uplink, and the rate it would allow on two free cores
                System.out.printf("  %d uplinks in %.2f s, %.2f s of CPU (all threads, simulator included): %.0f µs "
                        + "a uplink; load average %s%n", n, secs, cpu, cpu * 1e6 / n, loadAverage());
                if (sim.rateLimitedCount() > 0) {
                    System.out.println("  WARNING: the simulator refused " + sim.rateLimitedCount()
                            + " requests (request_over_times)");
                }
                return n / secs;
            }
        }
    }

    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static ObjectNode log(int i) {
        ObjectNode o = WireCodec.MAPPER.createObjectNode();
        o.put("service_name", "park_log");
        o.put("data_target", "cloud");
        o.put("log_id", "L" + i);
        o.put("content", "bench entry " + i);
        o.put("operate_time", 1_700_000_000L);
        o.put("user_id", "u1");
        return o;
    }

    static List<Long> downlinkLatency(int n) throws Exception {
        List<Long> out = new ArrayList<>();
        try (CloudSimulator sim = new CloudSimulator(CloudSimSettings.of("200002", "21835", SECRET)
                .withRequestsPer10s(0))) {
            sim.start();
            TcpCloudLink link = new TcpCloudLink(settings(sim.port()), CREDS, Clock.systemUTC());
            try (link) {
                link.setDownlinkHandler(d -> WireCodec.MAPPER.createObjectNode().put("state", 1).put("price", "1.00"));
                link.start();
                while (sim.loggedInConnections() == 0) {
                    TimeUnit.MILLISECONDS.sleep(5);
                }
                for (int i = 0; i < n; i++) {
                    ObjectNode q = WireCodec.MAPPER.createObjectNode().put("service_name", "query_price")
                            .put("order_id", "O" + i).put("query_order_no", "q" + i).put("pay_scene", 0);
                    long t0 = System.nanoTime();
                    sim.pushDownlink(q).get(7, TimeUnit.SECONDS);
                    out.add(System.nanoTime() - t0);
                }
            }
        }
        Collections.sort(out);
        return out;
    }
}
