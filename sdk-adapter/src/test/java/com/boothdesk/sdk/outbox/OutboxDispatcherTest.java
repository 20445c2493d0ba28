package com.boothdesk.sdk.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.sdk.link.CloudCredentials;
import com.boothdesk.sdk.link.LinkStatus;
import com.boothdesk.sdk.link.TcpCloudLink;
import com.boothdesk.sdk.link.TcpLinkSettings;
import com.boothdesk.sdk.message.InPark;
import com.boothdesk.sdk.sim.CloudSimSettings;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.boothdesk.sdk.sim.ReceivedUplink;
import com.boothdesk.sdk.testsupport.TestDb;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxDispatcherTest {

    static final String SECRET = "EA2D90FEEF1E9F8E";
    static final CloudCredentials CREDS = new CloudCredentials("200002", "21835", "booth1", SECRET);

    @TempDir
    Path dir;
    CloudSimulator sim;
    TcpCloudLink link;
    JdbcOutbox outbox;
    OutboxDispatcher dispatcher;
    DataSource ds;
    final Clock clock = Clock.systemUTC();

    @BeforeEach
    void setUp() throws Exception {
        sim = new CloudSimulator(CloudSimSettings.of("200002", "21835", SECRET).withRequestsPer10s(0));
        sim.start();
        ds = TestDb.migrated(dir);
        outbox = new JdbcOutbox(ds, clock);
        link = new TcpCloudLink(TcpLinkSettings.defaults("127.0.0.1", sim.port())
                .withHeartbeatInterval(Duration.ofMillis(300)).withReplyTimeout(Duration.ofSeconds(2))
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(300)), CREDS, clock);
    }

    @AfterEach
    void tearDown() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        link.close();
        sim.close();
    }

    static ObjectNode uplink(String service, String orderId, int seq) {
        ObjectNode o = new InPark("京A12345", 1_700_000_000L + seq, "小车", "自动识别", "u1", orderId, seq, "A1")
                .toJson();
        o.put("service_name", service);
        return o;
    }

    @Test
    void deliversEverythingInOrderPerKey() {
        dispatcher = new OutboxDispatcher(outbox, link, clock, RetryPolicy.unlimited());
        for (int i = 0; i < 30; i++) {
            String key = "K" + (i % 3);
            outbox.enqueue(uplink(i % 2 == 0 ? "in_park" : "out_park", "O" + i, i).put("remark", key), key);
        }
        link.start();
        dispatcher.start();
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> outbox.countByStatus().get(DeliveryStatus.ACKNOWLEDGED) == 30L);
        Map<String, List<Integer>> perKey = sim.received().stream().collect(Collectors.groupingBy(
                r -> r.data().path("remark").asText(), Collectors.mapping(r -> r.data().path("empty_plot").asInt(),
                        Collectors.toList())));
        assertThat(perKey.get("K0")).isSorted().hasSize(10);
        assertThat(perKey.get("K1")).isSorted().hasSize(10);
        assertThat(perKey.get("K2")).isSorted().hasSize(10);
    }

    @Test
    void waitsForTheCloudAndDeliversAfterAnOutage() throws Exception {
        sim.setOutage(true);
        dispatcher = new OutboxDispatcher(outbox, link, clock, RetryPolicy.unlimited());
        long id = outbox.enqueue(uplink("in_park", "A1_5", 1), null);
        link.start();
        dispatcher.start();
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() == LinkStatus.DOWN);
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
        sim.setOutage(false);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> outbox.find(id).orElseThrow().status() == DeliveryStatus.ACKNOWLEDGED);
        assertThat(sim.received("in_park")).hasSize(1);
    }

    @Test
    void aDuplicateAnswerCountsAsDeliveredAndListenersSeeEveryState() throws Exception {
        link.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        link.send(uplink("in_park", "A1_6", 1)).get();
        dispatcher = new OutboxDispatcher(outbox, link, clock, RetryPolicy.unlimited());
        Map<DeliveryStatus, Boolean> seen = new ConcurrentHashMap<>();
        dispatcher.addListener(e -> seen.put(e.status(), true));
        long id = outbox.enqueue(uplink("in_park", "A1_6", 1), null);
        dispatcher.start();
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> outbox.find(id).orElseThrow().status() == DeliveryStatus.ACKNOWLEDGED);
        assertThat(outbox.find(id).orElseThrow().lastError()).contains("数据已处理过");
        assertThat(seen).containsKeys(DeliveryStatus.SENT, DeliveryStatus.ACKNOWLEDGED);
        assertThat(sim.received("in_park")).hasSize(1);
    }

    @Test
    void resumesSentButUnacknowledgedEntriesAfterARestart() {
        long id = outbox.enqueue(uplink("in_park", "A1_8", 1), null);
        outbox.markSent(id);
        dispatcher = new OutboxDispatcher(outbox, link, clock, RetryPolicy.unlimited());
        link.start();
        dispatcher.start();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> outbox.find(id).orElseThrow().status() == DeliveryStatus.ACKNOWLEDGED);
        assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(2);
        assertThat(sim.received("in_park")).extracting(ReceivedUplink::serviceName).containsExactly("in_park");
    }

    @Test
    void anOversizeUplinkFailsWithItsReasonAndDoesNotBlockItsKey() {
        ObjectNode big = WireCodec.MAPPER.createObjectNode();
        big.put("service_name", "park_log");
        big.put("data_target", "cloud");
        big.put("content", "x".repeat(2000));
        long bad = outbox.enqueue(big, "K");
        long good = outbox.enqueue(uplink("in_park", "K", 1), "K");
        dispatcher = new OutboxDispatcher(outbox, link, clock, RetryPolicy.unlimited());
        link.start();
        dispatcher.start();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> outbox.find(good).orElseThrow().status() == DeliveryStatus.ACKNOWLEDGED);
        OutboxEntry failed = outbox.find(bad).orElseThrow();
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.lastError()).contains("1024");
    }

    @Test
    void garbledAnswersAreRetriedUntilEverythingIsDelivered() {
        link.close();
        link = new TcpCloudLink(TcpLinkSettings.defaults("127.0.0.1", sim.port())
                .withReplyTimeout(Duration.ofMillis(300)).withReconnect(Duration.ofMillis(50), Duration.ofMillis(300)),
                CREDS, clock);
        dispatcher = new OutboxDispatcher(outbox, link, clock,
                RetryPolicy.unlimited().withDelays(Duration.ofMillis(20), Duration.ofMillis(100)));
        for (int i = 0; i < 20; i++) {
            outbox.enqueue(uplink("in_park", "G" + i, i), null);
        }
        link.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        sim.garbleNext(8);
        dispatcher.start();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outbox.countByStatus().get(DeliveryStatus.ACKNOWLEDGED) == 20L);
        assertThat(sim.received("in_park")).hasSize(20);
        assertThat(outbox.recent(20)).anySatisfy(e -> assertThat(e.attempts()).isGreaterThan(1));
    }

    @Test
    void theDefaultPolicyNeverHitsTheCloudsRateLimit() {
        sim.close();
        sim = new CloudSimulator(CloudSimSettings.of("200002", "21835", SECRET)); // the real 100 / 10 s limit
        java.util.List<Long> inParkArrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
        sim.addListener(r -> {
            if (r.serviceName().equals("in_park")) {
                inParkArrivals.add(System.nanoTime());
            }
        });
        try {
            sim.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        link.close();
        link = new TcpCloudLink(TcpLinkSettings.defaults("127.0.0.1", sim.port()), CREDS, clock);
        dispatcher = new OutboxDispatcher(outbox, link, clock, RetryPolicy.defaults());
        for (int i = 0; i < 105; i++) {
            ObjectNode u = i < 30 ? uplink("in_park", "R" + i, i) : WireCodec.MAPPER.createObjectNode()
                    .put("service_name", "park_log").put("data_target", "cloud").put("log_id", "L" + i)
                    .put("content", "c").put("operate_time", 1).put("user_id", "u");
            outbox.enqueue(u, null);
        }
        link.start();
        dispatcher.start();
        await().atMost(Duration.ofSeconds(40))
                .until(() -> outbox.countByStatus().get(DeliveryStatus.ACKNOWLEDGED) == 105L);
        assertThat(sim.rateLimitedCount()).isZero();
        assertThat(sim.received()).hasSize(105);
        // never more than 9 orders in any one second
        for (int i = 9; i < inParkArrivals.size(); i++) {
            assertThat(inParkArrivals.get(i) - inParkArrivals.get(i - 9)).isGreaterThanOrEqualTo(1_000_000_000L);
        }
    }

    @Test
    void anUplinkCutOffByAnOutageGoesWithinTwoSecondsOfTheCloudsReturn() throws Exception {
        link.close();
        // the production link settings and policy
        link = new TcpCloudLink(TcpLinkSettings.defaults("127.0.0.1", sim.port()), CREDS, clock);
        dispatcher = new OutboxDispatcher(outbox, link, clock, RetryPolicy.defaults());
        link.start();
        dispatcher.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        sim.setStalled(true); // the cloud stops answering: the uplink stays in flight
        long id = outbox.enqueue(uplink("in_park", "CUT1", 1), "CUT1");
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.find(id).orElseThrow().status()
                == DeliveryStatus.SENT);
        sim.stop(); // then goes away: the in-flight uplink fails with the link, not with a backoff of its own
        sim.setStalled(false);
        long attempts = link.connectAttempts();
        await().atMost(Duration.ofSeconds(30)).until(() -> link.connectAttempts() >= attempts + 7);
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
        sim.start();
        long t0 = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.find(id).orElseThrow().status()
                == DeliveryStatus.ACKNOWLEDGED);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThanOrEqualTo(2000);
        assertThat(sim.received("in_park")).extracting(r -> r.data().path("order_id").asText()).contains("CUT1");
    }

    @Test
    void withoutTheLimiterTheSimulatorDoesRefuse() {
        sim.close();
        sim = new CloudSimulator(CloudSimSettings.of("200002", "21835", SECRET));
        try {
            sim.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        link.close();
        link = new TcpCloudLink(TcpLinkSettings.defaults("127.0.0.1", sim.port()), CREDS, clock);
        link.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        java.util.List<java.util.concurrent.CompletableFuture<ObjectNode>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 110; i++) {
            sent.add(link.send(WireCodec.MAPPER.createObjectNode().put("service_name", "park_log")
                    .put("data_target", "cloud").put("log_id", "X" + i)));
        }
        assertThat(sent).map(f -> f.join().path("errmsg").asText()).filteredOn(m -> m.contains("request_over_times"))
                .hasSize(10);
    }

    /**
     * A booth's claim on its rows lasts the takeover time from its last claim. A batch paced by the rate limiter
     * (here one uplink every 200 ms: 20 uplinks take 4 s against a 2 s takeover) used to be sent to its end on one
     * claim, so for its second half another booth could take the rows still to go and send them too. The dispatcher
     * now claims again once half the takeover has passed: the claim never lapses while this booth is sending.
     */
    @Test
    void aBatchLongerThanTheTakeoverTimeIsClaimedAgainSoTheClaimNeverLapsesWhileItSends() throws Exception {
        JdbcOutbox leased = new JdbcOutbox(ds, clock, "A", Duration.ofSeconds(2));
        RetryPolicy paced = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(5), 5, 10,
                Duration.ofSeconds(2), 0, 1.0, 0);
        for (int i = 0; i < 20; i++) {
            leased.enqueue(uplink("in_park", "L" + i, i), "L" + i);
        }
        link.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        dispatcher = new OutboxDispatcher(leased, link, clock, paced);
        java.util.List<String> lapses = new java.util.concurrent.CopyOnWriteArrayList<>();
        dispatcher.start();
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            long open = leased.countUndelivered();
            long aliveUntil = aliveUntil("A");
            long now = clock.millis();
            if (open > 0 && aliveUntil >= 0 && aliveUntil < now) {
                lapses.add(open + " undelivered, claim lapsed " + (now - aliveUntil) + " ms ago");
            }
            return open == 0;
        });
        assertThat(lapses).as("moments the claim had lapsed with uplinks still to send").isEmpty();
        assertThat(sim.received("in_park")).hasSize(20);
    }

    private long aliveUntil(String claimant) throws java.sql.SQLException {
        try (java.sql.Connection c = ds.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT alive_until FROM sdk_outbox_claimant WHERE claimant = ?")) {
            ps.setString(1, claimant);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }
}
