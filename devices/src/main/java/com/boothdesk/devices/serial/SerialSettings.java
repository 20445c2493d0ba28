package com.boothdesk.devices.serial;

import java.util.Objects;

/**
 * How to open one serial port: the port path or name ({@code /dev/ttyUSB0}, {@code COM3}, or a pseudo-terminal link),
 * the baud rate and the character format. The lane cards of the 00 64 FF FF family default to 9600 8N1.
 */
public record SerialSettings(String portPath, int baudRate, Parity parity, int dataBits, int stopBits) {

    /** Parity of each character. */
    public enum Parity { NONE, ODD, EVEN }

    public SerialSettings {
        Objects.requireNonNull(portPath, "portPath");
        Objects.requireNonNull(parity, "parity");
        if (portPath.isBlank()) {
            throw new IllegalArgumentException("serial port path is blank");
        }
        if (baudRate < 300 || baudRate > 921_600) {
            throw new IllegalArgumentException("baud rate out of range 300..921600: " + baudRate);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5..8: " + dataBits);
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stop bits must be 1 or 2: " + stopBits);
        }
    }

    /** 9600 baud, 8 data bits, no parity, 1 stop bit. */
    public static SerialSettings of(String portPath) {
        return new SerialSettings(portPath, 9600, Parity.NONE, 8, 1);
    }

    public SerialSettings withBaudRate(int baud) {
        return new SerialSettings(portPath, baud, parity, dataBits, stopBits);
    }

    public SerialSettings withParity(Parity p) {
        return new SerialSettings(portPath, baudRate, p, dataBits, stopBits);
    }

    @Override
    public String toString() {
        return portPath + " " + baudRate + " " + dataBits + parity.name().charAt(0) + stopBits;
    }
}
