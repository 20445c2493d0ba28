package com.boothdesk.sdk.link;

/** The uplink can never be sent as it is (for example its line exceeds the server's 1,024-byte limit). */
public final class MessageRejectedException extends Exception {

    public MessageRejectedException(String message) {
        super(message);
    }
}
