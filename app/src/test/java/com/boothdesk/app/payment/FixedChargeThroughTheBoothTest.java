package com.boothdesk.app.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.sim.CardEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * proto4, 3.44 fixed_charge through the real TCP link from the cloud simulator: a car with no stay waits at the exit;
 * the cloud's fixed charge puts its order in 待支付 with that price (H2, lane state, answer); the driver's exit-QR
 * payment (3.1 pay_scene 1, then 3.4) takes exactly that price and the gate opens; a resend changes nothing. A charge
 * for a car not waiting yet is taken by its next no-record read at that exit.
 */
class FixedChargeThroughTheBoothTest {

    @TempDir
    Path data;
    RunningBooth booth;

    @AfterEach
    void stop() {
        if (booth != null) {
            booth.close();
        }
    }

    private static String fixedCharge(String uuid, String plate, String price) {
        return "{'out_time':1655369779,'user_id':'874504','service_name':'fixed_charge','price':" + price
                + ",'car_number':'" + plate + "','out_channel_id':'B1','message_uuid':'" + uuid + "'}";
    }

    private boolean gateOpened() {
        return booth.app.hardware().simulatedCard("B1").orElseThrow().events().stream()
                .anyMatch(e -> e instanceof CardEvent.GateOpened);
    }

    @Test
    void theCarWithNoStayGetsItsOrderAtTheFixedPriceAndTheExitCodeTakesThatPrice() throws Exception {
        booth = RunningBooth.start(data);
        LaneController exit = booth.app.lane("B1");
        booth.camera("SIM-CAM-B1").push("京MHPP00");
        await().atMost(RunningBooth.WAIT).until(() -> exit.state().get().phase() == LanePhase.NO_RECORD);

        ObjectNode a = booth.push(fixedCharge("cce365535a014e80bf8ab7cd7b43a7af", "京MHPP00", "3.5"));
        assertThat(a.path("state").asInt()).isEqualTo(1);
        assertThat(a.path("message_uuid").asText()).isEqualTo("cce365535a014e80bf8ab7cd7b43a7af");
        assertThat(a.path("car_number").asText()).isEqualTo("京MHPP00");
        assertThat(a.path("data_target").asText()).isEqualTo("cloud");

        // 待支付 at the fixed price: the lane, the order in H2, the record tied to it
        await().atMost(RunningBooth.WAIT).until(() -> exit.state().get().phase() == LanePhase.AWAITING_PAYMENT);
        assertThat(exit.waitingToPay().orElseThrow().quote().totalFen()).isEqualTo(350);
        assertThat(exit.state().get().messageKey()).isEqualTo("exit.fixed.charge");
        ParkingOrder order = booth.app.orders().findInLot("京MHPP00").orElseThrow();
        assertThat(order.remark()).contains("无在场订单固定收费");
        assertThat(booth.app.payments().store().forOrder(order.orderId())).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(PaymentRecord.Kind.FIXED_CHARGE);
            assertThat(r.amountFen()).isEqualTo(350);
            assertThat(r.operator()).isEqualTo("cloud:874504");
        });

        // resent: answered again, no second order, no second record
        assertThat(booth.push(fixedCharge("cce365535a014e80bf8ab7cd7b43a7af", "京MHPP00", "3.5")).path("state")
                .asInt()).isEqualTo(1);
        assertThat(booth.app.payments().store().forOrder(order.orderId())).hasSize(1);

        // the driver scans the exit code: 3.1 answers the fixed price, 3.4 pays it, the gate opens by itself
        ObjectNode paid = booth.cloud().payments().driverPays("B1").get(10, TimeUnit.SECONDS);
        assertThat(paid.path("state").asInt()).isEqualTo(1);
        assertThat(paid.path("order_id").asText()).isEqualTo(order.orderId());
        await().atMost(RunningBooth.WAIT).until(() -> exit.state().get().phase() == LanePhase.RELEASED);
        await().atMost(RunningBooth.WAIT).until(this::gateOpened);
        ParkingOrder closed = booth.app.orders().find(order.orderId()).orElseThrow();
        assertThat(closed.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(closed.paymentMethod()).isEqualTo(PaymentMethod.PREPAID);
        assertThat(closed.prepaidFen()).isEqualTo(350);
        assertThat(closed.dueFen()).isEqualTo(350);
        await().atMost(RunningBooth.WAIT).until(() -> booth.cloud().received("out_park").stream()
                .anyMatch(u -> u.data().path("order_id").asText().equals(order.orderId())));
    }

    @Test
    void aChargeForACarNotWaitingYetIsTakenByItsNextReadAtThatExit() throws Exception {
        booth = RunningBooth.start(data);
        LaneController exit = booth.app.lane("B1");
        assertThat(booth.push(fixedCharge("u-later", "京MHPP01", "2")).path("state").asInt()).isEqualTo(1);
        assertThat(booth.app.orders().findInLot("京MHPP01")).as("no order for a car that is not there").isEmpty();

        booth.camera("SIM-CAM-B1").push("京MHPP01");
        await().atMost(RunningBooth.WAIT).until(() -> exit.state().get().phase() == LanePhase.AWAITING_PAYMENT);
        assertThat(exit.waitingToPay().orElseThrow().quote().totalFen()).isEqualTo(200);
        String orderId = exit.waitingToPay().orElseThrow().order().orderId();
        await().atMost(RunningBooth.WAIT).until(() -> !booth.app.payments().store().forOrder(orderId).isEmpty());

        // cash takes the same price
        booth.app.lane("B1").settleCash(200).get(10, TimeUnit.SECONDS);
        assertThat(booth.app.orders().find(orderId).orElseThrow().paidFen()).isEqualTo(200);
    }

    @Test
    void aChargeForALaneThatIsNoExitOfThisBoothIsAnsweredState0() throws Exception {
        booth = RunningBooth.start(data);
        ObjectNode a = booth.push(fixedCharge("u-a1", "京MHPP02", "1").replace("'B1'", "'A1'"));
        assertThat(a.path("state").asInt()).isZero();
        assertThat(a.path("errmsg").asText()).contains("不是本岗亭的出口");
        assertThat(a.path("message_uuid").asText()).isEqualTo("u-a1");
        ObjectNode missing = booth.push("{'service_name':'fixed_charge','car_number':'京MHPP03','out_channel_id':'B1',"
                + "'message_uuid':'u-x'}");
        assertThat(missing.path("state").asInt()).isZero();
        assertThat(missing.path("errmsg").asText()).contains("price");
    }
}
