package com.boothdesk.app.ui.pay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.common.Observable;
import com.boothdesk.app.payment.PayState;
import com.boothdesk.app.ui.FakeLane;
import com.boothdesk.app.ui.UiEnv;

/**
 * Issue 15: the pay code's title, its message and its alert are told again at once after a language switch, not at
 * the next change of the payment's state (as the lane's texts); a scan read since the last state keeps its message.
 */
class PayCodeFollowsTheLanguageTest {

    final UiEnv env = FakeLane.env();
    final Observable<PayState> state = new Observable<>(PayState.none("B1", FakeLane.T0));
    final PayCodeViewModel vm = new PayCodeViewModel(new PayPort() {
        @Override
        public Observable<PayState> state() {
            return state;
        }

        @Override
        public CompletableFuture<PayState> payByCode(String authCode) {
            return new CompletableFuture<>();
        }
    }, env).start();

    static PayState waiting(String alert) {
        return new PayState("B1", PayState.Phase.WAITING, "O-1", "京B55555", 700, "https://pay.example/q/1",
                FakeLane.T0.plusSeconds(600), "pay.waiting", List.of("7.00"), FakeLane.T0, alert);
    }

    @Test
    void theTitleTheMessageAndTheAlertFollowTheSwitchAtOnce() {
        state.set(waiting("逃费记录2条"));
        assertThat(vm.titleProperty().get()).isEqualTo("扫码缴费");
        assertThat(vm.messageProperty().get()).isEqualTo("请车主扫码支付 7.00\u00a0元");
        assertThat(vm.alertProperty().get()).isEqualTo("注意：该车有逃费记录2条，请提示车主补缴");

        env.msg().switchTo(Locale.ENGLISH); // no new pay state

        assertThat(vm.titleProperty().get()).isEqualTo("Scan to pay");
        assertThat(vm.messageProperty().get()).isEqualTo("The driver scans to pay 7.00\u00a0yuan");
        assertThat(vm.alertProperty().get()).startsWith("Note: this car has unpaid escapes (逃费记录2条)");
        assertThat(vm.codeProperty().get()).isEqualTo("https://pay.example/q/1");

        env.msg().switchTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(vm.titleProperty().get()).isEqualTo("扫码缴费");
        assertThat(vm.messageProperty().get()).isEqualTo("请车主扫码支付 7.00\u00a0元");
    }

    @Test
    void aScanReadSinceTheLastStateKeepsItsMessageInTheNewLanguage() {
        state.set(waiting(null));
        vm.payByCode("134567890123456789");
        assertThat(vm.messageProperty().get()).isEqualTo("已读取付款码，正在支付…");
        env.msg().switchTo(Locale.ENGLISH);
        assertThat(vm.messageProperty().get()).isEqualTo("Pay code read, paying...");
        assertThat(vm.alertProperty().get()).isEmpty();
        state.set(PayState.none("B1", FakeLane.T0));
        assertThat(vm.messageProperty().get()).isEmpty();
        env.msg().switchTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.titleProperty().get()).isEqualTo("扫码缴费");
    }

    @Test
    void aDisposedPayCodeNoLongerFollows() {
        vm.dispose();
        env.msg().switchTo(Locale.ENGLISH);
        assertThat(vm.titleProperty().get()).isEqualTo("扫码缴费");
    }
}
