package com.boothdesk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.testing.RunningBooth;

/**
 * The attendant's flows on the real window and the demo's real parts (off-screen): cash with change, a free release
 * with a reason chosen twice from the list, a fuzzy pick showing the order's plate, a correction with the province
 * grid on the selected lane while the other lane waits too, refuse, the manual barrier on both lanes, and keys that
 * act on the selected lane only.
 */
class LaneScreenFlowsTest {

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
    void cashWithChangeShowsTheChangeLargeUntilTheNextCar() {
        String orderId = exitWaitingToPay("京A12345");
        assertThat(text("#due-B1")).isEqualTo("7.00");
        assertThat(text("#gross-B1")).isEqualTo("7.00");
        robot.clickOn("#tendered-B1").write("20");
        await().atMost(WAIT).until(() -> text("#change-B1").equals("找零 13.00 元"));
        robot.type(KeyCode.F1);
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.RELEASED);
        ParkingOrder o = booth.app.orders().find(orderId).orElseThrow();
        assertThat(o.paidFen()).isEqualTo(700);
        assertThat(o.paymentMethod()).isEqualTo(PaymentMethod.CASH);
        await().atMost(WAIT).until(() -> text("#change-B1").startsWith("找零 13.00 元"));
    }

    @Test
    void theSameReasonChosenTwiceFromTheListReleasesTwoCarsFree() {
        String first = exitWaitingToPay("京A12345");
        chooseReason("B1", "设备故障");
        robot.type(KeyCode.F2);
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.RELEASED);
        assertThat(booth.app.orders().find(first).orElseThrow().freeReason()).isEqualTo("设备故障");
        await().atMost(WAIT).until(() -> reasonBox("B1").getEditor().getText().isEmpty());

        String second = exitWaitingToPay("京B22222");
        chooseReason("B1", "设备故障"); // the old bug: the same choice again left the box empty
        robot.type(KeyCode.F2);
        await().atMost(WAIT).until(() -> booth.app.orders().find(second).orElseThrow().paymentMethod()
                == PaymentMethod.FREE);
        assertThat(booth.app.orders().find(second).orElseThrow().freeReason()).isEqualTo("设备故障");
    }

    @Test
    void aFreeReleaseWithoutAReasonSaysWhyAndTheMessageStays() {
        exitWaitingToPay("京A12345");
        robot.type(KeyCode.F2);
        await().atMost(WAIT).until(() -> text("#feedback-B1").equals("请选择或填写原因"));
        // another car enters meanwhile: the header (cars in the lot) and the entry lane refresh; the message stays
        String inLot = text("#in-lot");
        booth.enter("京C33333");
        await().atMost(WAIT).until(() -> !text("#in-lot").equals(inLot));
        assertThat(text("#feedback-B1")).isEqualTo("请选择或填写原因");
        assertThat(phase("B1")).isEqualTo(LanePhase.AWAITING_PAYMENT);
    }

    @Test
    void aFuzzyPickShowsTheOrdersPlateWithTheReadBesideIt() {
        String orderId = booth.enter("京A12345");
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push("京A1234S");
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.AWAITING_MATCH);
        await().atMost(WAIT).until(() -> robot.lookup("#pick-B1-1").tryQuery().isPresent());
        robot.clickOn("#status-line");
        robot.type(KeyCode.DIGIT1);
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.AWAITING_PAYMENT);
        await().atMost(WAIT).until(() -> text("#plate-B1").equals("京A12345"));
        assertThat(text("#read-B1")).isEqualTo("识别 京A1234S");
        assertThat(booth.app.lane("B1").state().get().order().orderId()).isEqualTo(orderId);
    }

    @Test
    void f6OpensTheCorrectionForTheSelectedExitWhileTheEntryAlsoWaitsAndTheProvinceGridFixesIt() {
        booth.enter("京A12345");
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push("沪A12345"); // the province misread
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.AWAITING_MATCH || phase("B1") == LanePhase.NO_RECORD);
        booth.camera("SIM-CAM-A1").push(""); // a car without a plate waits at the entry too
        await().atMost(WAIT).until(() -> phase("A1") == LanePhase.AWAITING_CONFIRMATION);
        await().atMost(WAIT).until(() -> text("#status-line").contains("出口1"));

        robot.clickOn("#status-line"); // the window's focus, without selecting a lane
        robot.type(KeyCode.F6);
        await().atMost(WAIT).until(() -> robot.lookup("#correction-dialog").tryQuery().isPresent());
        assertThat(robot.lookup("#correction-dialog .dialog-title").queryAs(Label.class).getText()).contains("B1");
        assertThat(text("#correction-preview")).startsWith("沪A12345");
        robot.clickOn("#correction-province-京");
        await().atMost(WAIT).until(() -> text("#correction-preview").equals("沪A12345  →  京A12345"));
        robot.clickOn("#correction-confirm");
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.AWAITING_PAYMENT);
        assertThat(booth.app.lane("B1").state().get().order().plate()).isEqualTo("京A12345");
        assertThat(phase("A1")).as("the entry was not touched").isEqualTo(LanePhase.AWAITING_CONFIRMATION);
        assertThat(booth.app.lane("A1").state().get().lastRead().plate()).isEmpty();
        await().atMost(WAIT).until(() -> robot.lookup("#correction-dialog").tryQuery().isEmpty());
    }

    @Test
    void refuseEmptiesTheFeeBox() {
        exitWaitingToPay("京A12345");
        robot.type(KeyCode.F4);
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.REFUSED);
        await().atMost(WAIT).until(() -> text("#due-B1").equals("—"));
        assertThat(text("#gross-B1")).isEqualTo("—");
    }

    @Test
    void theBarrierIsOpenedAndClosedByHandOnTheEntryAndOnTheExitWithAReasonEachTime() {
        robot.clickOn("#plate-A1"); // select the entry
        await().atMost(WAIT).until(() -> text("#status-line").contains("入口1"));
        robot.type(KeyCode.F7);
        await().atMost(WAIT).until(() -> text("#feedback-A1").contains("原因"));
        assertThat(booth.app.gateEvents().recent(10)).isEmpty();
        robot.clickOn("#reason-A1").write("车队通行");
        robot.type(KeyCode.F7);
        await().atMost(WAIT).until(() -> booth.app.gateEvents().recent(10).size() == 1);
        robot.clickOn("#reason-A1").write("车队已过");
        robot.type(KeyCode.F8);
        await().atMost(WAIT).until(() -> booth.app.gateEvents().recent(10).size() == 2);
        robot.clickOn("#reason-B1").write("道闸测试");
        robot.clickOn("#manual-open-B1");
        await().atMost(WAIT).until(() -> booth.app.gateEvents().recent(10).size() == 3);
        robot.clickOn("#reason-B1").write("测试结束");
        robot.clickOn("#manual-close-B1");
        await().atMost(WAIT).until(() -> booth.app.gateEvents().recent(10).size() == 4);
        var events = booth.app.gateEvents().recent(10);
        assertThat(events).extracting(GateEvent::laneId, GateEvent::action, GateEvent::reason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("A1", GateEvent.Action.OPEN, "车队通行"),
                org.assertj.core.groups.Tuple.tuple("A1", GateEvent.Action.CLOSE, "车队已过"),
                org.assertj.core.groups.Tuple.tuple("B1", GateEvent.Action.OPEN, "道闸测试"),
                org.assertj.core.groups.Tuple.tuple("B1", GateEvent.Action.CLOSE, "测试结束"));
    }

    @Test
    void keysActOnlyOnTheSelectedLane() {
        booth.enter("京A12345");
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-A1").push(""); // waits at the entry: selected, nothing else waits
        await().atMost(WAIT).until(() -> phase("A1") == LanePhase.AWAITING_CONFIRMATION);
        await().atMost(WAIT).until(() -> text("#status-line").contains("入口1"));
        booth.camera("SIM-CAM-B1").push("京A12345");
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.AWAITING_PAYMENT);
        await().atMost(WAIT).until(() -> text("#status-B1").contains("京A12345"));
        assertThat(text("#status-line")).as("a second waiting car does not move the selection").contains("入口1");

        robot.clickOn("#status-line");
        robot.type(KeyCode.F1); // cash means nothing at the entry; the exit's car is not touched
        await().atMost(WAIT).until(() -> text("#feedback-A1").equals("当前没有待收费车辆"));
        assertThat(phase("B1")).isEqualTo(LanePhase.AWAITING_PAYMENT);
        robot.type(KeyCode.F4); // refuse: the entry's car
        await().atMost(WAIT).until(() -> phase("A1") == LanePhase.REFUSED);
        assertThat(phase("B1")).isEqualTo(LanePhase.AWAITING_PAYMENT);

        robot.type(KeyCode.F12);
        await().atMost(WAIT).until(() -> text("#status-line").contains("出口1"));
        robot.type(KeyCode.F1);
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.RELEASED);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private String exitWaitingToPay(String plate) {
        String id = exitWaitingToPayWithoutClick(plate);
        robot.clickOn("#plate-B1");
        return id;
    }

    private String exitWaitingToPayWithoutClick(String plate) {
        String orderId = booth.enter(plate);
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push(plate);
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.AWAITING_PAYMENT
                && booth.app.lane("B1").state().get().order().orderId().equals(orderId));
        await().atMost(WAIT).until(() -> text("#status-B1").contains(plate));
        return orderId;
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> reasonBox(String lane) {
        return robot.lookup("#reason-" + lane).queryAs(ComboBox.class);
    }

    private void chooseReason(String lane, String reason) {
        robot.interact(() -> reasonBox(lane).getSelectionModel().select(reason));
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private LanePhase phase(String lane) {
        return booth.app.lane(lane).state().get().phase();
    }
}
