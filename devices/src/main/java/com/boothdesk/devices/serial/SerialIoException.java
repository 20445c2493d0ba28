package com.boothdesk.devices.serial;

/** Reading or writing failed, or the link is not open. */
public class SerialIoException extends SerialException {
    public SerialIoException(String message) {
        super(message);
    }

    public SerialIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
