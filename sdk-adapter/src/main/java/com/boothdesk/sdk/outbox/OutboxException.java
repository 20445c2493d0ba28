package com.boothdesk.sdk.outbox;

/** The outbox database could not be read or written. */
public final class OutboxException extends RuntimeException {

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
