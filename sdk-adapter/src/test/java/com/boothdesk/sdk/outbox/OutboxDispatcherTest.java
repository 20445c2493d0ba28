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
    final Clock clock = Clock.systemUTC();

    @BeforeEach
    void setUp() throws Exception {
        sim = new CloudSimulator(CloudSimSettings.of("200002", "21835", SECRET).withRequestsPer10s(0));
        sim.start();
        DataSource ds = TestDb.migrated(dir);
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
        sim.stop();
        dispatcher = new OutboxDispatcher(outbox, link, clock, RetryPolicy.unlimited());
        long id = outbox.enqueue(uplink("in_park", "A1_5", 1), null);
        link.start();
        dispatcher.start();
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> link.status() == LinkStatus.DOWN);
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
        sim.restart();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> outbox.find(id).orElseThrow().status() == DeliveryStatus.ACKNOWLEDGED);
        assertThat(sim.received("in_park")).hasSize(1);
    }

    @Test
    void aDuplicateAnswerCountsAsDeliveredAndListenersSeeEveryState() throws Exception {
        link.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> link.status() == LinkStatus.LOGGED_IN);
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
}
