package com.boothdesk.app.ui.pay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.payment.ExitPayments;
import com.boothdesk.app.payment.PaymentSettings;

/**
 * {@code payment.scanner.max_gap_ms} reaches the screen's burst detector: the screen builds its detector with the gap
 * the payment settings carry, and a slower scanner's burst is a pay code under the larger gap only.
 */
class ScannerGapSettingTest {

    static final long MS = 1_000_000L;

    static PayingLanePort exitWith(String gapMs) {
        ExitPayments exits = new ExitPayments(Map.of(), null, null,
                PaymentSettings.from(Map.of("payment.scanner.max_gap_ms", gapMs)), Clock.systemUTC(), null, null,
                () -> "", "t");
        return new PayingLanePort(null, PayingLanePort.of(exits, "B1"));
    }

    static ScanBurstDetector.Result burst(ScanBurstDetector d, long gapMs) {
        long t = 0;
        for (char c : "134567890123456789".toCharArray()) {
            d.key("DIGIT" + c, t, false);
            t += gapMs * MS;
        }
        return d.key("ENTER", t, false);
    }

    @Test
    void theScreensDetectorUsesTheConfiguredGap() {
        assertThat(ScannerKeys.maxGapOf(List.of(exitWith("90")))).isEqualTo(Duration.ofMillis(90));
        assertThat(ScannerKeys.maxGapOf(List.of())).as("a screen without payments").isEqualTo(Duration.ofMillis(40));
        assertThat(ScannerKeys.maxGapOf(List.of(exitWith("40")))).isEqualTo(Duration.ofMillis(40));
    }

    @Test
    void aSlowScannerIsAPayCodeOnlyUnderTheLargerGap() {
        Duration configured = ScannerKeys.maxGapOf(List.of(exitWith("90")));
        assertThat(burst(new ScanBurstDetector(configured), 70)).isInstanceOf(ScanBurstDetector.Burst.class);
        assertThat(burst(new ScanBurstDetector(Duration.ofMillis(40)), 70)).isInstanceOf(ScanBurstDetector.Pass.class);
    }

    @Test
    void aGapOutsideTheRangeIsAConfigurationError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PaymentSettings.from(Map.of(
                "payment.scanner.max_gap_ms", "900"))).hasMessageContaining("payment.scanner.max_gap_ms");
    }
}
