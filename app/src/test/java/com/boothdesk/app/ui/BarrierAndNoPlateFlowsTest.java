package com.boothdesk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;

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
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.card.CardFrame;
import com.boothdesk.devices.card.CardFrames;
import com.boothdesk.devices.sim.SimulatedLaneCard;

/**
 * The attendant's manual barrier (F7 open, F8 close, F9 keep open, F10 end keep-open) on the entry and on the exit
 * lane, and cars without a plate from the camera's real {@code _无_} push, on the real window over the demo's real
 * parts: H2 in a temp folder, the camera HTTP door on loopback, the lane cards on pty pairs (the frames asserted are
 * the ones the simulated card decoded from the pty's bytes), the cloud simulator over TCP. Default rules: nothing
 * here is configured to wait for the attendant.
 */
class BarrierAndNoPlateFlowsTest {

    static final Duration WAIT = RunningBooth.WAIT;

    @TempDir
    Path data;
    RunningBooth booth;
    FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws TimeoutException {
        booth = RunningBooth.start(data);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> new BoothWindow(booth.app).show(s));
    }

    @AfterEach
    void stop() throws TimeoutException {
        FxToolkit.cleanupStages();
        booth.close();
    }

    @Test
    void theEntryBarrierOpensClosesIsHeldOpenAndReleasedByKeysWithWhoWhyAndAPicture() {
        manualBarrierCycle("A1", "入口1");
    }

    @Test
    void theExitBarrierOpensClosesIsHeldOpenAndReleasedByKeysWithWhoWhyAndAPicture() {
        manualBarrierCycle("B1", "出口1");
    }

    private void manualBarrierCycle(String lane, String name) {
        // a car at the lane first: the camera's latest picture is the evidence of the manual movements
        booth.camera("SIM-CAM-" + lane).push("京Z99999");
        await().atMost(WAIT).until(() -> phase(lane) == (lane.equals("A1") ? LanePhase.ENTERED : LanePhase.NO_RECORD));
        int eventsBefore = booth.app.gateEvents().recent(10).size();
        int framesBefore = gateFrames(lane).size();
        robot.clickOn("#plate-" + lane); // select the lane
        await().atMost(WAIT).until(() -> text("#status-line").contains(name));
        String other = lane.equals("A1") ? "B1" : "A1";
        int otherFrames = card(other).receivedFrames().size();

        // without a reason nothing goes out, and the lane says why
        robot.type(KeyCode.F9);
        await().atMost(WAIT).until(() -> text("#feedback-" + lane).equals("常开需要原因:请选择或填写原因后再按"));
        assertThat(booth.app.gateEvents().recent(10)).hasSize(eventsBefore);
        assertThat(gateFrames(lane)).hasSize(framesBefore);

        step(lane, KeyCode.F7, "车队通行", CardFrames.openGate(0), eventsBefore + 1);
        step(lane, KeyCode.F8, "车队已过", CardFrames.closeGate(0), eventsBefore + 2);
        step(lane, KeyCode.F9, "高峰常开", CardFrames.keepGateOpen(0), eventsBefore + 3);
        await().atMost(WAIT).until(() -> card(lane).gateHeldOpen());
        step(lane, KeyCode.F10, "高峰结束", CardFrames.releaseGate(0), eventsBefore + 4);
        await().atMost(WAIT).until(() -> !card(lane).gateHeldOpen());

        // the gate frames on the pty, in order: open, close, hold open, release
        List<String> frames = gateFrames(lane);
        assertThat(frames.subList(framesBefore, frames.size())).containsExactly(hex(CardFrames.openGate(0)), hex(CardFrames.closeGate(0)),
                hex(CardFrames.keepGateOpen(0)), hex(CardFrames.releaseGate(0)));
        // the record: who, why, a picture, and that the card confirmed each one
        List<GateEvent> events = booth.app.gateEvents().recent(10).stream()
                .filter(e -> e.cause() == GateEvent.Cause.MANUAL).toList();
        assertThat(events).extracting(GateEvent::laneId, GateEvent::action, GateEvent::cause, GateEvent::operator,
                GateEvent::reason).containsExactlyInAnyOrder(
                tuple(lane, GateEvent.Action.OPEN, GateEvent.Cause.MANUAL, "demo", "车队通行"),
                tuple(lane, GateEvent.Action.CLOSE, GateEvent.Cause.MANUAL, "demo", "车队已过"),
                tuple(lane, GateEvent.Action.KEEP_OPEN, GateEvent.Cause.MANUAL, "demo", "高峰常开"),
                tuple(lane, GateEvent.Action.RELEASE_KEEP_OPEN, GateEvent.Cause.MANUAL, "demo", "高峰结束"));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.image()).as("the lane's picture of %s", e.action()).isNotBlank();
            assertThat(e.outcome().moved()).as("the card confirmed %s", e.action()).isTrue();
        });
        // the other lane's card got no gate frame at all
        assertThat(card(other).receivedFrames().subList(otherFrames, card(other).receivedFrames().size()))
                .noneMatch(BarrierAndNoPlateFlowsTest::isGate);
        // a movement that moved the barrier goes to the cloud as 2.11 (keep-open as a lift, its end as a drop)
        await().atMost(WAIT).until(() -> booth.cloud().received("upload_liftrod").size() == 4);
    }

    private void step(String lane, KeyCode key, String reason, CardFrame expected, int events) {
        robot.clickOn("#reason-" + lane).write(reason);
        robot.clickOn("#status-line"); // the window's focus, so the key goes to the keymap, not the text box
        robot.type(key);
        await().atMost(WAIT).until(() -> booth.app.gateEvents().recent(10).size() == events);
        await().atMost(WAIT).until(() -> gateFrames(lane).contains(hex(expected)));
        // the reason box resets after use (the next movement needs its own reason)
        await().atMost(WAIT).until(() -> robot.lookup("#reason-" + lane)
                .queryAs(javafx.scene.control.ComboBox.class).getEditor().getText().isEmpty());
    }

    @Test
    void aCarWithoutAPlateFromTheCamerasRealPushWaitsIsNeverPlate无AndTwoNeverMerge() {
        int inLot = booth.app.orders().countInLot();
        int framesBefore = gateFrames("A1").size();
        booth.camera("SIM-CAM-A1").pushNoPlate(); // license "_无_" over HTTP, as the real camera sends it
        await().atMost(WAIT).until(() -> phase("A1") == LanePhase.AWAITING_CONFIRMATION);
        await().atMost(WAIT).until(() -> text("#plate-A1").equals("无牌车"));
        assertThat(booth.app.orders().countInLot()).as("never admitted by itself").isEqualTo(inLot);
        assertThat(gateFrames("A1")).as("no barrier moved").hasSize(framesBefore);
        assertThat(booth.app.orders().findInLot("无")).isEmpty();
        assertThat(booth.app.orders().findInLot("_无_")).isEmpty();

        robot.clickOn("#plate-A1");
        robot.type(KeyCode.F3);
        await().atMost(WAIT).until(() -> phase("A1") == LanePhase.ENTERED);
        String first = booth.app.lane("A1").state().get().order().plate();

        // a second car without a plate 3 s later: not debounced away, not the first one's stay
        booth.clock.advance(Duration.ofSeconds(3));
        booth.camera("SIM-CAM-A1").pushNoPlate();
        await().atMost(WAIT).until(() -> phase("A1") == LanePhase.AWAITING_CONFIRMATION);
        assertThat(booth.app.orders().countInLot()).isEqualTo(inLot + 1);
        robot.type(KeyCode.F3);
        await().atMost(WAIT).until(() -> phase("A1") == LanePhase.ENTERED
                && !booth.app.lane("A1").state().get().order().plate().equals(first));
        String second = booth.app.lane("A1").state().get().order().plate();

        assertThat(List.of(first, second)).allSatisfy(p -> assertThat(p).startsWith("无").isNotEqualTo("无")
                .hasSizeGreaterThan(1));
        assertThat(second).isNotEqualTo(first);
        assertThat(booth.app.orders().countInLot()).as("two stays, neither overwritten").isEqualTo(inLot + 2);
        ParkingOrder a = booth.app.orders().findInLot(first).orElseThrow();
        ParkingOrder b = booth.app.orders().findInLot(second).orElseThrow();
        assertThat(a.orderId()).isNotEqualTo(b.orderId());
        // each opened once, by the attendant (the driver may fold two opens within its throttle window into one
        // frame: the record says so, never a second stay without a confirmed barrier)
        assertThat(booth.app.gateEvents().recent(10)).filteredOn(e -> e.laneId().equals("A1"))
                .extracting(GateEvent::action, GateEvent::cause, e -> e.outcome().moved())
                .containsExactly(tuple(GateEvent.Action.OPEN, GateEvent.Cause.ENTRY_ACCEPTED, true),
                        tuple(GateEvent.Action.OPEN, GateEvent.Cause.ENTRY_ACCEPTED, true));
        assertThat(gateFrames("A1").size()).isGreaterThan(framesBefore);
        await().atMost(WAIT).until(() -> booth.cloud().received("in_park").size() >= 2);

        // at the exit a car without a plate is never billed as the first 无 in the lot: the attendant decides
        booth.clock.advance(Duration.ofHours(1));
        booth.camera("SIM-CAM-B1").pushNoPlate();
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.NO_RECORD);
        assertThat(booth.app.lane("B1").state().get().order()).isNull();
        assertThat(booth.app.lane("B1").state().get().quote()).isNull();
        assertThat(booth.app.orders().countInLot()).isEqualTo(inLot + 2);
        assertThat(gateFrames("B1")).isEmpty();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private SimulatedLaneCard card(String lane) {
        return booth.app.hardware().simulatedCard(lane).orElseThrow();
    }

    /** The relay (0x0F) frames the lane's simulated card decoded from its pty, as hex, in order. */
    private List<String> gateFrames(String lane) {
        return card(lane).receivedFrames().stream().filter(BarrierAndNoPlateFlowsTest::isGate)
                .map(BarrierAndNoPlateFlowsTest::hex).toList();
    }

    private static boolean isGate(CardFrame f) {
        return f.command() == 0x0F;
    }

    private static String hex(CardFrame f) {
        return java.util.HexFormat.of().formatHex(f.encode());
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private LanePhase phase(String lane) {
        return booth.app.lane(lane).state().get().phase();
    }

    @SuppressWarnings("unused")
    private static boolean same(CardFrame a, CardFrame b) {
        return Arrays.equals(a.encode(), b.encode());
    }
}
