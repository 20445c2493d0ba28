package com.boothdesk.devices.camera.zhenshitcp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One frame of the Zhenshi TCP protocol (port 8131): {@code 'V' 'Z' type 0 length[4, big-endian]} then
 * {@code length} payload bytes. Type 0 carries JSON (for results: the JSON, a NUL, then the pictures), type 1 is the
 * keep-alive (empty payload). Pure; {@link Reader} reassembles frames from a byte stream within a size bound.
 *
 * @param type 0 data, 1 keep-alive
 */
public record VzFrame(int type, byte[] payload) {
    public static final int DATA = 0;
    public static final int KEEP_ALIVE = 1;
    public static final int HEADER = 8;

    public VzFrame {
        if (type < 0 || type > 255) {
            throw new IllegalArgumentException("frame type must be one byte: " + type);
        }
        payload = Objects.requireNonNull(payload, "payload").clone();
    }

    public static VzFrame json(String json) {
        return new VzFrame(DATA, json.getBytes(StandardCharsets.UTF_8));
    }

    public static VzFrame keepAlive() {
        return new VzFrame(KEEP_ALIVE, new byte[0]);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length);
        b.put((byte) 'V').put((byte) 'Z').put((byte) type).put((byte) 0).putInt(payload.length).put(payload);
        return b.array();
    }

    /** The JSON text of a data frame: the payload up to its first NUL. */
    public String jsonText() {
        int end = 0;
        while (end < payload.length && payload[end] != 0) {
            end++;
        }
        return new String(payload, 0, end, StandardCharsets.UTF_8);
    }

    /** The bytes after the JSON's terminating NUL (pictures of a result), possibly empty. */
    public byte[] binaryTail() {
        int end = 0;
        while (end < payload.length && payload[end] != 0) {
            end++;
        }
        return end + 1 >= payload.length ? new byte[0] : Arrays.copyOfRange(payload, end + 1, payload.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VzFrame f && f.type == type && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "VzFrame[type=" + type + " " + payload.length + "B]";
    }

    /** Reassembles frames from chunks; a bad header or an oversize length is an error (the caller reconnects). */
    public static final class Reader {
        private final int maxPayload;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        public Reader(int maxPayload) {
            this.maxPayload = maxPayload;
        }

        public List<VzFrame> feed(byte[] chunk, int off, int len) {
            buf.write(chunk, off, len);
            List<VzFrame> out = new ArrayList<>();
            byte[] all = buf.toByteArray();
            int pos = 0;
            while (all.length - pos >= HEADER) {
                if (all[pos] != 'V' || all[pos + 1] != 'Z') {
                    throw new IllegalArgumentException(String.format("not a VZ frame: header %02X %02X",
                            all[pos] & 0xff, all[pos + 1] & 0xff));
                }
                int type = all[pos + 2] & 0xff;
                long len64 = ByteBuffer.wrap(all, pos + 4, 4).getInt() & 0xffffffffL;
                if (len64 > maxPayload) {
                    throw new IllegalArgumentException("VZ frame of " + len64 + " bytes exceeds " + maxPayload);
                }
                int n = (int) len64;
                if (all.length - pos - HEADER < n) {
                    break;
                }
                out.add(new VzFrame(type, Arrays.copyOfRange(all, pos + HEADER, pos + HEADER + n)));
                pos += HEADER + n;
            }
            buf.reset();
            buf.write(all, pos, all.length - pos);
            return out;
        }

        /** Bytes held waiting for the rest of a frame. */
        public int buffered() {
            return buf.size();
        }
    }
}
