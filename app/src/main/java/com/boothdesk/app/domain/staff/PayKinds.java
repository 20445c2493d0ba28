package com.boothdesk.app.domain.staff;

import com.boothdesk.app.domain.order.PaymentMethod;

/** Report names of the payment kinds. */
public final class PayKinds {

    private PayKinds() {
    }

    public static String label(PaymentMethod m) {
        return switch (m) {
            case CASH -> "现金";
            case ELECTRONIC -> "电子支付";
            case PREPAID -> "场内预付";
            case STORED_VALUE -> "储值卡";
            case MONTHLY -> "月卡";
            case FREE -> "免费放行";
        };
    }

    /**
     * The electronic channel of an exit payment. Orders do not yet keep the wallet (WeChat / Alipay) the car paid
     * with, so every exit QR payment is one channel, named by the protocol's pay_type.
     */
    public static String channel(PaymentMethod m) {
        return "扫码支付(" + m.wireName() + ")";
    }
}
