package com.boothdesk.sdk.message;

/** 5.1.3 订单支付类型 {@code pay_type} (the codes that travel on the wire). */
public final class PayType {

    public static final String CASH = "cash";
    public static final String WALLET = "wallet";
    public static final String SWEEPCODE = "sweepcode";
    public static final String SCANCODE = "scancode";
    public static final String MONTHUSER = "monthuser";
    public static final String FREE = "free";
    public static final String ESCAPE = "escape";
    public static final String ETC_PAY = "etc_pay";

    private PayType() {
    }
}
