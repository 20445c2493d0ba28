package com.boothdesk.sdk.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.sdk.link.CloudCredentials;
import com.boothdesk.sdk.link.LinkStatus;
import com.boothdesk.sdk.link.TcpCloudLink;
import com.boothdesk.sdk.link.TcpLinkSettings;
import com.boothdesk.sdk.sim.CloudSimSettings;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.boothdesk.sdk.sim.ReceivedUplink;
import com.boothdesk.sdk.testsupport.TestDb;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two booths' dispatchers on one outbox table (as on a site's shared database), each with its own cloud login, at
 * the real simulator: every message is delivered once, in order per order key, by the booth that wrote it while it is
 * there, and by the other one once it has been gone longer than the takeover time.
 */
class OutboxTwoBoothsTest {

    static final String SECRET = "EA2D90FEEF1E9F8E";

    @TempDir
    Path dir;
    CloudSimulator sim;
    DataSource ds;
    final Clock clock = Clock.systemUTC();
    TcpCloudLink linkA;
    TcpCloudLink linkB;
    JdbcOutbox outboxA;
    JdbcOutbox outboxB;
    OutboxDispatcher dispatcherA;
    OutboxDispatcher dispatcherB;

    @BeforeEach
    void setUp() throws Exception {
        sim = new CloudSimulator(CloudSimSettings.of("200002", "21835", SECRET).withRequestsPer10s(0));
        sim.start();
        ds = TestDb.migrated(dir);
        outboxA = new JdbcOutbox(ds, clock, "A", Duration.ofSeconds(1));
        outboxB = new JdbcOutbox(ds, clock, "B", Duration.ofSeconds(1));
        linkA = link("booth_channels_A1");
        linkB = link("booth_channels_B1");
        dispatcherA = new OutboxDispatcher(outboxA, linkA, clock, RetryPolicy.unlimited());
        dispatcherB = new OutboxDispatcher(outboxB, linkB, clock, RetryPolicy.unlimited());
    }

    private TcpCloudLink link(String localId) {
        return new TcpCloudLink(TcpLinkSettings.defaults("127.0.0.1", sim.port())
                .withHeartbeatInterval(Duration.ofMillis(300)).withReplyTimeout(Duration.ofSeconds(2))
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(300)),
                new CloudCredentials("200002", "21835", localId, SECRET), clock);
    }

    @AfterEach
    void tearDown() {
        dispatcherA.close();
        dispatcherB.close();
        linkA.close();
        linkB.close();
        sim.close();
    }

    private void write(JdbcOutbox outbox, String booth, int n) {
        for (int i = 0; i < n; i++) {
            String key = booth + "K" + (i % 3);
            outbox.enqueue(OutboxDispatcherTest.uplink(i % 2 == 0 ? "in_park" : "out_park", booth + "O" + i, i)
                    .put("remark", key), key);
        }
    }

    private void assertDeliveredOnceInOrder(int expected) {
        List<ReceivedUplink> got = sim.received();
        Set<String> seen = new HashSet<>();
        for (ReceivedUplink r : got) {
            assertThat(seen.add(r.serviceName() + "|" + r.data().path("order_id").asText()))
                    .as("delivered once: %s %s", r.serviceName(), r.data().path("order_id").asText()).isTrue();
        }
        assertThat(got).hasSize(expected);
        assertThat(sim.duplicateCount()).isZero();
        Map<String, List<Integer>> perKey = got.stream().collect(Collectors.groupingBy(
                r -> r.data().path("remark").asText(), Collectors.mapping(r -> r.data().path("empty_plot").asInt(),
                        Collectors.toList())));
        perKey.values().forEach(seq -> assertThat(seq).isSorted());
    }

    @Test
    void bothBoothsConnectedEachDeliversItsOwnOnce() {
        write(outboxA, "A", 24);
        write(outboxB, "B", 24);
        linkA.start();
        linkB.start();
        dispatcherA.start();
        dispatcherB.start();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outboxA.countByStatus().get(DeliveryStatus.ACKNOWLEDGED) == 48L);
        assertDeliveredOnceInOrder(48);
    }

    @Test
    void theMessagesOfABoothThatIsGoneAreDeliveredByTheOtherOnceAndInOrder() {
        // booth A wrote its messages and is gone (never connected); B is connected
        write(outboxA, "A", 30);
        linkB.start();
        dispatcherB.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> linkB.status() == LinkStatus.LOGGED_IN);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outboxB.countByStatus().get(DeliveryStatus.ACKNOWLEDGED) == 30L);
        assertDeliveredOnceInOrder(30);
        assertThat(outboxB.recent(100)).allSatisfy(e -> assertThat(e.status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED));
    }

    @Test
    void aBoothThatComesBackAfterATakeoverSendsNothingTwice() {
        write(outboxA, "A", 12);
        linkB.start();
        dispatcherB.start();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outboxB.countByStatus().get(DeliveryStatus.ACKNOWLEDGED) == 12L);
        // A returns and writes more: it delivers those, and nothing B already delivered
        linkA.start();
        dispatcherA.start();
        write(outboxA, "A2", 12);
        dispatcherA.wake();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outboxA.countByStatus().get(DeliveryStatus.ACKNOWLEDGED) == 24L);
        assertDeliveredOnceInOrder(24);
    }
}
