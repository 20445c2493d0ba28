package com.boothdesk.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.payment.PayState;
import com.boothdesk.app.payment.PaymentRecord;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.sim.CardEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 7.4 {@code sweepcode}, the smart screen's code read at an exit, sent by the cloud simulator's smart-screen peer over
 * the real TCP link to the running booth (no window): its answer and its effect. Type 1 (the driver's pay code) is paid
 * with 2.2 sweepcode and the gate opens on the 3.4 that follows; type 2 (a "paid" code shown while the booth was
 * offline) opens the gate and is kept for reconciliation, once; bad input is answered state 0 naming the field.
 */
class SmartScreenDownlinksThroughTheBoothTest {

    static final Duration WAIT = RunningBooth.WAIT;

    @TempDir
    Path data;
    RunningBooth booth;

    @BeforeEach
    void start() {
        booth = RunningBooth.start(data);
    }

    @AfterEach
    void stop() {
        booth.close();
    }

    /** A car that stayed three hours (7.00) waits to pay at the exit B1. */
    ParkingOrder waitingAtB1(String plate) {
        ParkingOrder order = booth.app.orders().find(booth.enter(plate)).orElseThrow();
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push(plate);
        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);
        return order;
    }

    boolean gateOpened() {
        return booth.app.hardware().simulatedCard("B1").orElseThrow().events().stream()
                .anyMatch(e -> e instanceof CardEvent.GateOpened);
    }

    @Test
    void aPayCodeReadByTheSmartScreenIsPaidWith22AndTheGateOpensOn34() throws Exception {
        ParkingOrder order = waitingAtB1("京S74001");

        ObjectNode answer = booth.cloud().payments().screenPayCode("B1", "134567890123456789")
                .get(10, TimeUnit.SECONDS);

        assertThat(answer.path("state").asInt()).as("answer %s", answer).isEqualTo(1);
        assertThat(answer.path("service_name").asText()).isEqualTo("sweepcode");
        await().atMost(WAIT).until(() -> booth.cloud().received("out_park").stream()
                .anyMatch(u -> u.data().path("pay_type").asText().equals("sweepcode")));
        var outPark = booth.cloud().received("out_park").stream()
                .filter(u -> u.data().path("pay_type").asText().equals("sweepcode")).findFirst().orElseThrow();
        assertThat(outPark.data().path("auth_code").asText()).isEqualTo("134567890123456789");
        assertThat(outPark.data().path("order_id").asText()).isEqualTo(order.orderId());

        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.RELEASED);
        await().atMost(WAIT).until(this::gateOpened);
        assertThat(booth.app.payments().exits().state("B1").get().phase()).isEqualTo(PayState.Phase.PAID);
        assertThat(booth.app.orders().find(order.orderId()).orElseThrow().prepaidFen()).isEqualTo(700);
        assertThat(booth.app.payments().store().forOrder(order.orderId())).extracting(PaymentRecord::kind)
                .containsExactly(PaymentRecord.Kind.BOOTH_PAY, PaymentRecord.Kind.OUTPARK);
    }

    @Test
    void anOfflinePaidCodeOpensTheGateAndIsKeptOnceForReconciliation() throws Exception {
        ParkingOrder order = waitingAtB1("京S74002");

        ObjectNode answer = booth.cloud().payments().screenPaidCode("B1", "PAID:京S74002:" + order.orderId())
                .get(10, TimeUnit.SECONDS);

        assertThat(answer.path("state").asInt()).as("answer %s", answer).isEqualTo(1);
        assertThat(answer.path("service_name").asText()).isEqualTo("sweepcode");
        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.RELEASED);
        await().atMost(WAIT).until(this::gateOpened);
        assertThat(booth.app.orders().find(order.orderId()).orElseThrow().prepaidFen()).isEqualTo(700);
        assertThat(booth.app.payments().store().forOrder(order.orderId())).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(PaymentRecord.Kind.OFFLINE_PAID_CODE);
            assertThat(r.amountFen()).isEqualTo(700);
            assertThat(r.detail()).contains("待对账");
        });

        // the same code again once the car has left: answered, nothing recorded or paid twice
        ObjectNode again = booth.cloud().payments().screenPaidCode("B1", "PAID:京S74002:" + order.orderId())
                .get(10, TimeUnit.SECONDS);
        assertThat(again.path("state").asInt()).isZero();
        assertThat(again.path("errmsg").asText()).isEqualTo("出口无待缴费车辆");
        assertThat(booth.app.payments().store().forOrder(order.orderId())).hasSize(1);
        assertThat(booth.app.orders().find(order.orderId()).orElseThrow().prepaidFen()).isEqualTo(700);
    }

    @Test
    void badCodesAreAnsweredState0NamingTheFieldAndPayNothing() throws Exception {
        ParkingOrder order = waitingAtB1("京S74003");

        ObjectNode noType = booth.push("{'service_name':'sweepcode','channel_id':'B1','authcode':'134567890123456789'}");
        assertThat(noType.path("state").asInt()).isZero();
        assertThat(noType.path("errmsg").asText()).isEqualTo("缺少字段 type");
        ObjectNode badCode = booth.push("{'service_name':'sweepcode','type':1,'channel_id':'B1','authcode':'12ab'}");
        assertThat(badCode.path("state").asInt()).isZero();
        assertThat(badCode.path("errmsg").asText()).contains("authcode");
        ObjectNode noInfo = booth.push("{'service_name':'sweepcode','type':2,'channel_id':'B1'}");
        assertThat(noInfo.path("errmsg").asText()).isEqualTo("缺少字段 pay_info");
        ObjectNode badType = booth.push("{'service_name':'sweepcode','type':9,'channel_id':'B1'}");
        assertThat(badType.path("state").asInt()).isZero();
        assertThat(badType.path("errmsg").asText()).contains("type");

        assertThat(booth.app.lane("B1").state().get().phase()).isEqualTo(LanePhase.AWAITING_PAYMENT);
        assertThat(gateOpened()).isFalse();
        assertThat(booth.app.payments().store().forOrder(order.orderId())).isEmpty();
        assertThat(booth.cloud().received("out_park").stream()
                .filter(u -> u.data().path("order_id").asText().equals(order.orderId()))).isEmpty();
    }
}
