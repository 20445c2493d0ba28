package com.boothdesk.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.testing.MutableClock;
import com.boothdesk.app.testing.TestBooth;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;
import com.boothdesk.sdk.link.LinkStatus;
import com.boothdesk.sdk.message.QueryOrderPayment;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The driver scans the exit QR code and pays, but the payment message never reaches the booth: the booth answered
 * the price, then (2.19, as the seed says) asks query_order from 10 s on, finds the payment and lets the car out.
 * The link's clock is moved by hand, so the 10 s pass at once.
 */
class ExitQrPaymentTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path data;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T00:00:00Z"), ZoneId.of("Asia/Shanghai"));
    MutableClock linkClock = new MutableClock(Instant.now(), ZoneId.of("UTC"));
    BoothApp app;
    CloudSimulator cloud;

    @BeforeEach
    void start() {
        app = BoothApp.start(TestBooth.config(data), clock, linkClock);
        await().atMost(WAIT).until(() -> app.cloudLink().orElseThrow().status() == LinkStatus.LOGGED_IN);
        cloud = app.cloudSimulator().orElseThrow();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aPaymentFoundByPollingReleasesTheWaitingCar() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + app.cameraPort() + "/");
        new SimulatedZhenshiCamera(uri, "SIM-CAM-A1", "127.0.0.1", clock).push("京Q00009");
        await().atMost(WAIT).until(() -> app.orders().findInLot("京Q00009").isPresent());
        ParkingOrder order = app.orders().findInLot("京Q00009").orElseThrow();
        clock.advance(Duration.ofHours(3));
        new SimulatedZhenshiCamera(uri, "SIM-CAM-B1", "127.0.0.1", clock).push("京Q00009");
        await().atMost(WAIT).until(() -> app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);

        ObjectNode price = cloud.pushDownlink((ObjectNode) WireCodec.MAPPER.readTree("{\"service_name\":\"query_price\","
                + "\"pay_scene\":1,\"out_channel_id\":\"B1\",\"query_order_no\":\"q-9\",\"park_id\":\"24155\"}"))
                .get(10, TimeUnit.SECONDS);
        assertThat(price.path("price").asText()).isEqualTo("7.00");

        long paidAt = clock.instant().getEpochSecond();
        cloud.addPayment(order.orderId(), new QueryOrderPayment(1, "京Q00009", order.orderId(), "scancode", "outpay",
                0, order.inTime().getEpochSecond(), paidAt, paidAt, 700, "查询成功", "paauthcode2001591").toJson());
        assertThat(cloud.received("query_order")).as("nothing asked before 10 s").isEmpty();

        linkClock.advance(Duration.ofSeconds(11));
        await().atMost(WAIT).until(() -> app.lane("B1").state().get().phase() == LanePhase.RELEASED);
        ParkingOrder closed = app.orders().find(order.orderId()).orElseThrow();
        assertThat(closed.paymentMethod()).isEqualTo(PaymentMethod.PREPAID);
        assertThat(closed.prepaidFen()).isEqualTo(700);
        assertThat(cloud.received("query_order")).isNotEmpty()
                .allSatisfy(q -> assertThat(q.data().path("order_id").asText()).isEqualTo(order.orderId()));
    }
}
