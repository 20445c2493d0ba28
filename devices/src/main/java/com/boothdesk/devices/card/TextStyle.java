package com.boothdesk.devices.card;

/**
 * How a card shows a text: entry/exit effect and speed, stay time, font, repeat count and colours.
 * Effects: 0x00 immediate, 0x01 right to left, 0x02 left to right, 0x03 up, 0x04 down, 0x05..0x08 curtains,
 * 0x0D character by character, 0x15 continuous left scroll. Colours are 0xRRGGBB.
 *
 * @param enterMode effect when the text appears
 * @param enterSpeed 1..32
 * @param staySeconds 0..255
 * @param exitMode effect when the text leaves
 * @param exitSpeed 1..32
 * @param font font index (3 = 16-dot Song, the usual lane-card font)
 * @param repeat times to show, 0 = for ever
 * @param color text colour 0xRRGGBB
 * @param background background colour 0xRRGGBB (most cards ignore it)
 */
public record TextStyle(int enterMode, int enterSpeed, int staySeconds, int exitMode, int exitSpeed, int font,
                        int repeat, int color, int background) {
    public static final int RED = 0xFF0000;
    public static final int GREEN = 0x00FF00;
    public static final int YELLOW = 0xFFFF00;
    public static final int MODE_IMMEDIATE = 0x00;
    public static final int MODE_SCROLL_LEFT = 0x15;
    /** Immediate, stays 5 s, font 3, for ever, red: the card maker's example for 0x62. */
    public static final TextStyle DEFAULT = new TextStyle(MODE_IMMEDIATE, 1, 5, MODE_IMMEDIATE, 1, 3, 0, RED, 0);

    public TextStyle {
        checkByte("enterMode", enterMode);
        checkByte("enterSpeed", enterSpeed);
        checkByte("staySeconds", staySeconds);
        checkByte("exitMode", exitMode);
        checkByte("exitSpeed", exitSpeed);
        checkByte("font", font);
        checkByte("repeat", repeat);
        if ((color & 0xFF000000) != 0 || (background & 0xFF000000) != 0) {
            throw new IllegalArgumentException("colours are 0xRRGGBB");
        }
    }

    static void checkByte(String what, int v) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException(what + " out of range 0..255: " + v);
        }
    }

    public TextStyle withColor(int rgb) {
        return new TextStyle(enterMode, enterSpeed, staySeconds, exitMode, exitSpeed, font, repeat, rgb, background);
    }
}
