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

    /**
     * Parses {@code <port>[,<baud>[,<data bits><N|O|E><stop bits>]]}, e.g. {@code COM3}, {@code /dev/ttyUSB0,19200}
     * or {@code COM4,9600,8E1}; missing parts default to 9600 8N1.
     *
     * @throws IllegalArgumentException with a message naming the bad part
     */
    public static SerialSettings parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("serial port setting is empty");
        }
        String[] parts = spec.trim().split("\\s*,\\s*");
        if (parts.length > 3) {
            throw new IllegalArgumentException("serial setting '" + spec + "' has too many parts; use port,baud,8N1");
        }
        SerialSettings s = of(parts[0]);
        if (parts.length > 1) {
            try {
                s = s.withBaudRate(Integer.parseInt(parts[1]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("baud rate '" + parts[1] + "' in '" + spec + "' is not a number");
            }
        }
        if (parts.length > 2) {
            String f = parts[2].toUpperCase(java.util.Locale.ROOT);
            if (!f.matches("[5-8][NOE][12]")) {
                throw new IllegalArgumentException("character format '" + parts[2] + "' in '" + spec
                        + "' must look like 8N1, 8E1 or 7O2");
            }
            Parity p = f.charAt(1) == 'N' ? Parity.NONE : f.charAt(1) == 'O' ? Parity.ODD : Parity.EVEN;
            s = new SerialSettings(s.portPath(), s.baudRate(), p, f.charAt(0) - '0', f.charAt(2) - '0');
        }
        return s;
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
