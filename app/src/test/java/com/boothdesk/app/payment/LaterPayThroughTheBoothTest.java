package com.boothdesk.app.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lane.LaneException;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.staff.Role;
import com.boothdesk.app.store.history.JdbcHistory;
import com.boothdesk.app.store.history.StoryEvent;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.sim.CardEvent;
import com.boothdesk.sdk.sim.ReceivedUplink;

/**
 * proto4, 2.44 laterpay_order_upload through the running booth and the real TCP link to the cloud simulator: when the
 * site's rule allows it, the car waiting to pay leaves at once (the gate opens), the stay is closed with its debt and
 * the attendant's reason, 2.44 goes up through the outbox in place of out_park, the cloud's answer is kept against the
 * order, and the order's story in the back office shows it. The rule refuses by default, for an attendant when it
 * asks for a supervisor, and above the limit.
 */
class LaterPayThroughTheBoothTest {

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
        await().atMost(RunningBooth.WAIT).until(() -> booth.app.lane("B1").state().get().phase()
                == LanePhase.AWAITING_PAYMENT);
        return order;
    }

    private boolean gateOpened() {
        return booth.app.hardware().simulatedCard("B1").orElseThrow().events().stream()
                .anyMatch(e -> e instanceof CardEvent.GateOpened);
    }

    @Test
    void theCarLeavesNowThe244GoesUpItsAnswerIsKeptAndTheStoryShowsIt() throws Exception {
        ParkingOrder order = waitingAtB1("京LP0001", "payment.later_pay", "attendant");
        ExitPayments exits = booth.app.payments().exits();
        ParkingOrder closed = exits.laterPay("B1", "司机未带手机").get(10, TimeUnit.SECONDS);

        assertThat(closed.orderId()).isEqualTo(order.orderId());
        await().atMost(RunningBooth.WAIT).until(this::gateOpened);
        ParkingOrder kept = booth.app.orders().find(order.orderId()).orElseThrow();
        assertThat(kept.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(kept.paidFen()).isZero();
        assertThat(kept.dueFen()).isEqualTo(700);
        assertThat(kept.freeReason()).isEqualTo("先走后付 欠费7.00元:司机未带手机");
        assertThat(booth.app.lane("B1").state().get().messageKey()).isEqualTo("lane.released.laterpay");

        // 2.44 through the outbox, in place of out_park
        await().atMost(RunningBooth.WAIT).until(() -> !booth.cloud().received("laterpay_order_upload").isEmpty());
        ReceivedUplink up = booth.cloud().received("laterpay_order_upload").get(0);
        assertThat(up.data().path("order_id").asText()).isEqualTo(order.orderId());
        assertThat(up.data().path("car_number").asText()).isEqualTo("京LP0001");
        assertThat(up.data().path("price").asText()).isEqualTo("7.00");
        assertThat(up.data().path("amount_receivable").asText()).isEqualTo("7.00");
        assertThat(up.data().path("uuid").asText()).isEqualTo("laterpay-" + order.orderId());
        assertThat(up.data().path("out_channel_id").asText()).isEqualTo("B1");
        assertThat(up.data().path("end_time").asLong()).isEqualTo(kept.outTime().getEpochSecond());
        assertThat(booth.cloud().received("out_park").stream()
                .filter(u -> u.data().path("order_id").asText().equals(order.orderId()))).isEmpty();

        // the record of the later-pay, then the cloud's answer, against the order
        await().atMost(RunningBooth.WAIT).until(() -> booth.app.payments().store().forOrder(order.orderId())
                .stream().anyMatch(r -> r.kind() == PaymentRecord.Kind.LATER_PAY && r.state() == 1));
        assertThat(booth.app.payments().store().forOrder(order.orderId())).extracting(PaymentRecord::state)
                .containsExactly(0, 1);
        assertThat(booth.app.payments().store().forOrder(order.orderId()).get(0).amountFen()).isEqualTo(700);

        // the order's story in the back office
        var story = new JdbcHistory(booth.app.database(), booth.app.outbox()).story(order.orderId());
        assertThat(story).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(StoryEvent.Kind.EXIT);
            assertThat(e.detail()).contains("先走后付 欠费7.00元:司机未带手机");
        });
        await().atMost(RunningBooth.WAIT).until(() -> new JdbcHistory(booth.app.database(), booth.app.outbox())
                .story(order.orderId()).stream().anyMatch(e -> e.kind() == StoryEvent.Kind.CLOUD
                        && e.title().contains("laterpay_order_upload") && e.detail().contains("云端已确认")));
    }

    @Test
    void byDefaultTheRuleRefusesAndTheCarStillWaits() throws Exception {
        ParkingOrder order = waitingAtB1("京LP0002");
        assertThatThrownBy(() -> booth.app.payments().exits().laterPay("B1", "司机未带手机").get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(((LaneException) e.getCause()).messageKey()).isEqualTo("laterpay.off"));
        assertThat(booth.app.lane("B1").state().get().phase()).isEqualTo(LanePhase.AWAITING_PAYMENT);
        assertThat(booth.app.orders().find(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.IN_LOT);
        assertThat(gateOpened()).isFalse();
    }

    @Test
    void theRuleNamesWhoMayAndHowMuch() {
        ExitPayments supervisor = new ExitPayments(Map.of(), null, null, PaymentSettings.from(Map.of(
                "payment.later_pay", "supervisor", "payment.later_pay_max", "50")), Clock.systemUTC(), null, null,
                () -> "", "t");
        supervisor.roleOnDuty(() -> Role.ATTENDANT);
        assertThat(supervisor.laterPayRefusal(700)).contains("laterpay.supervisor");
        supervisor.roleOnDuty(() -> Role.SUPERVISOR);
        assertThat(supervisor.laterPayRefusal(700)).isEmpty();
        assertThat(supervisor.laterPayRefusal(5001)).contains("laterpay.max");
        supervisor.roleOnDuty(() -> Role.ADMIN);
        assertThat(supervisor.laterPayRefusal(5000)).isEmpty();
        assertThatThrownBy(() -> PaymentSettings.from(Map.of("payment.later_pay", "always")))
                .hasMessageContaining("payment.later_pay");
    }
}
