package com.boothdesk.app.ui.pay;

import java.util.concurrent.CompletableFuture;

import com.boothdesk.app.common.Observable;
import com.boothdesk.app.payment.PayState;

/**
 * What the exit panel may ask of one exit lane's electronic payment: its state (listeners run on the publisher's
 * thread) and paying the waiting car with a pay code the booth scanner read. Never blocks the caller.
 */
public interface PayPort {

    Observable<PayState> state();

    /** The driver's WeChat / Alipay pay code (the scanner's burst) for the car waiting at this exit. */
    CompletableFuture<PayState> payByCode(String authCode);

    /** {@code payment.scanner.max_gap_ms}: the longest average pause between two keys of a scanner burst. */
    default java.time.Duration scannerMaxGap() {
        return DEFAULT_SCANNER_GAP;
    }

    /**
     * proto4, 2.44 先走后付: the waiting car leaves now and pays later, with the attendant's reason, when the site's
     * rule allows it; completes with the closed stay, or exceptionally with a LaneException naming why not.
     */
    default CompletableFuture<com.boothdesk.app.domain.order.ParkingOrder> laterPay(String reason) {
        return CompletableFuture.failedFuture(new com.boothdesk.app.domain.lane.LaneException("laterpay.off",
                "no later-pay at this lane"));
    }

    /** proto4: whether the site's rule lets the attendant on duty use 先走后付 for a fee of {@code dueFen}. */
    default boolean laterPayAllowed(long dueFen) {
        return false;
    }

    /** The scanner gap when nothing is configured (40 ms). */
    java.time.Duration DEFAULT_SCANNER_GAP = java.time.Duration.ofMillis(40);

    /** A lane port that also carries the lane's payment (exit lanes of the running booth). */
    interface Paying {
        PayPort pay();
    }
}
