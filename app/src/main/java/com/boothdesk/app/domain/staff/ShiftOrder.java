package com.boothdesk.app.domain.staff;

import java.time.Instant;

import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.PaymentMethod;

/**
 * One exit settled in a shift, as the shift report needs it (money in fen).
 *
 * @param noRecord whether the car had no entry record (charged the no-record fee)
 * @param channel  the electronic payment's channel as the payment recorded it on the order (the protocol's
 *                 {@code pay_channel}: 0 WeChat, 1 Alipay, …), or null when not known
 */
public record ShiftOrder(String orderId, String plate, Instant inTime, Instant outTime, String exitLane,
                         long dueFen, long paidFen, long prepaidFen, long discountFen, PaymentMethod method,
                         String freeReason, boolean noRecord, CarKind kind, String channel) {

    /** An order whose payment channel is not known. */
    public ShiftOrder(String orderId, String plate, Instant inTime, Instant outTime, String exitLane, long dueFen,
                      long paidFen, long prepaidFen, long discountFen, PaymentMethod method, String freeReason,
                      boolean noRecord, CarKind kind) {
        this(orderId, plate, inTime, outTime, exitLane, dueFen, paidFen, prepaidFen, discountFen, method,
                freeReason, noRecord, kind, null);
    }

    /** Money received for this stay: at the exit and before it. */
    public long receivedFen() {
        return paidFen + prepaidFen;
    }

    /** What was not paid of the fee: coupons, free releases. */
    public long reductionFen() {
        return Math.max(0, dueFen - paidFen - prepaidFen);
    }

    /** Whether the attendant (or a rule) let the car go without (full) payment for a reason. */
    public boolean freeRelease() {
        return method == PaymentMethod.FREE;
    }

    /** The amount a free release forgave (after coupons). */
    public long forgivenFen() {
        return freeRelease() ? Math.max(0, dueFen - paidFen - prepaidFen - discountFen) : 0;
    }

    /** The payment kind as reports show it. */
    public String payKind() {
        if (method == null) {
            return "-";
        }
        return method == PaymentMethod.ELECTRONIC && channel != null && !channel.isBlank()
                ? PayKinds.label(method) + "·" + PayKinds.channelName(channel) : PayKinds.label(method);
    }
}
