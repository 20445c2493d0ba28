package com.boothdesk.devices.serial;

/** The driver did not accept or deliver the bytes in time. */
public class SerialTimeoutException extends SerialException {
    public SerialTimeoutException(String message) {
        super(message);
    }

    public SerialTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
