package com.boothdesk.devices.card;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link LaneCard}.
 *
 * @param ackTimeout how long to wait for the card's reply to one frame
 * @param retries extra attempts after a missing reply (bounded; 2 means at most 3 writes)
 * @param gateWindow a gate command not written within this time of the request is dropped, never sent late
 * @param commandWindow the same for screen and voice commands (an old fee must not appear for the next car)
 * @param openThrottle gate opens closer together than this are ignored
 * @param expectAck false for cards in half-duplex "no reply" mode (command 0x1A)
 * @param textMode how {@link LaneCard#showLines} and {@link LaneCard#showAndSay} reach the card
 * @param lineCount lines of the card's screen; shorter line lists clear the rest
 * @param maxFrameBytes screen and voice frames are kept to at most this many bytes on the wire (a multi-line frame
 *     that would be longer goes as one 0x62 frame per line, a long voice text as several queued 0x30 frames, a line
 *     that alone would be longer is cut), so a gate command never waits behind more than one short frame: at 9600
 *     baud 64 bytes take 67 ms. 0 = no limit. QR payment frames cannot be split and are sent whole. Since every
 *     non-gate frame is also written in short paced chunks that a gate command can cut (it is resent whole
 *     afterwards), the frame limit mostly bounds the wait behind a frame's ACK and the cost of a resend.
 * @param baudRate the line's baud rate (8N1 assumed: 10 bits a byte), used to wait for a frame's wire time: the ACK
 *     wait is extended by the time the frame and its ACK take on the line, and without ACKs the next frame is written
 *     only once the previous one has left, so the adapter's buffer never holds more than one frame
 * @param ackTurnaround how long the card may stay silent after a screen/voice frame's last byte (and, once its reply
 *     has started, after the last reply byte) while a gate command waits: then the line is taken as quiet and the gate
 *     frame goes; the screen frame is retried as one without ACK. Bounds a gate's wait behind a screen frame's ACK.
 *     Default 20 ms: a card's processing time plus a USB adapter's receive latency (FTDI's default latency timer is
 *     16 ms; set it to 1 ms for the 30 ms gate bound, as the reply itself must be received before the gate goes).
 */
