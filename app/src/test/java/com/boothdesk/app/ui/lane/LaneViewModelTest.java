package com.boothdesk.app.ui.lane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.boothdesk.app.BoothStatus;
import com.boothdesk.app.LaneEcho;
import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.gate.BarrierAction;
import com.boothdesk.app.domain.lane.LaneException;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.SettleResult;
import com.boothdesk.app.ui.FakeLane;
import com.boothdesk.app.ui.ReasonLists;

/** The lane's rules without a screen: enabling, validation, errors that stay, and state that belongs to the car. */
class LaneViewModelTest {

    FakeLane lane = FakeLane.exit();
    Observable<BoothStatus> status = new Observable<>(status("CONNECTED"));
    LaneViewModel vm;

    @BeforeEach
    void start() {
        vm = new LaneViewModel(lane, FakeLane.env());
        vm.start(() -> status);
    }

    @Test
    void aNameTheCloudGivesTheLanesChannelShowsInTheTitleAtOnce() {
        assertThat(vm.titleProperty().get()).contains("出口1").contains("(B1)");
        lane.rename("东门出口");
        assertThat(vm.titleProperty().get()).contains("东门出口").contains("(B1)").doesNotContain("出口1 ");
    }

    @Test
    void aFreeReleaseWithoutAReasonSaysWhyAndTheMessageSurvivesTheNextRefresh() {
        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        vm.free();
        assertThat(vm.errorProperty().get()).isEqualTo("请选择或填写原因");
        assertThat(lane.calls).isEmpty();
        // the once-a-second status and the same car's state published again leave the message alone
        status.set(status("DEGRADED"));
        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        assertThat(vm.errorProperty().get()).isEqualTo("请选择或填写原因");
    }

    @Test
    void theReasonIsUsedOnceAndTheBoxIsEmptyAfterwards() {
        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        vm.reasonProperty().set("设备故障");
        vm.free();
        assertThat(lane.calls).containsExactly("free 设备故障");
        assertThat(vm.reasonProperty().get()).isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void cashGivesTheChangeLargeAndAShortAmountKeepsWhatWasTyped() {
        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        vm.checkout().tenderedProperty().set("5");
        assertThat(vm.checkout().changeProperty().get()).isEqualTo("还差 2.00 元");
        lane.answer = CompletableFuture.failedFuture(new LaneException("settle.short", "short"));
        vm.cash();
        assertThat(vm.errorProperty().get()).isEqualTo("实收金额不足");
        assertThat(vm.checkout().tenderedProperty().get()).as("never clears a field still needed").isEqualTo("5");

        lane.answer = CompletableFuture.completedFuture(null);
        lane.settle = new SettleResult(null, 2000, 1300);
        vm.checkout().tenderedProperty().set("20");
        assertThat(vm.errorProperty().get()).as("typing is acting: the old error goes").isEmpty();
        vm.cash();
        assertThat(lane.calls).containsExactly("cash 500", "cash 2000");
        assertThat(vm.checkout().changeProperty().get()).startsWith("找零 13.00 元");
        assertThat(vm.checkout().tenderedProperty().get()).isEmpty();
        // paid: the big 待缴 never shows a fee that was just taken
        assertThat(vm.checkout().dueProperty().get()).isEqualTo("0.00");
        assertThat(vm.checkout().paidProperty().get()).isEqualTo("7.00");
    }

    @Test
    void anUnreadableAmountIsRefusedBeforeTheLaneIsAsked() {
        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        vm.checkout().tenderedProperty().set("2o");
        vm.cash();
        assertThat(vm.errorProperty().get()).isEqualTo("金额格式不对:2o");
        assertThat(lane.calls).isEmpty();
    }

    @Test
    void theFeeBoxShowsTheTotalsAndTheItemsOfTheCarOnScreenOnly() {
        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        assertThat(vm.checkout().dueProperty().get()).isEqualTo("7.00");
        assertThat(vm.checkout().grossProperty().get()).isEqualTo("7.00");
        assertThat(vm.checkout().discountProperty().get()).isEqualTo("0.00");
        assertThat(vm.checkout().paidProperty().get()).isEqualTo("0.00");
        assertThat(vm.checkout().items()).hasSize(2).allSatisfy(l -> assertThat(l).doesNotStartWith("应收"));
        // the car is refused: nothing of its money stays
        lane.publish(lane.phase(LanePhase.REFUSED, "京A12345", FakeLane.T0, "lane.refused", "京A12345"));
        assertThat(vm.checkout().dueProperty().get()).isEmpty();
        assertThat(vm.checkout().items()).isEmpty();
    }

    @Test
    void aNewCarStartsWithNoVoiceLineNoErrorNoCandidatesAndNoFee() {
        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        lane.echo.set(new LaneEcho(List.of("京A12345", "请交费7.00元"), "一路顺风"));
        vm.refuse(); // fine
        lane.answer = CompletableFuture.failedFuture(new LaneException("free.nothing", "x"));
        vm.reasonProperty().set("其他");
        vm.free();
        assertThat(vm.errorProperty().get()).isNotEmpty();
        assertThat(vm.voiceProperty().get()).isEqualTo("一路顺风");

        lane.publish(lane.phase(LanePhase.NO_RECORD, "京Z99999", FakeLane.T0.plusSeconds(60), "exit.norecord",
                "京Z99999"));
        assertThat(vm.voiceProperty().get()).as("the previous car's voice line").isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.checkout().dueProperty().get()).isEmpty();
        assertThat(vm.plateProperty().get()).isEqualTo("京Z99999");
        assertThat(vm.reasonKindProperty().get()).isEqualTo(ReasonLists.Kind.NO_RECORD);
        assertThat(vm.reasonChoices()).containsExactly("识别失败");
    }

