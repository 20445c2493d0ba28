package com.boothdesk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.testing.RunningBooth;

/**
 * The attendant's keys on the real window (off-screen): pick a similar plate with a digit, release free with F2 and
 * a reason, correct a plate with F6, confirm with F3.
 */
class AttendantKeysTest {

    static final Duration WAIT = RunningBooth.WAIT;

    @TempDir
    Path data;
    RunningBooth booth;
    FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws TimeoutException {
        booth = RunningBooth.start(data, "rules.confirm_entry", "no_plate");
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> new BoothWindow(booth.app).show(s));
    }

    @AfterEach
    void stop() throws TimeoutException {
        FxToolkit.cleanupStages();
        booth.close();
    }

    @Test
    void aMisreadIsMatchedByADigitAndReleasedFreeWithAReason() {
        String orderId = booth.enter("京A12345");
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push("京A1234S");
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.AWAITING_MATCH);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(robot.lookup("#pick-B1-1").queryAs(Button.class).getText()).contains("京A12345"));
        assertThat(booth.app.orders().find(orderId).orElseThrow().status().name()).isEqualTo("IN_LOT");

        robot.clickOn("#plate-B1");
        robot.type(KeyCode.DIGIT1);
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.AWAITING_PAYMENT);

        robot.clickOn("#reason-B1").write("设备故障");
        robot.type(KeyCode.F2);
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.RELEASED);
        ParkingOrder o = booth.app.orders().find(orderId).orElseThrow();
        assertThat(o.paymentMethod()).isEqualTo(PaymentMethod.FREE);
        assertThat(o.freeReason()).isEqualTo("设备故障");
        assertThat(o.exitPlateRead()).isEqualTo("京A1234S");
    }

    @Test
    void aCarWithoutAPlateIsAdmittedWithF3() {
        booth.camera("SIM-CAM-A1").push("");
        await().atMost(WAIT).until(() -> phase("A1") == LanePhase.AWAITING_CONFIRMATION);
        robot.clickOn("#plate-A1");
        robot.type(KeyCode.F3);
        await().atMost(WAIT).until(() -> phase("A1") == LanePhase.ENTERED);
        assertThat(booth.app.lane("A1").state().get().order().plate()).startsWith("无");
    }

    @Test
    void aWrongPlateAtTheEntryIsCorrectedWithF6() {
        booth.enter("京A1234S");
        robot.clickOn("#plate-A1");
        robot.type(KeyCode.F6);
        robot.write("京A12345").type(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> booth.app.orders().findInLot("京A12345").isPresent());
        assertThat(booth.app.orders().findInLot("京A1234S")).isEmpty();
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(robot.lookup("#plate-A1").queryAs(Label.class).getText()).isEqualTo("京A12345"));
    }

    @Test
    void f7LiftsTheExitBarrierByHandWithWhoWhyAndAPictureReportedToTheCloud() {
        booth.camera("SIM-CAM-B1").push("京Z99999"); // a car at the exit with no record: its picture is the evidence
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.NO_RECORD);
        robot.clickOn("#plate-B1");
        robot.type(KeyCode.F7);
        await().atMost(WAIT).untilAsserted(() -> assertThat(robot.lookup("#feedback-B1").queryAs(Label.class)
                .getText()).isNotEmpty()); // no reason: refused
        assertThat(booth.app.gateEvents().recent(10)).isEmpty();

        robot.clickOn("#reason-B1").write("救护车通行");
        robot.type(KeyCode.F7);
        await().atMost(WAIT).until(() -> !booth.app.gateEvents().recent(1).isEmpty());
        var g = booth.app.gateEvents().recent(1).get(0);
        assertThat(g.reason()).isEqualTo("救护车通行");
        assertThat(g.operator()).isEqualTo("demo");
        assertThat(g.image()).isNotNull();
        byte[] gate = com.boothdesk.devices.card.CardFrames.openGate(0).encode();
        await().atMost(WAIT).until(() -> booth.app.hardware().simulatedCard("B1").orElseThrow().receivedFrames()
                .stream().anyMatch(f -> java.util.Arrays.equals(f.encode(), gate)));
        await().atMost(WAIT).until(() -> booth.cloud().received("upload_liftrod").size() == 1);
        await().atMost(WAIT).until(() -> booth.cloud().received("upload_carpic").stream()
                .anyMatch(u -> u.data().path("picture_source").asText().equals("liftrod")));
    }

    private LanePhase phase(String lane) {
        return booth.app.lane(lane).state().get().phase();
    }
}
