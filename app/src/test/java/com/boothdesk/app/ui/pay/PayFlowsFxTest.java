package com.boothdesk.app.ui.pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.payment.PayState;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.app.ui.BoothFx;
import com.boothdesk.app.ui.BoothWindow;
import com.boothdesk.devices.card.CardFrames;
import com.boothdesk.sdk.sim.PaymentPeer;

/**
 * Payments at the exit on the real window (off-screen), the cloud simulator over TCP and the exit card on a pty: the
 * exit QR shown and paid by the driver, a scanner burst on the waiting exit, a failed payment that asks for cash,
 * the smart screen's pages and its pay code.
 */
class PayFlowsFxTest {

    static final Duration WAIT = RunningBooth.WAIT;
    /**
     * The scanner tests' burst gap: the burst is fired within one FX-thread runnable, so only a loaded machine
     * descheduling the FX thread spreads its keys; 200 ms (within the setting's 5-500) keeps that from reading as
     * typing, while what is tested (a burst pays, a burst never picks, a lone digit picks) stays the same.
     */
    static final String SCANNER_GAP = "payment.scanner.max_gap_ms=200";

    @TempDir
    Path data;
    RunningBooth booth;
    FxRobot robot = new FxRobot();

    void open(String... keys) throws TimeoutException {
        booth = RunningBooth.start(data, keys);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> new BoothWindow(booth.app).show(s));
    }

    @org.junit.jupiter.api.BeforeEach
    void clean() {
        org.testfx.util.WaitForAsyncUtils.clearExceptions();
    }

    @AfterEach
    void stop() throws TimeoutException {
        // the booth first: no lane publishes while the window is taken down
        if (booth != null) {
            booth.close();
        }
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.cleanupStages();
        org.testfx.util.WaitForAsyncUtils.clearExceptions();
    }

    ParkingOrder carWaitsAtB1(String plate) {
        ParkingOrder order = booth.app.orders().find(booth.enter(plate)).orElseThrow();
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push(plate);
        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);
        return order;
    }

    String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    boolean gateFrameOnThePty() {
        byte[] gate = CardFrames.openGate(0).encode();
        return booth.app.hardware().simulatedCard("B1").orElseThrow().receivedFrames().stream()
                .anyMatch(f -> Arrays.equals(f.encode(), gate));
    }

    @Test
    void theExitQrIsShownTheDriverPaysAndTheGateOpens() throws Exception {
        open();
        carWaitsAtB1("京P00001");
        await().atMost(WAIT).untilAsserted(() -> assertThat(text("#pay-state-B1")).isEqualTo("请车主扫码支付 7.00\u00a0元"));
        Node qr = robot.lookup("#pay-qr-B1").query();
        assertThat(qr.isVisible()).isTrue();
        assertThat(robot.lookup("#pay-B1").query().isVisible()).isTrue();
        robot.interact(() -> BoothFx.saveScreenshot(robot.lookup("#lane-B1").query(),
                Path.of("target/screenshots/exit-pay-code.png")));

        booth.cloud().payments().driverPays("B1").get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(this::gateFrameOnThePty);
        await().atMost(WAIT).untilAsserted(() -> assertThat(text("#pay-state-B1")).isEqualTo("已支付 7.00\u00a0元，自动放行"));
        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.RELEASED);
        assertThat(qr.isVisible()).isFalse();
    }

    @Test
    void aScannerBurstOnTheWaitingExitPaysAndTheGateOpens() throws Exception {
        open(SCANNER_GAP);
        ParkingOrder order = carWaitsAtB1("京P00002");
        robot.clickOn("#plate-B1"); // the exit is the selected lane
        scannerTypes("134567890123456789");
        await().atMost(WAIT).until(() -> booth.cloud().received("out_park").stream()
                .anyMatch(u -> u.data().path("auth_code").asText().equals("134567890123456789")));
        await().atMost(WAIT).until(this::gateFrameOnThePty);
        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.RELEASED);
        assertThat(booth.app.orders().find(order.orderId()).orElseThrow().prepaidFen()).isEqualTo(700);
    }

    @Test
    void aScannerBurstNeverPicksACandidate() throws Exception {
        open(SCANNER_GAP);
        booth.enter("京A12345");
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push("京A1234S");
        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.AWAITING_MATCH);
        robot.clickOn("#plate-B1");
        scannerTypes("111111111111111111");
        robot.interact(() -> { }); // the FX thread handled the burst
        booth.app.lane("B1").prepaid("no-such-order").get(10, TimeUnit.SECONDS); // and the lane what it was given
        assertThat(booth.app.lane("B1").state().get().phase()).as(booth.app.lane("B1").state().get().toString())
                .isEqualTo(LanePhase.AWAITING_MATCH);
        assertThat(booth.cloud().received("out_park")).isEmpty();
        // the attendant's own "1" still picks the first candidate
        robot.type(KeyCode.DIGIT1);
        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);
    }

    @Test
    void aFailedPaymentAsksTheAttendantForCash() throws Exception {
        open();
        carWaitsAtB1("京P00003");
        booth.cloud().payments().boothPayOutcome(PaymentPeer.BoothPayOutcome.FAILURE);
        robot.clickOn("#plate-B1");
        scannerTypes("134567890123456789");
        await().atMost(WAIT).untilAsserted(() -> assertThat(text("#pay-state-B1"))
                .isEqualTo("电子支付失败：支付失败,请求超时或其他(付款码已过期)。请收取现金或让车主重新支付"));
        assertThat(booth.app.lane("B1").state().get().phase()).isEqualTo(LanePhase.AWAITING_PAYMENT);
        assertThat(gateFrameOnThePty()).isFalse();
        robot.type(KeyCode.F1); // cash, the fee exactly
        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.RELEASED);
        await().atMost(WAIT).until(this::gateFrameOnThePty);
    }

    @Test
    void theSmartScreenShowsTheOutPageAndItsPayCodePays() throws Exception {
        open("lane.B1.smart_screen", "true");
        await().atMost(WAIT).untilAsserted(() -> assertThat(booth.cloud().payments().screenPages())
                .as("pages; uplinks " + booth.cloud().received().stream().map(u -> u.serviceName()).toList())
                .anyMatch(p -> p.type() == 0 && p.channelId().equals("B1")));
        ParkingOrder order = carWaitsAtB1("京P00004");
        await().atMost(WAIT).untilAsserted(() -> assertThat(booth.cloud().payments().screenPages())
                .as("uplinks " + booth.cloud().received().stream().map(u -> u.serviceName()).toList())
                .anyMatch(p -> p.type() == 4));
        var page = booth.cloud().payments().screenPages().stream().filter(p -> p.type() == 4).findFirst()
                .orElseThrow().message();
        assertThat(page.path("car_number").asText()).isEqualTo("京P00004");
        assertThat(page.path("price").asText()).isEqualTo("7.00");
        assertThat(page.path("code").asText()).contains(order.orderId());
        assertThat(page.path("data_target").asText()).isEqualTo("wisdom_screen");

        var answer = booth.cloud().payments().screenPayCode("B1", "134567890123456789").get(10, TimeUnit.SECONDS);
        assertThat(answer.path("state").asInt()).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(gateFrameOnThePty()).as("pay " + booth.app.payments()
                .exits().state("B1").get() + " lane " + booth.app.lane("B1").state().get().phase()).isTrue());
        await().atMost(WAIT).untilAsserted(() -> assertThat(booth.cloud().payments().screenPages())
                .anyMatch(p -> p.type() == 3));
        assertThat(booth.app.payments().exits().state("B1").get().phase()).isEqualTo(PayState.Phase.PAID);
        // the paid page goes home after payment.screen.home_seconds (10 s on the lanes' clock)
        long homes = booth.cloud().payments().screenPages().stream().filter(p -> p.type() == 0).count();
        booth.clock.advance(Duration.ofSeconds(11));
        await().atMost(WAIT).until(() -> booth.cloud().payments().screenPages().stream()
                .filter(p -> p.type() == 0).count() > homes);
    }

    @Test
    void anOfflinePaidCodeOnTheSmartScreenOpensTheGateAndIsKeptForReconciliation() throws Exception {
        open("lane.B1.smart_screen", "true");
        ParkingOrder order = carWaitsAtB1("京P00005");
        var answer = booth.cloud().payments().screenPaidCode("B1", "PAID:京P00005:" + order.orderId())
                .get(10, TimeUnit.SECONDS);
        assertThat(answer.path("state").asInt()).isEqualTo(1);
        await().atMost(WAIT).until(this::gateFrameOnThePty);
        assertThat(booth.app.payments().store().forOrder(order.orderId())).anySatisfy(r -> {
            assertThat(r.kind().name()).isEqualTo("OFFLINE_PAID_CODE");
            assertThat(r.detail()).contains("待对账");
        });
    }

    /** A keyboard-wedge scanner: the digits and Enter fired at the scene within a millisecond or two. */
    void scannerTypes(String digits) {
        robot.interact(() -> {
            Node target = robot.lookup("#booth").query();
            for (char c : digits.toCharArray()) {
                KeyCode k = KeyCode.valueOf("DIGIT" + c);
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, String.valueOf(c), "", k, false, false,
                        false, false));
            }
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "\r", "", KeyCode.ENTER, false, false, false,
                    false));
        });
    }
}