    @Test
    void aVoiceLineForTheNewCarThatArrivesBeforeItsStateIsKept() {
        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        lane.echo.set(new LaneEcho(List.of(), "京B22222,请交费5.00元")); // the LED/voice beat the state to the screen
        lane.publish(lane.paying("京B22222", FakeLane.T0.plusSeconds(60), 500));
        assertThat(vm.voiceProperty().get()).isEqualTo("京B22222,请交费5.00元");
    }

    @Test
    void afterAPickTheOrdersPlateIsShownWithTheReadBesideIt() {
        lane.publish(lane.matching("京A1234S", FakeLane.T0, FakeLane.order("O1", "京A12345", FakeLane.T0, "e1")));
        assertThat(vm.picks().rows()).hasSize(1);
        vm.pick(1);
        assertThat(lane.calls).containsExactly("pick O1");
        var paying = lane.paying("京A1234S", FakeLane.T0, 700);
        lane.publish(new com.boothdesk.app.domain.lane.LaneState(paying.lane(), paying.phase(), paying.lastRead(),
                FakeLane.order("O1", "京A12345", FakeLane.T0, null), paying.quote(), paying.decision(), List.of(),
                paying.kind(), paying.at()));
        assertThat(vm.plateProperty().get()).isEqualTo("京A12345");
        assertThat(vm.readPlateProperty().get()).isEqualTo("识别 京A1234S");
        assertThat(vm.picks().rows()).isEmpty();
    }

    @Test
    void aPickWithoutThatCandidateSaysSo() {
        lane.publish(lane.matching("京A1234S", FakeLane.T0, FakeLane.order("O1", "京A12345", FakeLane.T0, null)));
        vm.pick(3);
        assertThat(vm.errorProperty().get()).isEqualTo("没有第 3 个候选");
        assertThat(lane.calls).isEmpty();
    }

    @Test
    void everyBarrierCommandNeedsAReasonOnEveryLaneAndKeepOpenFailureSaysWhy() {
        FakeLane entry = FakeLane.entry();
        LaneViewModel in = new LaneViewModel(entry, FakeLane.env());
        in.start(null);
        in.barrier(BarrierAction.OPEN);
        assertThat(in.errorProperty().get()).contains("手动抬杆").contains("原因");
        in.reasonProperty().set("车队通行");
        in.barrier(BarrierAction.OPEN);
        assertThat(entry.calls).containsExactly("barrier OPEN 车队通行");
        assertThat(in.reasonProperty().get()).isEmpty();
        assertThat(in.infoProperty().get()).contains("车队通行");

        entry.answer = CompletableFuture.failedFuture(new UnsupportedOperationException("keep-open is not wired yet"));
        in.reasonProperty().set("早高峰");
        in.barrier(BarrierAction.KEEP_OPEN);
        assertThat(in.errorProperty().get()).isEqualTo("此功能暂不可用:keep-open is not wired yet");
        assertThat(in.reasonProperty().get()).as("kept for the retry").isEqualTo("早高峰");
    }

