package com.boothdesk.devices.serial;

/** The configured serial port does not exist (adapter not plugged in, wrong name). */
public class PortNotFoundException extends SerialException {
    public PortNotFoundException(String message) {
        super(message);
    }

    public PortNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
