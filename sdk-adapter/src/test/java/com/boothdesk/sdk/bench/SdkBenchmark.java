// Run: mvn -B -q -pl sdk-adapter test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.boothdesk.sdk.bench.SdkBenchmark
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
 * outbox drain rate with the simulator unlimited and with the real limit, time from reconnect to first delivery, and
 * downlink answer latency p50 / p99. The command is at the top of this file.
 */
public final class SdkBenchmark {

    static final String SECRET = "EA2D90FEEF1E9F8E";
    static final CloudCredentials CREDS = new CloudCredentials("200002", "21835", "bench", SECRET);

    private SdkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int unlimited = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int limited = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        System.out.printf("outbox drain, simulator unlimited, %d uplinks: %.0f msg/s%n", unlimited,
                drain(unlimited, 0, RetryPolicy.unlimited()));
        System.out.printf("outbox drain, real limit (100/10 s, <10 orders/s), %d uplinks: %.1f msg/s%n", limited,
                drain(limited, 100, RetryPolicy.defaults()));
        List<Long> reconnect = reconnectToFirstDelivery(10);
        System.out.printf("reconnect to first delivery (ms, reconnectMin 200 ms, %d runs): median %d, max %d%n",
                reconnect.size(), reconnect.get(reconnect.size() / 2), reconnect.get(reconnect.size() - 1));
        List<Long> lat = downlinkLatency(2000);
        System.out.printf("downlink answer latency over %d pushes: p50 %.2f ms, p99 %.2f ms%n", lat.size(),
                lat.get(lat.size() / 2) / 1e6, lat.get((int) (lat.size() * 0.99)) / 1e6);
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
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                ObjectNode u = i % 3 == 0 ? new InPark("京A" + (10000 + i), 1_700_000_000L, "小车", "自动识别", "u1",
                        "B" + i, 5, "A1").toJson() : log(i);
                outbox.enqueue(c, u, null);
            }
            c.commit();
        }
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
                d.start();
                while (outbox.countByStatus().get(DeliveryStatus.ACKNOWLEDGED) < n) {
                    TimeUnit.MILLISECONDS.sleep(20); // harness polling, not test synchronisation
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                if (sim.rateLimitedCount() > 0) {
                    System.out.println("  WARNING: the simulator refused " + sim.rateLimitedCount()
                            + " requests (request_over_times)");
                }
                return n / secs;
            }
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

    static List<Long> reconnectToFirstDelivery(int runs) throws Exception {
        JdbcConnectionPool ds = db();
        Clock clock = Clock.systemUTC();
        JdbcOutbox outbox = new JdbcOutbox(ds, clock);
        List<Long> out = new ArrayList<>();
        try (CloudSimulator sim = new CloudSimulator(CloudSimSettings.of("200002", "21835", SECRET)
                .withRequestsPer10s(0))) {
            sim.start();
            TcpCloudLink link = new TcpCloudLink(settings(sim.port()), CREDS, clock);
            try (link; OutboxDispatcher d = new OutboxDispatcher(outbox, link, clock, RetryPolicy.defaults())) {
                link.start();
                d.start();
                for (int r = 0; r < runs; r++) {
                    while (link.status() != LinkStatus.LOGGED_IN) {
                        TimeUnit.MILLISECONDS.sleep(5);
                    }
                    sim.stop();
                    while (link.status() == LinkStatus.LOGGED_IN) {
                        TimeUnit.MILLISECONDS.sleep(1);
                    }
                    int before = sim.received().size();
                    long id = outbox.enqueue(log(100_000 + r), null);
                    d.wake();
                    long t0 = System.nanoTime();
                    sim.restart();
                    while (outbox.find(id).orElseThrow().status() != DeliveryStatus.ACKNOWLEDGED) {
                        TimeUnit.MILLISECONDS.sleep(1);
                    }
                    out.add((System.nanoTime() - t0) / 1_000_000);
                    if (sim.received().size() != before + 1) {
                        throw new IllegalStateException("unexpected delivery count");
                    }
                }
            }
        }
        Collections.sort(out);
        return out;
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
