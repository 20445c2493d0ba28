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
     * The electronic channel of an exit payment, by the channel recorded on the order (the protocol's
     * {@code pay_channel}, see {@link #channelName}); an order without one is one channel named by the pay_type.
     */
    public static String channel(ShiftOrder o) {
        return o.channel() == null || o.channel().isBlank() ? "扫码支付(" + o.method().wireName() + ")"
                : channelName(o.channel());
    }

    /** {@code pay_channel} codes (protocol §5.1.12: 0 微信, 1 支付宝 …, by code or by the payments part's name); other text is kept. */
    public static String channelName(String code) {
        String c = code.trim();
        return switch (c) {
            case "0", "wechat" -> "微信";
            case "1", "alipay" -> "支付宝";
            case "2", "balance" -> "余额";
            case "3", "unionpay" -> "银联";
            case "4", "ccb" -> "建行";
            default -> c.matches("\\d{1,4}") ? "支付通道" + c : c.length() > 16 ? c.substring(0, 16) : c;
        };
    }
}
