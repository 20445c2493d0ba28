package com.boothdesk.sdk.outbox;

/** Delivery state of one stored uplink, as shown on the booth screen. */
public enum DeliveryStatus {
    /** Stored, waiting for its turn (or for the retry time after a failure). */
    PENDING,
    /** Written to the link, reply not yet received. Resent after a restart (the cloud filters duplicates). */
    SENT,
    /** The cloud answered {@code state:1} (or {@code 数据已处理过}: it already had it). Final. */
    ACKNOWLEDGED,
    /** Given up: the message can never be delivered; {@code lastError} says why. Final. */
    FAILED;

    /** True for ACKNOWLEDGED and FAILED. */
    public boolean isFinal() {
        return this == ACKNOWLEDGED || this == FAILED;
    }
}
