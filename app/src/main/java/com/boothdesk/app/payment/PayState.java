package com.boothdesk.app.payment;

import java.time.Instant;
import java.util.List;

/**
 * What the exit panel shows about the electronic payment of the car waiting at one exit lane. Immutable; a new one is
 * published on every change.
 *
 * @param code       the pay code to show as a QR (7.5 URL or the lane's 2.18 code), null when there is none
 * @param codeExpiry when the code stops being accepted (7.5 codes: one minute), null for lasting codes
 * @param messageKey what to tell the attendant (i18n key, {@code pay.*}) with its arguments
 * @param alert      a warning for the attendant about this car (2.38: unpaid escape records), null when none
 */
public record PayState(String laneId, Phase phase, String orderId, String plate, long amountFen, String code,
                       Instant codeExpiry, String messageKey, List<Object> args, Instant at, String alert) {

    /** Where the payment stands. */
    public enum Phase {
        /** No car waits to pay at this exit. */
        NONE,
        /** The pay code is shown; nobody has paid yet (the 2.19 poll may be running). */
        WAITING,
        /** A payment is under way (3.4 or 2.2 state 2: 支付中). */
        PAYING,
        /** Paid: the order is closed and the gate opened by itself. */
        PAID,
        /** The payment failed: the attendant asks for another payment (cash or a new code). */
        FAILED,
        /** The poll found no payment in two minutes; the platform will push it if it comes. */
        GIVEN_UP
    }

    public PayState {
        args = List.copyOf(args);
    }

    public static PayState none(String laneId, Instant at) {
        return new PayState(laneId, Phase.NONE, null, null, 0, null, null, "pay.none", List.of(), at, null);
    }

    PayState with(Phase p, String key, List<Object> a, Instant now) {
        return new PayState(laneId, p, orderId, plate, amountFen, code, codeExpiry, key, a, now, alert);
    }

    PayState withCode(String c, Instant expiry, Instant now) {
        return new PayState(laneId, phase, orderId, plate, amountFen, c, expiry, messageKey, args, now, alert);
    }

    PayState withAlert(String a) {
        return new PayState(laneId, phase, orderId, plate, amountFen, code, codeExpiry, messageKey, args, at, a);
    }
}
