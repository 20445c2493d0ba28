package com.boothdesk.app.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.sim.CardEvent;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.boothdesk.sdk.sim.PaymentPeer;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Payments at the exit through the whole booth: the cloud simulator over the real TCP link, H2 in a temp folder, the
 * exit lane's card on a pty. Each test asserts the effect (order, payment records, gate frame, panel state) and the
 * booth's answer.
 */
class ExitPaymentsThroughTheBoothTest {

    static final Duration WAIT = RunningBooth.WAIT;

    @TempDir
    Path data;
    RunningBooth booth;

    @AfterEach
    void stop() {
        if (booth != null) {
            booth.close();
        }
    }

    private ParkingOrder waitingAtB1(String plate, String... keys) {
        booth = RunningBooth.start(data, keys);
        ParkingOrder order = booth.app.orders().find(booth.enter(plate)).orElseThrow();
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push(plate);
        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);
        await().atMost(WAIT).until(() -> pay().state("B1").get().phase() == PayState.Phase.WAITING);
        return order;
    }

    private ExitPayments pay() {
        return booth.app.payments().exits();
    }

    private CloudSimulator cloud() {
        return booth.cloud();
    }

    private boolean gateOpened() {
        return booth.app.hardware().simulatedCard("B1").orElseThrow().events().stream()
                .anyMatch(e -> e instanceof CardEvent.GateOpened);
    }

    @Test
    void theExitCodeIsShownAndTheDriverPaysAndTheGateOpensByItself() throws Exception {
        ParkingOrder order = waitingAtB1("京Q00009");
        PayState shown = pay().state("B1").get();
        assertThat(shown.amountFen()).isEqualTo(700);
        assertThat(shown.code()).startsWith("https://s.bolink.club/unionapi/thirdtopayorder?params=["
                + order.orderId() + "%2C7%2C");
        assertThat(shown.codeExpiry()).isEqualTo(booth.clock.instant().plusSeconds(60).truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS));

        ObjectNode answer = cloud().payments().driverPays("B1").get(10, TimeUnit.SECONDS);
        assertThat(answer.path("state").asInt()).isEqualTo(1);
        assertThat(answer.path("order_id").asText()).isEqualTo(order.orderId());
        assertThat(answer.path("data_target").asText()).isEqualTo("bolink");

        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.RELEASED);
        await().atMost(WAIT).until(this::gateOpened);
        ParkingOrder closed = booth.app.orders().find(order.orderId()).orElseThrow();
        assertThat(closed.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(closed.paymentMethod()).isEqualTo(PaymentMethod.PREPAID);
        assertThat(closed.prepaidFen()).isEqualTo(700);
        assertThat(pay().state("B1").get().phase()).isEqualTo(PayState.Phase.PAID);
        assertThat(booth.app.payments().store().forOrder(order.orderId()))
                .singleElement().satisfies(r -> {
                    assertThat(r.kind()).isEqualTo(PaymentRecord.Kind.OUTPARK);
                    assertThat(r.payType()).isEqualTo("scancode");
                    assertThat(r.channel()).isEqualTo("wechat");
                    assertThat(r.amountFen()).isEqualTo(700);
                });
        // the completed order goes up as 2.3 upload_order with the payment's pay_type
        await().atMost(WAIT).until(() -> !cloud().received("upload_order").isEmpty());
        assertThat(cloud().received("upload_order").get(0).data().path("pay_type").asText()).isEqualTo("scancode");
        assertThat(cloud().received("upload_order").get(0).data().path("electronic_pay").asText()).isEqualTo("7.00");

        // the same 3.4 again: answered again, paid once
        ObjectNode again = cloud().pushDownlink(cloud().payments().outparks().get(0)).get(10, TimeUnit.SECONDS);
        assertThat(again.path("state").asInt()).isEqualTo(1);
        assertThat(booth.app.orders().find(order.orderId()).orElseThrow().prepaidFen()).isEqualTo(700);
        assertThat(booth.app.payments().store().forOrder(order.orderId())).hasSize(1);
    }

    @Test
    void aBoothPayCodeIsPaidWith22AndTheGateOpensOn34() throws Exception {
        ParkingOrder order = waitingAtB1("京Q00010");
        PayState sent = pay().payByCode("B1", "134567890123456789", "scanner").get(10, TimeUnit.SECONDS);
        assertThat(sent.phase()).isIn(PayState.Phase.PAYING, PayState.Phase.PAID);
        var outPark = cloud().received("out_park").stream()
                .filter(u -> u.data().path("pay_type").asText().equals("sweepcode")).findFirst().orElseThrow();
        assertThat(outPark.data().path("auth_code").asText()).isEqualTo("134567890123456789");
        assertThat(outPark.data().path("order_id").asText()).isEqualTo(order.orderId());

        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.RELEASED);
        await().atMost(WAIT).until(this::gateOpened);
        assertThat(booth.app.orders().find(order.orderId()).orElseThrow().prepaidFen()).isEqualTo(700);
        assertThat(booth.app.payments().store().forOrder(order.orderId())).extracting(PaymentRecord::kind)
                .containsExactly(PaymentRecord.Kind.BOOTH_PAY, PaymentRecord.Kind.OUTPARK);
    }

    @Test
    void aFailedPaymentAsksTheAttendantForCashAndCashStillWorks() throws Exception {
        ParkingOrder order = waitingAtB1("京Q00011");
        cloud().payments().boothPayOutcome(PaymentPeer.BoothPayOutcome.FAILURE);
        pay().payByCode("B1", "134567890123456789", "scanner").get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> pay().state("B1").get().phase() == PayState.Phase.FAILED);
        assertThat(pay().state("B1").get().messageKey()).isEqualTo("pay.failed");
        assertThat(booth.app.lane("B1").state().get().phase()).isEqualTo(LanePhase.AWAITING_PAYMENT);
        assertThat(gateOpened()).isFalse();

        booth.app.lane("B1").settleCash(700).get(10, TimeUnit.SECONDS);
        ParkingOrder closed = booth.app.orders().find(order.orderId()).orElseThrow();
        assertThat(closed.paymentMethod()).isEqualTo(PaymentMethod.CASH);
        await().atMost(WAIT).until(() -> cloud().received("out_park").stream()
                .anyMatch(u -> u.data().path("pay_type").asText().equals("cash")));
    }

    @Test
    void a34InProgressShowsPayingAndAFailureShowsFailed() throws Exception {
        ParkingOrder order = waitingAtB1("京Q00012");
        ObjectNode paying = cloud().payments().outpark(2, order.orderId(), "wallet", 2, "7", "京Q00012", "B1",
                "支付中");
        assertThat(cloud().pushDownlink(paying).get(10, TimeUnit.SECONDS).path("state").asInt()).isEqualTo(1);
        await().atMost(WAIT).until(() -> pay().state("B1").get().phase() == PayState.Phase.PAYING);
        ObjectNode failed = cloud().payments().outpark(0, order.orderId(), "wallet", 2, "7", "京Q00012", "B1",
                "余额不足");
        assertThat(cloud().pushDownlink(failed).get(10, TimeUnit.SECONDS).path("state").asInt()).isEqualTo(1);
        await().atMost(WAIT).until(() -> pay().state("B1").get().phase() == PayState.Phase.FAILED);
        assertThat(pay().state("B1").get().args()).containsExactly("余额不足");
        assertThat(booth.app.orders().find(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.IN_LOT);
    }

    @Test
    void a34WithoutItsKeyFieldsIsAnsweredState0NamingThem() throws Exception {
        booth = RunningBooth.start(data);
        ObjectNode a = booth.push("{'service_name':'outpark','state':1,'order_id':'X1'}");
        assertThat(a.path("state").asInt()).isZero();
        assertThat(a.path("errmsg").asText()).contains("trade_no");
    }

    static BoothApp unused() {
        return null;
    }
}
