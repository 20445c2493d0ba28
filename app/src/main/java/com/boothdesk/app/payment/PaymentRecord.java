package com.boothdesk.app.payment;

import java.time.Instant;

/**
 * One payment event recorded against an order (and the attendant on duty, for the shift's totals by channel).
 *
 * @param kind      what reported it: {@link Kind}
 * @param tradeNo   the platform's trade number (the idempotency key with kind and state); null when there is none
 * @param state     the message's state (1 success, 0 failure, 2 paying, or the kind's own codes)
 * @param payType   the protocol's pay_type (sweepcode, wallet, scancode, repair, cash ...)
 * @param channel   the payment channel by name (wechat, alipay, balance, unionpay, ccb, or the raw code)
 * @param amountFen what was paid (or refunded, or given as change)
 * @param operator  the attendant on duty when it was recorded, or "cloud"
 */
public record PaymentRecord(Kind kind, String tradeNo, String orderId, String laneId, String plate, int state,
                            String payType, String channel, long amountFen, Long arriveFen, Long feeFen,
                            String operator, String detail, Instant received) {

    /** The kinds of payment events. */
    public enum Kind {
        /** 3.4 outpark: the result of an electronic payment at the exit. */
        OUTPARK,
        /** 2.2 out_park's synchronous answer to a booth pay-code or wallet payment. */
        BOOTH_PAY,
        /** 3.23 refund. */
        REFUND,
        /** 3.24 recharge: change paid out electronically. */
        CHANGE,
        /** 3.25 pay_notice: third-party payment or deduction relayed by the cloud. */
        PLATFORM,
        /** 3.36 pay_notice: charging-pile discount. */
        CHARGING,
        /** 3.28 order_zero_balance: manual settlement from the cloud back-office. */
        MANUAL_SETTLEMENT,
        /** 3.29 repair: a chase payment. */
        CHASE,
        /** 3.37 escape_order: an escaped order paid later. */
        ESCAPE_PAID,
        /** 3.44 fixed_charge: a fixed fee for a car with no stay. */
        FIXED_CHARGE,
        /** 7.4 type 2: a paid code shown while the booth was offline; opened, kept for reconciliation. */
        OFFLINE_PAID_CODE,
        /** 2.44: an order let out to pay later. */
        LATER_PAY,
        /** 2.37: an ETC deduction. */
        ETC
    }

    /** The protocol's pay_channel (5.1.12) by name. */
    public static String channelName(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return switch (code.trim()) {
            case "0" -> "wechat";
            case "1" -> "alipay";
            case "2" -> "balance";
            case "3" -> "unionpay";
            case "4" -> "ccb";
            default -> code.trim().length() <= 16 ? code.trim() : code.trim().substring(0, 16);
        };
    }
}
