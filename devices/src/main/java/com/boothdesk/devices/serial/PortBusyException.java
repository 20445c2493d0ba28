package com.boothdesk.devices.serial;

/** The port exists but cannot be opened: held by another program, or access denied. */
public class PortBusyException extends SerialException {
    public PortBusyException(String message) {
        super(message);
    }

    public PortBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
