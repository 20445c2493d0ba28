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
 */
public record LaneCardOptions(Duration ackTimeout, int retries, Duration gateWindow, Duration commandWindow,
                              Duration openThrottle, boolean expectAck, TextMode textMode, int lineCount) {

    /** Which frames carry multi-line text. */
    public enum TextMode {
        /** One 0x62 per line, then 0x30 for the voice: understood by every card of the family. */
        PER_LINE,
        /** One 0x6E frame with lines and voice (v1 cards). */
        MULTI_LINE_6E,
        /** One 0x6F frame with lines and voice (v2 cards). */
        MULTI_LINE_6F
    }

    public static final LaneCardOptions DEFAULTS = new LaneCardOptions(Duration.ofMillis(300), 2,
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1), true, TextMode.PER_LINE, 4);

    public LaneCardOptions {
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        Objects.requireNonNull(gateWindow, "gateWindow");
        Objects.requireNonNull(commandWindow, "commandWindow");
        Objects.requireNonNull(openThrottle, "openThrottle");
        Objects.requireNonNull(textMode, "textMode");
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries must be 0..10: " + retries);
        }
        if (lineCount < 1 || lineCount > 4) {
            throw new IllegalArgumentException("lineCount must be 1..4: " + lineCount);
        }
    }

    public LaneCardOptions withAckTimeout(Duration d) {
        return new LaneCardOptions(d, retries, gateWindow, commandWindow, openThrottle, expectAck, textMode,
                lineCount);
    }

    public LaneCardOptions withRetries(int n) {
        return new LaneCardOptions(ackTimeout, n, gateWindow, commandWindow, openThrottle, expectAck, textMode,
                lineCount);
    }

    public LaneCardOptions withOpenThrottle(Duration d) {
        return new LaneCardOptions(ackTimeout, retries, gateWindow, commandWindow, d, expectAck, textMode,
                lineCount);
    }

    public LaneCardOptions withGateWindow(Duration d) {
        return new LaneCardOptions(ackTimeout, retries, d, commandWindow, openThrottle, expectAck, textMode,
                lineCount);
    }

    public LaneCardOptions withExpectAck(boolean b) {
        return new LaneCardOptions(ackTimeout, retries, gateWindow, commandWindow, openThrottle, b, textMode,
                lineCount);
    }

    public LaneCardOptions withTextMode(TextMode m) {
        return new LaneCardOptions(ackTimeout, retries, gateWindow, commandWindow, openThrottle, expectAck, m,
                lineCount);
    }
}
