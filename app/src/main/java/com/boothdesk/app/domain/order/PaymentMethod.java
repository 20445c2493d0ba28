package com.boothdesk.app.domain.order;

/** How an exit was settled; {@link #wireName()} is the protocol's {@code pay_type}. */
public enum PaymentMethod {
    CASH("cash"),
    FREE("free"),
    ELECTRONIC("sweepcode"),
    MONTHLY("monthuser"),
    /** Paid before reaching the exit (3.2 prepay), within the grace window. */
    PREPAID("free"),
    /** Taken from a stored-value card's balance. */
    STORED_VALUE("wallet");

    private final String wireName;

    PaymentMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
