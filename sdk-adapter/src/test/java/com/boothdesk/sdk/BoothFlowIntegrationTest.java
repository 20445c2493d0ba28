package com.boothdesk.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.sdk.link.CloudCredentials;
import com.boothdesk.sdk.link.TcpCloudLink;
import com.boothdesk.sdk.link.TcpLinkSettings;
import com.boothdesk.sdk.message.InPark;
import com.boothdesk.sdk.message.OutPark;
import com.boothdesk.sdk.message.PayType;
import com.boothdesk.sdk.message.PaymentNotice;
import com.boothdesk.sdk.message.QueryPrice;
import com.boothdesk.sdk.outbox.DeliveryStatus;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.outbox.OutboxDispatcher;
import com.boothdesk.sdk.outbox.RetryPolicy;
import com.boothdesk.sdk.poll.PaymentStatusPoller;
import com.boothdesk.sdk.sim.CloudSimSettings;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.boothdesk.sdk.sim.ReceivedUplink;
import com.boothdesk.sdk.sim.Scenarios;
import com.boothdesk.sdk.testsupport.TestDb;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole booth flow the way the application wires it: entry through the outbox, the exit-QR price query answered
 * with the typed message, the payment acknowledged once, the 2.19 poll stopped by the payment, the exit settled.
 */
class BoothFlowIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void entryQrPaymentAndExit() throws Exception {
        Clock clock = Clock.systemUTC();
        CloudCredentials creds = new CloudCredentials("200002", "21835",
                CloudCredentials.localIdWithChannels("booth1", "A1", "A2"), "EA2D90FEEF1E9F8E");
        DataSource ds = TestDb.migrated(dir);
        List<PaymentNotice> payments = new CopyOnWriteArrayList<>();
        try (CloudSimulator sim = new CloudSimulator(CloudSimSettings.of("200002", "21835", creds.secret()));
             TcpCloudLink link = new TcpCloudLink(TcpLinkSettings.defaults("127.0.0.1", startedPort(sim)), creds,
                     clock);
             PaymentStatusPoller poller = new PaymentStatusPoller(link, clock)) {
            JdbcOutbox outbox = new JdbcOutbox(ds, clock);
            link.setDownlinkHandler(d -> {
                switch (d.path("service_name").asText()) {
                    case QueryPrice.SERVICE_NAME -> {
                        QueryPrice q = QueryPrice.fromJson(d);
                        long now = clock.instant().getEpochSecond();
                        poller.watch("A2_100", "京A12345", clock.instant(), r -> { });
                        return q.answer("A2_100", "京A12345", 1200, 1500, 95, 15, now, 300);
                    }
                    case "prepay_order", "outpark" -> {
                        PaymentNotice p = PaymentNotice.fromJson(d);
                        payments.add(p);
                        poller.stop(p.orderId());
                        return p.acknowledge(true, "success");
                    }
                    default -> {
                        return null;
                    }
                }
            });
            try (OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, link, clock, RetryPolicy.defaults())) {
                link.start();
                dispatcher.start();
                poller.start();

                try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    outbox.enqueue(c, new InPark("京A12345", 1_700_000_000L, "小车", "自动识别", "u1", "A2_100", 99,
                            "A1").toJson(), "A2_100");
                    c.commit();
                }
                dispatcher.wake();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> outbox.countByStatus().get(DeliveryStatus.ACKNOWLEDGED) == 1L);

                List<ObjectNode> answers = new Scenarios(sim, Duration.ofSeconds(5), 0.01).qrPayment("A2", 0)
                        .get(10, TimeUnit.SECONDS);
                assertThat(answers.get(0).path("price").asText()).isEqualTo("12.00");
                assertThat(answers.get(1).path("state").asInt()).isEqualTo(1);
                assertThat(payments).singleElement().satisfies(p -> {
                    assertThat(p.amountFen()).isEqualTo(1200);
                    assertThat(p.orderId()).isEqualTo("A2_100");
                });
                assertThat(poller.watching()).isEmpty();

                outbox.enqueue(OutPark.builder().carNumber("京A12345").inTimeEpochSec(1_700_000_000L)
                        .outTimeEpochSec(1_700_005_700L).uid("u1").carType("小车").cType("自动识别")
                        .payType(PayType.SCANCODE).emptyPlot(100).totalFen(0).orderId("A2_100")
                        .amountReceivableFen(1500).electronicPrepayFen(1200L).reduceAmountFen(300L).outUid("u2")
                        .outChannelId("A2").build().toJson()
                        // a car that paid by scanning the exit QR is not sent as 2.2: 2.3 completes the record
                        .put("service_name", "upload_order").put("data_target", "cloud"), "A2_100");
                dispatcher.wake();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> outbox.countByStatus().get(DeliveryStatus.ACKNOWLEDGED) == 2L);
                assertThat(sim.received()).extracting(ReceivedUplink::serviceName)
                        .containsSubsequence("in_park", "query_price", "prepay_order", "upload_order");
            }
        }
    }

    private static int startedPort(CloudSimulator sim) throws Exception {
        sim.start();
        return sim.port();
    }
}
