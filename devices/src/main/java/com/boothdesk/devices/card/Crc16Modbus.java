package com.boothdesk.devices.card;

/** CRC-16/MODBUS: initial value 0xFFFF, reflected polynomial 0xA001, no final XOR. Sent low byte first. */
public final class Crc16Modbus {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc16Modbus() {
    }

    /** The CRC of {@code len} bytes of {@code b} from {@code off}, as an int in 0..0xFFFF. */
    public static int compute(byte[] b, int off, int len) {
        if (off < 0 || len < 0 || off + len > b.length) {
            throw new IndexOutOfBoundsException("off=" + off + " len=" + len + " size=" + b.length);
        }
        int crc = 0xFFFF;
        for (int i = off; i < off + len; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ b[i]) & 0xFF];
        }
        return crc;
    }
}
