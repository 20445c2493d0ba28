package com.boothdesk.devices.serial;

/** Base of the typed serial errors; jSerialComm's boolean failures become these. */
public class SerialException extends Exception {
    public SerialException(String message) {
        super(message);
    }

    public SerialException(String message, Throwable cause) {
        super(message, cause);
    }
}