public record LaneCardOptions(Duration ackTimeout, int retries, Duration gateWindow, Duration commandWindow,
                              Duration openThrottle, boolean expectAck, TextMode textMode, int lineCount,
                              int maxFrameBytes, int baudRate, Duration ackTurnaround) {

    /** Which frames carry multi-line text. */
    public enum TextMode {
        /** One 0x62 per line, then 0x30 for the voice: understood by every card of the family. */
        PER_LINE,
        /** One 0x6E frame with lines and voice (v1 cards). */
        MULTI_LINE_6E,
        /** One 0x6F frame with lines and voice (v2 cards). */
        MULTI_LINE_6F
    }

    /** Smallest frame limit: a 0x62 line frame with 8 bytes (4 Chinese characters) of text. */
    public static final int MIN_FRAME_BYTES = 35;

    public static final LaneCardOptions DEFAULTS = new LaneCardOptions(Duration.ofMillis(300), 2,
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1), true, TextMode.PER_LINE, 4, 64, 9600, Duration.ofMillis(20));

    /** The eight settings of before the line model, with the default frame limit (64 bytes) and 9600 baud. */
    public LaneCardOptions(Duration ackTimeout, int retries, Duration gateWindow, Duration commandWindow,
                           Duration openThrottle, boolean expectAck, TextMode textMode, int lineCount) {
        this(ackTimeout, retries, gateWindow, commandWindow, openThrottle, expectAck, textMode, lineCount, 64, 9600,
                Duration.ofMillis(20));
    }

    /** The ten settings of before the ACK turnaround bound, with its default (20 ms). */
    public LaneCardOptions(Duration ackTimeout, int retries, Duration gateWindow, Duration commandWindow,
                           Duration openThrottle, boolean expectAck, TextMode textMode, int lineCount,
                           int maxFrameBytes, int baudRate) {
        this(ackTimeout, retries, gateWindow, commandWindow, openThrottle, expectAck, textMode, lineCount,
                maxFrameBytes, baudRate, Duration.ofMillis(20));
    }

    public LaneCardOptions {
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        Objects.requireNonNull(gateWindow, "gateWindow");
        Objects.requireNonNull(commandWindow, "commandWindow");
        Objects.requireNonNull(openThrottle, "openThrottle");
        Objects.requireNonNull(textMode, "textMode");
        Objects.requireNonNull(ackTurnaround, "ackTurnaround");
        if (ackTurnaround.isNegative() || ackTurnaround.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("ackTurnaround must be 0..1 s: " + ackTurnaround);
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries must be 0..10: " + retries);
        }
        if (lineCount < 1 || lineCount > 4) {
            throw new IllegalArgumentException("lineCount must be 1..4: " + lineCount);
        }
        if (maxFrameBytes != 0 && maxFrameBytes < MIN_FRAME_BYTES) {
            throw new IllegalArgumentException("maxFrameBytes must be 0 (no limit) or >= " + MIN_FRAME_BYTES + ": "
                    + maxFrameBytes);
        }
        if (baudRate < 300 || baudRate > 921_600) {
            throw new IllegalArgumentException("baudRate out of range 300..921600: " + baudRate);
        }
    }

    public LaneCardOptions withAckTimeout(Duration d) {
        return new LaneCardOptions(d, retries, gateWindow, commandWindow, openThrottle, expectAck, textMode,
                lineCount, maxFrameBytes, baudRate, ackTurnaround);
    }

    public LaneCardOptions withRetries(int n) {
        return new LaneCardOptions(ackTimeout, n, gateWindow, commandWindow, openThrottle, expectAck, textMode,
                lineCount, maxFrameBytes, baudRate, ackTurnaround);
    }

    public LaneCardOptions withOpenThrottle(Duration d) {
        return new LaneCardOptions(ackTimeout, retries, gateWindow, commandWindow, d, expectAck, textMode,
                lineCount, maxFrameBytes, baudRate, ackTurnaround);
    }

    public LaneCardOptions withGateWindow(Duration d) {
        return new LaneCardOptions(ackTimeout, retries, d, commandWindow, openThrottle, expectAck, textMode,
                lineCount, maxFrameBytes, baudRate, ackTurnaround);
    }

    public LaneCardOptions withExpectAck(boolean b) {
        return new LaneCardOptions(ackTimeout, retries, gateWindow, commandWindow, openThrottle, b, textMode,
                lineCount, maxFrameBytes, baudRate, ackTurnaround);
    }

    public LaneCardOptions withTextMode(TextMode m) {
        return new LaneCardOptions(ackTimeout, retries, gateWindow, commandWindow, openThrottle, expectAck, m,
                lineCount, maxFrameBytes, baudRate, ackTurnaround);
    }

    public LaneCardOptions withCommandWindow(Duration d) {
        return new LaneCardOptions(ackTimeout, retries, gateWindow, d, openThrottle, expectAck, textMode, lineCount,
                maxFrameBytes, baudRate, ackTurnaround);
    }

    public LaneCardOptions withMaxFrameBytes(int n) {
        return new LaneCardOptions(ackTimeout, retries, gateWindow, commandWindow, openThrottle, expectAck, textMode,
                lineCount, n, baudRate, ackTurnaround);
    }

    public LaneCardOptions withBaudRate(int baud) {
        return new LaneCardOptions(ackTimeout, retries, gateWindow, commandWindow, openThrottle, expectAck, textMode,
                lineCount, maxFrameBytes, baud, ackTurnaround);
    }

    public LaneCardOptions withAckTurnaround(Duration d) {
        return new LaneCardOptions(ackTimeout, retries, gateWindow, commandWindow, openThrottle, expectAck, textMode,
                lineCount, maxFrameBytes, baudRate, d);
    }

    /** Time {@code bytes} take on the line at {@link #baudRate()} with 8N1 (10 bits a byte). */
    public Duration wireTime(int bytes) {
        return Duration.ofNanos(bytes * 10L * 1_000_000_000L / baudRate);
    }
}
