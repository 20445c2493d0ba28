package com.boothdesk.app.domain.lane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.boothdesk.app.domain.gate.BarrierAction;
import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.gate.GateOutcome;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.testing.LaneFakes;

/** The entry flow, the exit flow and the gate override alone, on in-memory ports: milliseconds per case. */
class LaneFlowsTest {

    final LaneFakes f = new LaneFakes();
    final LaneController entry = f.entry();
    final LaneController exit = f.exit();

    @Test
    void anAdmittedCarIsRecordedOnlyAfterTheBarrierConfirmed() {
        entry.onPlate(f.read("A1", "京A12345")).join();
        assertThat(f.orders.findInLot("京A12345")).isPresent();
        assertThat(f.gates.events).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(GateEvent.Action.OPEN);
            assertThat(e.outcome().result()).isEqualTo(GateOutcome.Result.CONFIRMED);
        });
        assertThat(entry.state().get().phase()).isEqualTo(LanePhase.ENTERED);
    }

    @Test
    void aBarrierThatDidNotConfirmRecordsNoStayNoInParkAndWaitsForTheAttendant() {
        f.signals.next.set(GateOutcome.failed("DROPPED_STALE port gone"));
        entry.onPlate(f.read("A1", "京A12345")).join();

        assertThat(f.orders.byId).isEmpty();
        assertThat(f.orders.uplinks).isEmpty();
        assertThat(f.gates.events).singleElement().satisfies(e ->
                assertThat(e.outcome().result()).isEqualTo(GateOutcome.Result.FAILED));
        LaneState s = entry.state().get();
        assertThat(s.phase()).isEqualTo(LanePhase.AWAITING_CONFIRMATION);
        assertThat(s.messageKey()).isEqualTo("lane.gate.failed");

        f.signals.next.set(GateOutcome.confirmed("ACKED"));
        entry.confirm().join();
        assertThat(f.orders.findInLot("京A12345")).isPresent();
        assertThat(f.orders.uplinks).containsExactly("in_park 京A12345");
    }

    @Test
    void aBarrierThatNeverAnswersIsRecordedAsFailedWithinTheBoundedWait() {
        LaneFakes g = new LaneFakes();
        LaneServices quick = new LaneServices(g.orders, g.gates, g.services(LaneRules.defaults()).fees(), g.signals,
                g.images, g.lists, g.spaces, LaneRules.defaults(), LaneTexts.BUILT_IN, LaneSnapshots.NONE, g.clock,
                g.operator::get, Duration.ofSeconds(10), "small", IntakeJournal.NONE, Duration.ofMillis(50));
        LaneController lane = new LaneController(new LaneInfo("A1", "入口1", LaneDirection.ENTRY), quick,
                Runnable::run);
        g.signals.hang = true;
        lane.onPlate(g.read("A1", "京A12345")).join();
        assertThat(g.orders.byId).isEmpty();
        assertThat(g.gates.events.get(0).outcome().result()).isEqualTo(GateOutcome.Result.FAILED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_无_", "无", "无牌车", "无车牌", " _无_ "})
    void everyNoPlateFormIsACarWithoutAPlateThatWaitsForTheAttendant(String license) {
        entry.onPlate(f.read("A1", license)).join();
        assertThat(f.orders.byId).isEmpty();
        assertThat(f.signals.commands(BarrierAction.OPEN)).isZero();
        LaneState s = entry.state().get();
        assertThat(s.phase()).isEqualTo(LanePhase.AWAITING_CONFIRMATION);
        assertThat(s.lastRead().plate()).isEmpty();
        assertThat(s.kind()).isEqualTo(CarKind.NO_PLATE);
    }

    @Test
    void twoNoPlateCarsNeverMergeDebounceOrOverwriteEachOther() {
        entry.onPlate(f.read("A1", "_无_")).join();
        entry.confirm().join();
        f.clock.advance(Duration.ofSeconds(3));
        entry.onPlate(f.read("A1", "_无_")).join();
        assertThat(entry.state().get().phase()).as("not debounced").isEqualTo(LanePhase.AWAITING_CONFIRMATION);
        entry.confirm().join();

        List<ParkingOrder> in = f.orders.inLot();
        assertThat(in).hasSize(2);
        assertThat(in).extracting(ParkingOrder::plate).doesNotHaveDuplicates().allSatisfy(p -> {
            assertThat(p).startsWith("无").hasSize(7);
            assertThat(p).isNotEqualTo("无");
        });
        assertThat(in).extracting(ParkingOrder::kind).containsOnly(CarKind.NO_PLATE);
    }

    @Test
    void aNoPlateExitBillsNobodyByItself() {
        entry.onPlate(f.read("A1", "_无_")).join();
        entry.confirm().join();
        f.clock.advance(Duration.ofHours(2));
        exit.onPlate(f.read("B1", "_无_")).join();
        assertThat(exit.state().get().phase()).isEqualTo(LanePhase.NO_RECORD);
        assertThat(exit.state().get().order()).isNull();
        assertThat(f.orders.inLot()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%S%S%N", "京A1234\n5", "京A\u0000123", "\u202E54321A京", "äº¬A12345", "京A123456789",
            "😀😀😀", "京A12345京A12345"})
    void aReadThatIsNoPlateNeverReachesTheBarrierOrTheRecord(String license) {
        entry.onPlate(f.read("A1", license)).join();
        assertThat(f.signals.commands(BarrierAction.OPEN)).isZero();
        assertThat(f.orders.byId).isEmpty();
        LaneState s = entry.state().get();
        assertThat(s.messageKey()).isEqualTo("plate.invalid");
        String shown = (String) s.messageArgs().get(0);
        assertThat(shown.chars().noneMatch(c -> Character.isISOControl(c) || c == 0x202E)).isTrue();
        assertThat(s.lastRead().plate()).isEmpty();
    }

    @Test
    void moneyAndManualBarrierNeedAnAttendantLoggedIn() {
        String in = f.orders.nextOrderId("A1", f.clock.instant());
        f.orders.recordEntry(ParkingOrder.entered(in, "京A12345", "small", "A1", f.clock.instant().minus(
                Duration.ofHours(3)), "op7", null), 199);
        exit.onPlate(f.read("B1", "京A12345")).join();
        assertThat(exit.state().get().phase()).isEqualTo(LanePhase.AWAITING_PAYMENT);
        long gatesBefore = f.signals.log.stream().filter(l -> !l.startsWith("show")).count();

        for (String nobody : new String[] {null, "", "  "}) {
            f.operator.set(nobody);
            assertLoginRequired(() -> exit.settleCash(0).join());
            assertLoginRequired(() -> exit.releaseFree("领导批准").join());
            assertLoginRequired(() -> exit.barrier(BarrierAction.OPEN, "测试").join());
            assertLoginRequired(() -> entry.barrier(BarrierAction.KEEP_OPEN, "测试").join());
        }
        assertThat(f.signals.log.stream().filter(l -> !l.startsWith("show")).count()).isEqualTo(gatesBefore);
        assertThat(f.orders.find(in).orElseThrow().status()).isEqualTo(OrderStatus.IN_LOT);

        f.operator.set("op7");
        assertThat(exit.settleCash(0).join().order().status()).isEqualTo(OrderStatus.CLOSED);
    }

    @Test
    void noRecordFeeNeedsAnAttendantToo() {
        exit.onPlate(f.read("B1", "京B99999")).join();
        f.operator.set("");
        assertLoginRequired(() -> exit.chargeNoRecord("丢失记录").join());
    }

    @Test
    void keepOpenAndItsReleaseGoToTheBarrierAndAreRecordedWithWhoWhyAndPicture() {
        entry.barrier(BarrierAction.KEEP_OPEN, "早高峰").join();
        entry.barrier(BarrierAction.RELEASE_KEEP_OPEN, "高峰结束").join();
        assertThat(f.signals.commands(BarrierAction.KEEP_OPEN)).isEqualTo(1);
        assertThat(f.signals.commands(BarrierAction.RELEASE_KEEP_OPEN)).isEqualTo(1);
        assertThat(f.gates.events).extracting(GateEvent::action)
                .containsExactly(GateEvent.Action.KEEP_OPEN, GateEvent.Action.RELEASE_KEEP_OPEN);
        assertThat(f.gates.events).allSatisfy(e -> {
            assertThat(e.cause()).isEqualTo(GateEvent.Cause.MANUAL);
            assertThat(e.operator()).isEqualTo("op7");
            assertThat(e.image()).isNotNull();
        });
        assertThat(f.gates.events.get(0).reason()).isEqualTo("早高峰");
        assertThat(entry.state().get().messageKey()).isEqualTo("lane.manual.release");
    }

    @Test
    void aRouteThatCannotHoldTheBarrierSaysSo() {
        f.signals.next.set(GateOutcome.unsupported("camera relay only pulses"));
        assertThatThrownBy(() -> exit.barrier(BarrierAction.KEEP_OPEN, "早高峰").join())
                .hasCauseInstanceOf(LaneException.class)
                .cause().extracting(e -> ((LaneException) e).messageKey()).isEqualTo("lane.gate.unsupported");
    }

    @Test
    void cashTakenButTheBarrierFailedClosesNothingAndTheCarStillWaitsToPay() {
        String in = f.orders.nextOrderId("A1", f.clock.instant());
        f.orders.recordEntry(ParkingOrder.entered(in, "京A12345", "small", "A1", f.clock.instant().minus(
                Duration.ofHours(3)), "op7", null), 199);
        exit.onPlate(f.read("B1", "京A12345")).join();
        f.signals.next.set(GateOutcome.failed("NO_ACK"));
        assertThatThrownBy(() -> exit.settleCash(0).join()).cause()
                .extracting(e -> ((LaneException) e).messageKey()).isEqualTo("lane.gate.failed");
        assertThat(f.orders.find(in).orElseThrow().status()).isEqualTo(OrderStatus.IN_LOT);
        assertThat(f.orders.uplinks).noneMatch(u -> u.startsWith("out_park"));
        assertThat(exit.state().get().phase()).isEqualTo(LanePhase.AWAITING_PAYMENT);
        f.signals.next.set(GateOutcome.confirmed("ACKED"));
        assertThat(exit.settleCash(0).join().order().status()).isEqualTo(OrderStatus.CLOSED);
    }

    @Test
    void aFreeExitWhoseBarrierFailedWaitsForConfirmationAndSendsNoOutPark() {
        entry.onPlate(f.read("A1", "京A12345")).join();
        f.clock.advance(Duration.ofMinutes(5)); // inside the free minutes: released by itself
        f.signals.next.set(GateOutcome.failed("NO_ACK"));
        exit.onPlate(f.read("B1", "京A12345")).join();
        assertThat(exit.state().get().phase()).isEqualTo(LanePhase.AWAITING_CONFIRMATION);
        assertThat(exit.state().get().messageKey()).isEqualTo("lane.gate.failed");
        assertThat(f.orders.findInLot("京A12345")).isPresent();
        assertThat(f.orders.uplinks).noneMatch(u -> u.startsWith("out_park"));

        f.signals.next.set(GateOutcome.confirmed("ACKED"));
        exit.confirm().join();
        assertThat(f.orders.findInLot("京A12345")).isEmpty();
        assertThat(f.orders.uplinks).contains("out_park 京A12345");
        assertThat(f.gates.events).extracting(e -> e.outcome().result()).containsExactly(
                GateOutcome.Result.CONFIRMED, GateOutcome.Result.FAILED, GateOutcome.Result.CONFIRMED);
    }

    @Test
    void aNoRecordCarAfterAPaidExitGetsItsOwnLedAndVoiceAndNoFeeBox() {
        entry.onPlate(f.read("A1", "京A12345")).join();
        f.clock.advance(Duration.ofHours(3));
        exit.onPlate(f.read("B1", "京A12345")).join();
        assertThat(exit.state().get().phase()).isEqualTo(LanePhase.AWAITING_PAYMENT);
        exit.settleCash(100_00).join();
        assertThat(f.signals.log.get(f.signals.log.size() - 1)).contains("一路顺风");
        f.clock.advance(Duration.ofMinutes(1));
        exit.onPlate(f.read("B1", "沪C99999")).join();
        String last = f.signals.log.get(f.signals.log.size() - 1);
        assertThat(last).startsWith("show B1").contains("沪C99999").doesNotContain("京A12345");
        assertThat(last.substring(last.indexOf(" / "))).doesNotContain("一路顺风").doesNotContain("缴费");
        assertThat(exit.state().get().lastRead().plate()).isEqualTo("沪C99999");
        assertThat(exit.state().get().quote()).isNull();
        assertThat(exit.state().get().order()).isNull();
    }

    @Test
    void aRefusalClearsTheLedOfThePreviousCarsFee() {
        String in = f.orders.nextOrderId("A1", f.clock.instant());
        f.orders.recordEntry(ParkingOrder.entered(in, "京A12345", "small", "A1", f.clock.instant().minus(
                Duration.ofHours(3)), "op7", null), 199);
        exit.onPlate(f.read("B1", "京A12345")).join();
        exit.refuse().join();
        assertThat(f.signals.log.get(f.signals.log.size() - 1))
                .isEqualTo("show B1 [欢迎光临, 余位" + f.spaces.free.get() + "] / ").doesNotContain("请缴费");
        assertThat(exit.state().get().quote()).isNull();
    }

    @Test
    void aWhileAfterACarPassedTheLedShowsTheIdleTextUnlessAnotherCarCame() {
        java.util.List<Runnable> later = new java.util.ArrayList<>();
        java.util.List<Duration> delays = new java.util.ArrayList<>();
        LaneController lane = new LaneController(new LaneInfo("A1", "入口1", LaneDirection.ENTRY),
                f.services(LaneRules.defaults()).withIdleAfter(Duration.ofSeconds(8)), Runnable::run,
                (d, task) -> {
                    delays.add(d);
                    later.add(task);
                });
        lane.onPlate(f.read("A1", "京A12345")).join();
        assertThat(lane.state().get().phase()).isEqualTo(LanePhase.ENTERED);
        assertThat(delays).containsExactly(Duration.ofSeconds(8));
        assertThat(f.signals.log.get(f.signals.log.size() - 1)).contains("京A12345").contains("欢迎光临");
        later.get(0).run(); // 8 s on: nobody came
        assertThat(f.signals.log.get(f.signals.log.size() - 1)).isEqualTo("show A1 [欢迎光临, 余位" + f.spaces.free.get() + "] / ");

        // the next car comes before its predecessor's delay ran out: its welcome stays
        f.clock.advance(Duration.ofMinutes(1));
        lane.onPlate(f.read("A1", "沪B54321")).join();
        f.clock.advance(Duration.ofSeconds(2));
        lane.onPlate(f.read("A1", "")).join(); // a car without a plate waits for the attendant
        int said = f.signals.log.size();
        later.get(1).run(); // the delay of 沪B54321: another event came, and a car waits
        assertThat(f.signals.log).hasSize(said);
        assertThat(later).hasSize(2).as("nothing is scheduled while a car waits");
    }

    @Test
    void theIdleTextNeverComesWhenItIsSwitchedOff() {
        java.util.List<Runnable> later = new java.util.ArrayList<>();
        LaneController lane = new LaneController(new LaneInfo("A1", "入口1", LaneDirection.ENTRY),
                f.services(LaneRules.defaults()).withIdleAfter(Duration.ZERO), Runnable::run,
                (d, task) -> later.add(task));
        lane.onPlate(f.read("A1", "京A12345")).join();
        assertThat(later).isEmpty();
    }

    @Test
    void aBadIdleSettingIsNamedWithItsValue() {
        assertThat(LaneServices.idleAfter(null)).isEqualTo(LaneServices.DEFAULT_IDLE_AFTER);
        assertThat(LaneServices.idleAfter(" 3 ")).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> LaneServices.idleAfter("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lane.idle_after_seconds").hasMessageContaining("'soon'");
        assertThatThrownBy(() -> LaneServices.idleAfter("-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOfflineRePushWithoutTheCamerasTimeGoesToTheAttendantEvenInsideTheWindow() {
        // readAt is the receive time (well inside the window): only the flag tells it is not the entry time
        entry.onOfflineRead(new PlateRead("A1", "京A11111", 1, 95, f.clock.instant(), new byte[0], "cam",
                new byte[0], true, false)).join();
        assertThat(entry.state().get().phase()).isEqualTo(LanePhase.AWAITING_CONFIRMATION);
        assertThat(entry.state().get().messageKey()).isEqualTo("entry.offline.notime");
        assertThat(f.orders.byId).isEmpty();
        assertThat(f.signals.commands(BarrierAction.OPEN)).isZero();
        // the same read with the camera's time is recorded by itself
        entry.onOfflineRead(new PlateRead("A1", "京A22222", 1, 95, f.clock.instant().minus(Duration.ofHours(1)),
                new byte[0], "cam")).join();
        assertThat(f.orders.byId.values()).extracting(o -> o.plate()).containsExactly("京A22222");
    }

    @Test
    void aReadTheCameraTypesAsNoPlateIsANoPlateCarWhateverItsText() {
        entry.onPlate(new PlateRead("A1", "*****", 1, 40, f.clock.instant(), new byte[0], "cam", new byte[0], false,
                true)).join();
        assertThat(entry.state().get().phase()).isEqualTo(LanePhase.AWAITING_CONFIRMATION);
        assertThat(entry.state().get().messageKey()).isEqualTo("entry.noplate");
        assertThat(f.orders.byId).isEmpty();
        assertThat(f.signals.commands(BarrierAction.OPEN)).isZero();
    }

    @Test
    void offlineRePushesOutsideTheTimeWindowGoToTheAttendant() {
        entry.onOfflineRead(new PlateRead("A1", "京A11111", 1, 95, f.clock.instant().minus(Duration.ofDays(30)),
                new byte[0], "cam")).join();
        assertThat(entry.state().get().messageKey()).isEqualTo("entry.offline.time");
        entry.onOfflineRead(new PlateRead("A1", "京A22222", 1, 95, java.time.Instant.ofEpochSecond(0),
                new byte[0], "cam")).join();
        entry.onOfflineRead(new PlateRead("A1", "京A33333", 1, 95, f.clock.instant().plus(Duration.ofDays(365 * 3000L)),
                new byte[0], "cam")).join();
        assertThat(entry.state().get().phase()).isEqualTo(LanePhase.AWAITING_CONFIRMATION);
        assertThat(f.orders.byId).isEmpty();
        assertThat(f.signals.commands(BarrierAction.OPEN)).isZero();

        entry.onOfflineRead(new PlateRead("A1", "京A44444", 1, 95, f.clock.instant().minus(Duration.ofHours(2)),
                new byte[0], "cam")).join();
        assertThat(f.orders.findInLot("京A44444")).isPresent();
        assertThat(f.signals.commands(BarrierAction.OPEN)).as("an offline entry never moves the barrier").isZero();
    }

    @Test
    void offlineEntriesObeyTheLotFullRule() {
        f.spaces.free.set(0);
        entry.onOfflineRead(new PlateRead("A1", "京A44444", 1, 95, f.clock.instant().minus(Duration.ofHours(2)),
                new byte[0], "cam")).join();
        assertThat(f.orders.byId).isEmpty();
        assertThat(entry.state().get().messageKey()).isEqualTo("entry.offline.refused");
        entry.confirm().join();
        assertThat(f.orders.findInLot("京A44444")).isPresent();
        assertThat(f.signals.commands(BarrierAction.OPEN)).isZero();
    }

    @Test
    void aJournaledReadLeavesTheJournalOnlyOnceDecided() {
        long id = f.journal.record(f.read("A1", "_无_"), false, f.clock.instant());
        entry.onCameraRead(f.read("A1", "_无_"), false, id).join();
        assertThat(f.journal.rows).as("waits for the attendant: still undecided").containsKey(id);
        entry.confirm().join();
        assertThat(f.journal.rows).isEmpty();

        long id2 = f.journal.record(f.read("A1", "京A12345"), false, f.clock.instant());
        entry.onCameraRead(f.read("A1", "京A12345"), false, id2).join();
        assertThat(f.journal.rows).isEmpty();
    }

    @Test
    void afterARestartAnAnsweredButUndecidedReadIsShownNotActedOn() {
        f.journal.record(f.read("A1", "京A12345"), false, f.clock.instant());
        LaneController restarted = f.entry();
        restarted.recoverPending().join();
        assertThat(f.orders.byId).isEmpty();
        assertThat(restarted.state().get().phase()).isEqualTo(LanePhase.AWAITING_CONFIRMATION);
        assertThat(restarted.state().get().messageKey()).isEqualTo("lane.recovered");
        restarted.confirm().join();
        assertThat(f.orders.findInLot("京A12345")).isPresent();
        assertThat(f.journal.rows).isEmpty();
    }

    private static void assertLoginRequired(Runnable action) {
        assertThatThrownBy(action::run).isInstanceOf(CompletionException.class).cause()
                .isInstanceOf(LaneException.class)
                .extracting(e -> ((LaneException) e).messageKey()).isEqualTo("lane.login_required");
    }
}
