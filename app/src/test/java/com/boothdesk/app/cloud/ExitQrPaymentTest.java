package com.boothdesk.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.testing.MutableClock;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.sdk.message.QueryOrderPayment;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The driver scans the exit QR code and pays, but the payment message never reaches the booth: the booth answered
 * the price, then (2.19, as the seed says) asks query_order from 10 s on, finds the payment and lets the car out.
 * The link's clock is moved by hand, so the 10 s pass at once.
 */
class ExitQrPaymentTest {

    static final Duration WAIT = RunningBooth.WAIT;

    @TempDir
    Path data;
    MutableClock linkClock = new MutableClock(Instant.now(), ZoneId.of("UTC"));
    RunningBooth booth;
    MutableClock clock;
    BoothApp app;
    CloudSimulator cloud;

    @BeforeEach
    void start() {
        booth = RunningBooth.start(data, linkClock);
        clock = booth.clock;
        app = booth.app;
        cloud = booth.cloud();
    }

    @AfterEach
    void stop() {
        booth.close();
    }

    @Test
    void aPaymentFoundByPollingReleasesTheWaitingCar() throws Exception {
        ParkingOrder order = app.orders().find(booth.enter("京Q00009")).orElseThrow();
        clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push("京Q00009");
        await().atMost(WAIT).until(() -> app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);

        ObjectNode price = booth.push("{'service_name':'query_price','pay_scene':1,'out_channel_id':'B1',"
                + "'query_order_no':'q-9','park_id':'24155'}");
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
