package com.boothdesk.app.domain.lane;

/** An attendant action that cannot be done in the lane's present state; the message key explains why. */
public final class LaneException extends RuntimeException {

    private final String messageKey;

    public LaneException(String messageKey, String detail) {
        super(detail);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
