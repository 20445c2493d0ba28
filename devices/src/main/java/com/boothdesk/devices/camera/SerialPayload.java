package com.boothdesk.devices.camera;

import com.boothdesk.devices.util.Hex;
import java.util.Arrays;
import java.util.Objects;

/**
 * Bytes a camera writes to one of its serial outputs on the server's behalf (Zhenshi {@code serialData}); this is how a
 * site drives its LED/voice card through the camera instead of a USB-RS485 adapter.
 *
 * @param channel 0 = RS485-1, 1 = RS485-2 / RS232
 * @param data the bytes, typically a complete 00 64 FF FF card frame
 */
public record SerialPayload(int channel, byte[] data) {
    public SerialPayload {
        if (channel < 0 || channel > 1) {
            throw new IllegalArgumentException("serial channel must be 0 or 1: " + channel);
        }
        data = Objects.requireNonNull(data, "data").clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SerialPayload && ((SerialPayload) o).channel == channel
                && Arrays.equals(((SerialPayload) o).data, data);
    }

    @Override
    public int hashCode() {
        return 31 * channel + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "SerialPayload[ch=" + channel + " " + Hex.format(data) + "]";
    }
}
