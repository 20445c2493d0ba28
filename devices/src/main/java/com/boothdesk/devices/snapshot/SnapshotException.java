package com.boothdesk.devices.snapshot;

/** No picture could be taken; the message says why in words an attendant can pass on. */
public class SnapshotException extends Exception {
    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