    @Test
    void aLaneThatDoesNotAnswerIsReportedAndTheScreenIsNotHeld() {
        LaneViewModel slow = new LaneViewModel(lane, FakeLane.env(Duration.ofMillis(100)));
        slow.start(null);
        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        lane.answer = null; // the lane never answers
        slow.confirm(); // nothing to confirm: said at once, the lane is not asked
        assertThat(slow.errorProperty().get()).isEqualTo("当前没有待确认的车辆");
        slow.refuse();
        assertThat(slow.busyProperty().get()).isTrue();
        slow.refuse();
        assertThat(slow.errorProperty().get()).isEqualTo("上一个操作尚未完成,请稍候");
        // the fake's UI executor runs on the timeout thread: wait for the whole answer, not half of it
        await().atMost(Duration.ofSeconds(5)).until(() -> slow.errorProperty().get().contains("没有响应"));
        assertThat(slow.busyProperty().get()).isFalse();
    }

    @Test
    void theEnablingRulesFollowThePhase() {
        assertThat(vm.canCashProperty().get()).isFalse();
        assertThat(vm.canRefuseProperty().get()).isFalse();
        assertThat(vm.canCorrectProperty().get()).isFalse();
        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        assertThat(vm.canCashProperty().get()).isTrue();
        assertThat(vm.canFreeProperty().get()).isTrue();
        assertThat(vm.canRefuseProperty().get()).isTrue();
        assertThat(vm.canCorrectProperty().get()).isTrue();
        assertThat(vm.canNoRecordProperty().get()).isFalse();
        assertThat(vm.canBarrierProperty().get()).isTrue();
        assertThat(vm.reasonKindProperty().get()).isEqualTo(ReasonLists.Kind.FREE);
        lane.publish(lane.phase(LanePhase.RELEASED, "京A12345", FakeLane.T0, "lane.released.cash", "京A12345", "7.00"));
        assertThat(vm.canCashProperty().get()).isFalse();
        assertThat(vm.reasonKindProperty().get()).isEqualTo(ReasonLists.Kind.BARRIER);
    }

    @Test
    void theDeviceLineSaysWhatTheHealthFeedSays() {
        assertThat(vm.devicesProperty().get()).isEqualTo("显示屏 正常   道闸 正常   相机 正常");
        assertThat(vm.devicesTroubleProperty().get()).isFalse();
        status.set(new BoothStatus("LOGGED_IN", 0, 0, 10, Map.of("main", 10), "demo",
                Map.of("B1", new BoothStatus.LaneDevices("CONNECTED", "CONNECTED", "OFFLINE"))));
        assertThat(vm.devicesProperty().get()).endsWith("相机 离线");
        assertThat(vm.devicesTroubleProperty().get()).isTrue();
    }

    @Test
    void theCarsFactsAreShown() {
        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        assertThat(vm.plateColourProperty().get()).isEqualTo("蓝牌");
        assertThat(vm.confidenceProperty().get()).isEqualTo("可信度 93");
        assertThat(vm.carClassProperty().get()).isEqualTo("临时车");
        lane.publish(lane.phase(LanePhase.RELEASED, "京M00001", FakeLane.T0.plusSeconds(5), "exit.monthly",
                "京M00001", 12));
        assertThat(vm.listStatusProperty().get()).isEqualTo("月卡 剩余 12 天");
    }

    static BoothStatus status(String camera) {
        return new BoothStatus("LOGGED_IN", 0, 0, 10, Map.of("main", 10), "demo",
                Map.of("B1", new BoothStatus.LaneDevices("CONNECTED", "CONNECTED", camera)));
    }
}
