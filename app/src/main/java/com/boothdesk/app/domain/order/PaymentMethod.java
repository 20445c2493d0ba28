package com.boothdesk.app.domain.order;

/** How an exit was settled; {@link #wireName()} is the protocol's {@code pay_type}. */
public enum PaymentMethod {
    CASH("cash"),
    FREE("free"),
    ELECTRONIC("sweepcode"),
    MONTHLY("monthuser");

    private final String wireName;

    PaymentMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
