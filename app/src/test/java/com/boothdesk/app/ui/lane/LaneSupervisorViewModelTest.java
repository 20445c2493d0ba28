package com.boothdesk.app.ui.lane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.boothdesk.app.domain.gate.BarrierAction;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.staff.SupervisedAction;
import com.boothdesk.app.ui.FakeLane;
import com.boothdesk.app.ui.port.SupervisorCheck;

/**
 * The supervisor's confirmation before the lane commands a site may reserve (free release, manual lift, no-record
 * fee): the lane is asked only once the check says yes; a cancelled check sends nothing and says so; the lane is busy
 * while the check is open; commands that are not reserved never ask.
 */
class LaneSupervisorViewModelTest {

    record Asked(SupervisedAction action, long fen, String subject) {
    }

    FakeLane lane = FakeLane.exit();
    LaneViewModel vm;
    final List<Asked> asked = new CopyOnWriteArrayList<>();
    CompletableFuture<Boolean> answer;

    @BeforeEach
    void start() {
        vm = new LaneViewModel(lane, FakeLane.env());
        vm.start(null);
        vm.supervisor((action, fen, subject) -> {
            asked.add(new Asked(action, fen, subject));
            return answer;
        });
    }

    @Test
    void aFreeReleaseWaitsForTheSupervisorAndNamesTheAmountForgiven() {
        answer = new CompletableFuture<>();
        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        vm.reasonProperty().set("救护车");
        vm.free();
        assertThat(asked).containsExactly(new Asked(SupervisedAction.FREE_RELEASE, 700, "京A12345"));
        assertThat(lane.calls).as("nothing reaches the lane before the confirmation").isEmpty();
        assertThat(vm.canFreeProperty().get()).as("busy while the dialog is open").isFalse();
        vm.free();
        assertThat(asked).as("no second dialog meanwhile").hasSize(1);

        answer.complete(true);
        assertThat(lane.calls).containsExactly("free 救护车");
        assertThat(vm.reasonProperty().get()).isEmpty();
    }

    @Test
    void aCancelledConfirmationSendsNothingSaysSoAndKeepsTheReason() {
        answer = new CompletableFuture<>();
        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        vm.reasonProperty().set("救护车");
        vm.free();
        answer.complete(false);
        assertThat(lane.calls).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("未经主管确认，免费放行未执行");
        assertThat(vm.reasonProperty().get()).as("kept for the retry").isEqualTo("救护车");
        assertThat(vm.canFreeProperty().get()).isTrue();
    }

    @Test
    void aManualLiftAndKeepOpenAskButLoweringDoesNot() {
        answer = CompletableFuture.completedFuture(true);
        vm.reasonProperty().set("设备故障");
        vm.barrier(BarrierAction.OPEN);
        vm.reasonProperty().set("设备故障");
        vm.barrier(BarrierAction.CLOSE);
        vm.reasonProperty().set("设备故障");
        vm.barrier(BarrierAction.KEEP_OPEN);
        assertThat(asked).extracting(Asked::action).containsExactly(SupervisedAction.MANUAL_LIFT,
                SupervisedAction.MANUAL_LIFT);
        assertThat(asked.get(0).subject()).isEqualTo(vm.laneName());
        assertThat(lane.calls).containsExactly("barrier OPEN 设备故障", "barrier CLOSE 设备故障",
                "barrier KEEP_OPEN 设备故障");
    }

    @Test
    void aRefusedLiftLeavesTheBarrierAlone() {
        answer = CompletableFuture.failedFuture(new java.util.concurrent.CancellationException());
        vm.reasonProperty().set("设备故障");
        vm.barrier(BarrierAction.OPEN);
        assertThat(lane.calls).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("未经主管确认，手动抬杆未执行");
    }

    @Test
    void theNoRecordFeeAsksBeforeTheLaneCharges() {
        answer = new CompletableFuture<>();
        lane.publish(lane.phase(LanePhase.NO_RECORD, "京Z99999", FakeLane.T0, "exit.norecord", "京Z99999"));
        vm.reasonProperty().set("识别失败");
        vm.noRecord();
        assertThat(asked).containsExactly(new Asked(SupervisedAction.NO_RECORD_FEE, 0, "京Z99999"));
        assertThat(lane.calls).isEmpty();
        answer.complete(true);
        assertThat(lane.calls).containsExactly("norecord 识别失败");
    }

    @Test
    void cashNeverAsksAndWithoutACheckNothingIsAsked() {
        answer = CompletableFuture.completedFuture(false);
        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        vm.cash();
        assertThat(asked).isEmpty();
        assertThat(lane.calls).as("0: exactly the fee").containsExactly("cash 0");

        vm.supervisor(SupervisorCheck.NONE);
        vm.reasonProperty().set("救护车");
        lane.publish(lane.paying("京A12346", FakeLane.T0, 500));
        vm.reasonProperty().set("救护车");
        vm.free();
        assertThat(lane.calls).containsExactly("cash 0", "free 救护车");
    }
}
