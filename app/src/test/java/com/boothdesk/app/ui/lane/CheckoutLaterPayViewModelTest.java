package com.boothdesk.app.ui.lane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.lane.LaneException;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.payment.PayState;
import com.boothdesk.app.ui.FakeLane;
import com.boothdesk.app.ui.keys.Action;
import com.boothdesk.app.ui.pay.PayPort;
import com.boothdesk.app.ui.pay.PayingLanePort;

/**
 * proto4, 2.44 先走后付 on the exit's checkout, without a robot: the key's command needs a car waiting to pay and a
 * reason; it goes to the lane's payment with that reason; a refusal of the site's rule is the lane's error line; what
 * was done stays under the totals until the next car; the key is in the keymap.
 */
class CheckoutLaterPayViewModelTest {

    final FakeLane lane = FakeLane.exit();
    final List<String> asked = new CopyOnWriteArrayList<>();
    volatile CompletableFuture<ParkingOrder> answer;
    LaneViewModel vm;

    @BeforeEach
    void start() {
        PayPort pay = new PayPort() {
            @Override
            public Observable<PayState> state() {
                return new Observable<>(PayState.none(lane.info.id(), FakeLane.T0));
            }

            @Override
            public CompletableFuture<PayState> payByCode(String authCode) {
                return new CompletableFuture<>();
            }

            @Override
            public CompletableFuture<ParkingOrder> laterPay(String reason) {
                asked.add(reason);
                return answer;
            }
        };
        vm = new LaneViewModel(new PayingLanePort(lane, pay), FakeLane.env());
        vm.start(null);
    }

    @Test
    void theCarWaitingToPayLeavesWithTheReasonAndTheCheckoutSaysSo() {
        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        vm.checkout().laterPay(vm, Runnable::run);
        assertThat(vm.errorProperty().get()).isEqualTo("请选择或填写原因");
        assertThat(asked).isEmpty();

        answer = CompletableFuture.completedFuture(FakeLane.order("o1", "京A12345", FakeLane.T0, null));
        vm.reasonProperty().set("司机未带手机");
        vm.checkout().laterPay(vm, Runnable::run);
        assertThat(asked).containsExactly("司机未带手机");
        assertThat(vm.checkout().laterPayProperty().get()).isEqualTo("京A12345 已先走后付放行,欠费 7.00 元已上传平台追缴");
        assertThat(vm.reasonProperty().get()).isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void theRulesRefusalIsShownAndNothingIsDoneWithoutACarToPay() {
        vm.checkout().laterPay(vm, Runnable::run);
        assertThat(vm.errorProperty().get()).isEqualTo("没有待缴费的车辆,无法先走后付");
        assertThat(asked).isEmpty();

        lane.publish(lane.paying("京A12345", FakeLane.T0, 700));
        answer = CompletableFuture.failedFuture(new LaneException("laterpay.supervisor", "rule"));
        vm.reasonProperty().set("司机未带手机");
        vm.checkout().laterPay(vm, Runnable::run);
        assertThat(vm.errorProperty().get()).isEqualTo("先走后付须由主管或管理员当班操作");
        assertThat(vm.checkout().laterPayProperty().get()).isEmpty();
        assertThat(vm.reasonProperty().get()).as("kept for another try").isEqualTo("司机未带手机");
    }

    @Test
    void theKeyIsInTheKeymap() {
        assertThat(FakeLane.env().keymap().label(Action.LATER_PAY)).isEqualTo("Ctrl+F2");
    }
}
