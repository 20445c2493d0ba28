package com.boothdesk.app.domain.plate;

/**
 * Strings from outside (camera plates, serial numbers, cloud fields) made safe to log and to show: control,
 * format (bidirectional overrides, zero-width) and unpaired surrogate characters are escaped as {@code \\uXXXX},
 * and anything longer than the limit is cut with its length noted. Never throws, whatever the input.
 */
public final class SafeText {

    /** What a plate read is cut to when it is shown or logged. */
    public static final int PLATE_WIDTH = 24;

    private SafeText() {
    }

    /**
     * {@code value} escaped and cut to at most {@code max} characters of output, then (when cut) a length note of at
     * most 20 characters.
     */
    public static String of(String value, int max) {
        if (value == null) {
            return "";
        }
        int limit = Math.max(1, max);
        StringBuilder out = new StringBuilder(Math.min(value.length(), limit) + 16);
        int i = 0;
        while (i < value.length()) {
            char ch = value.charAt(i);
            String piece;
            int width = 1;
            if (Character.isHighSurrogate(ch) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                // a whole supplementary character (emoji ...): shown by its code point, never split
                piece = "\\u{" + Integer.toHexString(value.codePointAt(i)) + "}";
                width = 2;
            } else if (unsafe(ch)) {
                piece = String.format("\\u%04x", (int) ch);
            } else {
                piece = String.valueOf(ch);
            }
            if (out.length() + piece.length() > limit) {
                break;
            }
            out.append(piece);
            i += width;
        }
        if (i < value.length()) {
            out.append("…(").append(value.length()).append(" chars)");
        }
        return out.toString();
    }

    /** A plate read, safe to log or show. */
    public static String plate(String value) {
        return of(value, PLATE_WIDTH);
    }

    /** True when {@code value} has no character {@link #of} would escape. */
    public static boolean isClean(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (unsafe(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean unsafe(char ch) {
        if (Character.isISOControl(ch) || Character.isSurrogate(ch) || ch == '\\') {
            return true;
        }
        int type = Character.getType(ch);
        return type == Character.FORMAT || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
