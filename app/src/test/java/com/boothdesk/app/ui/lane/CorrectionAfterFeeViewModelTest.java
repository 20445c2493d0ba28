package com.boothdesk.app.ui.lane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.staff.SupervisedAction;
import com.boothdesk.app.ui.FakeLane;

/**
 * A plate correction once the fee is shown (the car is waiting for payment) may be reserved to a supervisor
 * ({@code staff.supervisor_actions=correction_after_fee}): the lane gets the correction only once the check says
 * yes; the dialog's future tells it why not when refused; before a fee is shown nothing is asked.
 */
class CorrectionAfterFeeViewModelTest {

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
    void aCorrectionAfterTheFeeWaitsForTheSupervisorWithTheFeeAndBothPlates() {
        answer = new CompletableFuture<>();
        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        CompletableFuture<String> done = vm.correct("京A12346");
        assertThat(asked).containsExactly(new Asked(SupervisedAction.CORRECTION_AFTER_FEE, 700,
                "京A12345 → 京A12346"));
        assertThat(lane.calls).as("nothing reaches the lane before the confirmation").isEmpty();
        assertThat(done).isNotDone();
        assertThat(vm.busyProperty().get()).as("busy while the supervisor's dialog is open").isTrue();

        answer.complete(true);
        assertThat(lane.calls).containsExactly("correct 京A12346");
        assertThat(done).isCompletedWithValue("");
    }

    @Test
    void aRefusedConfirmationKeepsThePlateAndTellsTheDialogWhy() {
        answer = new CompletableFuture<>();
        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        CompletableFuture<String> done = vm.correct("京A12346");
        answer.complete(false);
        assertThat(lane.calls).isEmpty();
        assertThat(done).isCompletedWithValue("未经主管确认，出示费用后改车牌未执行");
        assertThat(vm.errorProperty().get()).isEqualTo("未经主管确认，出示费用后改车牌未执行");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aCheckThatFailsAtOnceAlsoCompletesTheDialog() {
        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        vm.supervisor((action, fen, subject) -> {
            throw new IllegalStateException("no supervisor account");
        });
        CompletableFuture<String> done = vm.correct("京A12346");
        assertThat(done).isCompletedWithValue("未经主管确认，出示费用后改车牌未执行");
        assertThat(lane.calls).isEmpty();
    }

    @Test
    void beforeAFeeIsShownACorrectionNeverAsks() {
        answer = CompletableFuture.completedFuture(false);
        lane.publish(lane.phase(LanePhase.AWAITING_CONFIRMATION, "京A12345", FakeLane.T0, "exit.confirm",
                "京A12345"));
        CompletableFuture<String> done = vm.correct("京A12346");
        assertThat(asked).isEmpty();
        assertThat(lane.calls).containsExactly("correct 京A12346");
        assertThat(done).isCompletedWithValue("");
    }

    @Test
    void aSiteThatDoesNotReserveItCorrectsAtOnce() {
        answer = CompletableFuture.completedFuture(true); // what the gate answers when the action is not reserved
        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        CompletableFuture<String> done = vm.correct("京A12346");
        assertThat(lane.calls).containsExactly("correct 京A12346");
        assertThat(done).isCompletedWithValue("");
    }
}
