package com.boothdesk.sdk.message.downlink;

/** A downlink field that is missing or cannot be read; the message names the field (and is the answer's errmsg). */
public final class DownlinkFieldException extends IllegalArgumentException {

    public DownlinkFieldException(String message) {
        super(message);
    }
}
