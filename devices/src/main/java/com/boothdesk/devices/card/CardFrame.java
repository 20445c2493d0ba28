package com.boothdesk.devices.card;

import com.boothdesk.devices.util.Hex;
import java.util.Arrays;
import java.util.Objects;

/**
 * One frame of the "00 64 FF FF" LED/voice/relay card protocol:
 * {@code DA VR PN[2]=FF FF CMD DL DATA CRClo CRChi}, CRC-16/MODBUS over DA..DATA. Frames with up to 255 data bytes use
 * protocol version 0x64 (one length byte); longer ones version 0xC8 (two length bytes, little endian).
 *
 * @param address card address DA, 0..255 (0x00 unless the card was re-addressed)
 * @param command command code CMD, 0..255
 * @param data the DATA field (copied; never null)
 */
public record CardFrame(int address, int command, byte[] data, boolean versionTwo) {
    /** Protocol version byte for frames with a one-byte length. */
    public static final int VERSION_1 = 0x64;
    /** Protocol version byte for frames with a two-byte length. */
    public static final int VERSION_2 = 0xC8;
    /** Largest DATA field this implementation accepts in either direction. */
    public static final int MAX_DATA = 4096;

    public CardFrame {
        if (address < 0 || address > 0xFF) {
            throw new IllegalArgumentException("card address out of range 0..255: " + address);
        }
        if (command < 0 || command > 0xFF) {
            throw new IllegalArgumentException("command out of range 0..255: " + command);
        }
        Objects.requireNonNull(data, "data");
        if (data.length > MAX_DATA) {
            throw new IllegalArgumentException("frame data too long: " + data.length + " bytes");
        }
        data = data.clone();
        versionTwo = versionTwo || data.length > 0xFF;
    }

    /** A frame whose version follows its length (V2 only when the data does not fit one length byte). */
    public CardFrame(int address, int command, byte[] data) {
        this(address, command, data, false);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int dataLength() {
        return data.length;
    }

    /** Byte {@code i} of DATA as 0..255. */
    public int dataByte(int i) {
        return data[i] & 0xFF;
    }

    /** True for a card reply carrying a single ACK byte. */
    public boolean isAck() {
        return data.length == 1;
    }

    /** The ACK byte of a reply (0 = success); -1 if this is not a one-byte reply. */
    public int ackCode() {
        return data.length == 1 ? data[0] & 0xFF : -1;
    }

    /** The complete frame, CRC included. */
    public byte[] encode() {
        boolean v2 = versionTwo;
        int header = v2 ? 7 : 6;
        byte[] out = new byte[header + data.length + 2];
        out[0] = (byte) address;
        out[1] = (byte) (v2 ? VERSION_2 : VERSION_1);
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xFF;
        out[4] = (byte) command;
        out[5] = (byte) data.length;
        if (v2) {
            out[6] = (byte) (data.length >>> 8);
        }
        System.arraycopy(data, 0, out, header, data.length);
        int crc = Crc16Modbus.compute(out, 0, header + data.length);
        out[out.length - 2] = (byte) crc;
        out[out.length - 1] = (byte) (crc >>> 8);
        return out;
    }

    /** The acknowledgement a card sends for this frame: same address and command, DATA = ACK byte. */
    public CardFrame reply(int ack) {
        return new CardFrame(address, command, new byte[] {(byte) ack}, versionTwo);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CardFrame
                && ((CardFrame) o).address == address
                && ((CardFrame) o).command == command
                && ((CardFrame) o).versionTwo == versionTwo
                && Arrays.equals(((CardFrame) o).data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * address + command) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("CardFrame[addr=%02X cmd=%02X data=%s]", address, command, Hex.format(data));
    }
}
