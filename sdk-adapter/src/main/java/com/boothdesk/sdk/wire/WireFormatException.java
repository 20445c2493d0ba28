package com.boothdesk.sdk.wire;

/** A line that is not a well-formed protocol message; the message says what is wrong with it. */
public final class WireFormatException extends Exception {

    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
