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
 *
 * <p>A truncated frame (its sender stopped in the middle, e.g. the host pre-empted a long screen frame for a gate
 * command) announces more bytes than it has. Two ways out of it, so the frame behind it is never held hostage until
 * the announced length has been filled by later bytes:
 * <ul>
 *   <li>look-ahead: while a frame is incomplete, a later header in the held bytes that starts a complete frame with a
 *       valid CRC-16/MODBUS wins, and the bytes before it are discarded as a truncated frame (GBK text never contains
 *       {@code FF FF}, so a frame header cannot appear inside the text of a real frame);</li>
 *   <li>{@link #lineIdle()}: a receiver that sees the line quiet for 3.5 character times (the Modbus RTU t3.5 rule
 *       that RS485 cards use to resynchronise) drops whatever partial frame it holds.</li>
 * </ul>
 */
public final class CardFrameDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(CardFrameDecoder.class);
    private static final int MAX_BUFFER = 2 * (CardFrame.MAX_DATA + 16);

    private byte[] buf = new byte[512];
    private int len;
    private long discarded;
    private long crcErrors;
    private long truncated;

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
                int later = completeFrameAfter(pos);
                if (later < 0) {
                    break;
                }
                truncated++;
                drop(later - pos, "truncated frame followed by a complete one");
                pos = later;
                continue;
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
                    Arrays.copyOfRange(buf, pos + header, pos + header + dl), header == 7));
            pos += total;
        }
        compact(pos);
        return out;
    }

    /** Start of a complete, CRC-valid frame after {@code pos} in the held bytes, or -1. */
    private int completeFrameAfter(int pos) {
        for (int q = findHeader(pos + 1); q >= 0; q = findHeader(q + 1)) {
            boolean v2 = (buf[q + 1] & 0xFF) == CardFrame.VERSION_2;
            int header = v2 ? 7 : 6;
            if (len - q < header) {
                return -1;
            }
            int dl = buf[q + 5] & 0xFF;
            if (v2) {
                dl |= (buf[q + 6] & 0xFF) << 8;
                if (dl > CardFrame.MAX_DATA) {
                    continue;
                }
            }
            int total = header + dl + 2;
            if (len - q < total) {
                continue;
            }
            int crc = Crc16Modbus.compute(buf, q, header + dl);
            int got = (buf[q + total - 2] & 0xFF) | (buf[q + total - 1] & 0xFF) << 8;
            if (crc == got) {
                return q;
            }
        }
        return -1;
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

    /**
     * The line has been quiet for at least 3.5 character times: whatever partial frame is held was cut off by its
     * sender (Modbus RTU t3.5 framing) and is dropped, so the next frame is decoded from its first byte.
     */
    public void lineIdle() {
        if (len > 0) {
            truncated++;
            drop(len, "line idle in the middle of a frame");
            len = 0;
        }
    }

    /** Partial frames given up because a complete frame followed them or the line went idle. */
    public long truncatedFrames() {
        return truncated;
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
