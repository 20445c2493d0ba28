package com.boothdesk.devices.card;

import java.util.Objects;

/**
 * One line of a multi-line frame (0x6E / 0x6F).
 *
 * @param line window id, 0 = top line
 * @param mode display effect (see {@link TextStyle})
 * @param speed effect speed (0 recommended)
 * @param staySeconds 0..255
 * @param repeat times to show, 0 = for ever
 * @param font font index (0x6F only; 3 = 16-dot Song)
 * @param color 0xRRGGBB
 * @param text at most 32 GBK bytes are sent; longer text is cut at a character boundary
 */
public record TextLine(int line, int mode, int speed, int staySeconds, int repeat, int font, int color, String text) {
    /** Bytes of text one line may carry. */
    public static final int MAX_TEXT_BYTES = 32;

    public TextLine {
        TextStyle.checkByte("line", line);
        TextStyle.checkByte("mode", mode);
        TextStyle.checkByte("speed", speed);
        TextStyle.checkByte("staySeconds", staySeconds);
        TextStyle.checkByte("repeat", repeat);
        TextStyle.checkByte("font", font);
        Objects.requireNonNull(text, "text");
    }

    /** Immediate display, stays 5 s, shown for ever, font 3. */
    public static TextLine of(int line, String text, int color) {
        return new TextLine(line, TextStyle.MODE_IMMEDIATE, 1, 5, 0, 3, color, text);
    }
}
