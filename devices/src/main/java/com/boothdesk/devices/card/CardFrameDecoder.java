package com.boothdesk.devices.card;

import com.boothdesk.devices.util.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streaming decoder for {@link CardFrame}s: feed it chunks as they arrive from a serial port, get back every complete
 * frame with a valid CRC. It looks for the {@code ?? 64 FF FF} (or {@code ?? C8 FF FF}) header, waits for the declared
 * length, checks the CRC, and on any mismatch drops one byte and searches again, so garbage, line noise and truncated
 * frames cost only the bytes they occupy. Not thread-safe: one decoder per reading thread.
 */
public final class CardFrameDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(CardFrameDecoder.class);
    private static final int MAX_BUFFER = 2 * (CardFrame.MAX_DATA + 16);

    private byte[] buf = new byte[512];
    private int len;
    private long discarded;
    private long crcErrors;

    /** Adds a chunk and returns the frames it completed, in order (often none, sometimes several). */
    public List<CardFrame> feed(byte[] chunk) {
        return feed(chunk, 0, chunk.length);
    }

    public List<CardFrame> feed(byte[] chunk, int off, int n) {
        append(chunk, off, n);
        List<CardFrame> out = new ArrayList<>(1);
        int pos = 0;
        while (true) {
            int start = findHeader(pos);
            if (start < 0) {
                // keep up to 3 trailing bytes: they may be the start of a header split across chunks
                int keep = Math.min(3, len - pos);
                drop(len - keep - pos, "no frame header");
                pos = len - keep;
                break;
            }
            drop(start - pos, "garbage before frame header");
            pos = start;
            boolean v2 = (buf[pos + 1] & 0xFF) == CardFrame.VERSION_2;
            int header = v2 ? 7 : 6;
            if (len - pos < header) {
                break;
            }
            int dl = buf[pos + 5] & 0xFF;
            if (v2) {
                dl |= (buf[pos + 6] & 0xFF) << 8;
                if (dl > CardFrame.MAX_DATA) {
                    drop(1, "implausible length " + dl);
                    pos++;
                    continue;
                }
            }
            int total = header + dl + 2;
            if (len - pos < total) {
                break;
            }
            int crc = Crc16Modbus.compute(buf, pos, header + dl);
            int got = (buf[pos + total - 2] & 0xFF) | (buf[pos + total - 1] & 0xFF) << 8;
            if (crc != got) {
                crcErrors++;
                if (LOG.isDebugEnabled()) {
                    LOG.debug("card frame CRC mismatch (want {}, got {}): {}", Integer.toHexString(crc),
                            Integer.toHexString(got), Hex.format(buf, pos, total));
                }
                drop(1, "CRC mismatch");
                pos++;
                continue;
            }
            out.add(new CardFrame(buf[pos] & 0xFF, buf[pos + 4] & 0xFF,
                    Arrays.copyOfRange(buf, pos + header, pos + header + dl)));
            pos += total;
        }
        compact(pos);
        return out;
    }

    private int findHeader(int from) {
        for (int i = from; i + 3 < len; i++) {
            int vr = buf[i + 1] & 0xFF;
            if ((vr == CardFrame.VERSION_1 || vr == CardFrame.VERSION_2)
                    && buf[i + 2] == (byte) 0xFF && buf[i + 3] == (byte) 0xFF) {
                return i;
            }
        }
        return -1;
    }

    private void drop(int count, String why) {
        if (count > 0) {
            discarded += count;
            LOG.debug("card decoder discarded {} byte(s): {}", count, why);
        }
    }

    private void append(byte[] chunk, int off, int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
        System.arraycopy(chunk, off, buf, len, n);
        len += n;
        if (len > MAX_BUFFER) {
            // cannot happen with honest framing; bound memory against endless headers with huge lengths
            int excess = len - MAX_BUFFER;
            drop(excess, "buffer overflow");
            compact(excess);
        }
    }

    private void compact(int consumed) {
        if (consumed > 0) {
            System.arraycopy(buf, consumed, buf, 0, len - consumed);
            len -= consumed;
        }
    }

    /** Drops any partial frame (e.g. after a reply timeout), counting its bytes as discarded. */
    public void reset() {
        drop(len, "reset");
        len = 0;
    }

    /**
     * Gives up on the frame currently being waited for (its header may have been line noise announcing a long
     * frame) and searches the held bytes again; returns any frames found behind it.
     */
    public List<CardFrame> abandonPartial() {
        if (len == 0) {
            return List.of();
        }
        drop(1, "abandoned partial frame");
        compact(1);
        return feed(new byte[0], 0, 0);
    }

    /** Bytes thrown away so far: garbage, broken frames, frames with a bad CRC. */
    public long discardedBytes() {
        return discarded;
    }

    /** Candidate frames rejected because of their CRC. */
    public long crcErrors() {
        return crcErrors;
    }

    /** Bytes held while waiting for the rest of a frame. */
    public int pendingBytes() {
        return len;
    }
}
