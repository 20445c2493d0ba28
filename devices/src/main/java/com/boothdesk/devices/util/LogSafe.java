package com.boothdesk.devices.util;

/**
 * Makes strings that came from outside (cameras, cards, the network) safe to keep and to log.
 *
 * <p>{@link #text(Object)} and {@link #text(Object, int)} are for log arguments: control characters (C0 including
 * {@code \n}, {@code \r}, {@code \t} and NUL, DEL, C1), line/paragraph separators and the bidirectional overrides and
 * isolates (U+202A..U+202E, U+2066..U+2069, U+200E/U+200F, U+061C) are written as {@code \n}, {@code \r}, {@code \t}
 * or {@code \}{@code uXXXX}, so one value is always one log line that reads in the order it was sent; a value longer
 * than the width is cut and the cut is noted with the full length ({@code …(+1234 chars, 1300 in all)}).
 *
 * <p>{@link #cut(String, int)} is for values that are kept (records, maps, health texts): it only bounds the length, at
 * a code-point boundary, and leaves the characters as they are.
 */
public final class LogSafe {
    /** Width used when a caller gives none. */
    public static final int DEFAULT_WIDTH = 120;

    private LogSafe() {
    }

    /** {@code value} escaped and cut to {@value #DEFAULT_WIDTH} characters; "null" for null. */
    public static String text(Object value) {
        return text(value, DEFAULT_WIDTH);
    }

    /** {@code value} escaped and cut to {@code width} characters of the original; "null" for null. */
    public static String text(Object value, int width) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        int limit = Math.min(s.length(), Math.max(0, width));
        if (limit < s.length() && limit > 0 && Character.isHighSurrogate(s.charAt(limit - 1))) {
            limit--;
        }
        StringBuilder sb = null;
        for (int i = 0; i < limit; i++) {
            char c = s.charAt(i);
            String esc = escape(c);
            if (esc != null && sb == null) {
                sb = new StringBuilder(limit + 16);
                sb.append(s, 0, i);
            }
            if (sb != null) {
                if (esc != null) {
                    sb.append(esc);
                } else {
                    sb.append(c);
                }
            }
        }
        String out = sb == null ? s.substring(0, limit) : sb.toString();
        if (limit < s.length()) {
            out = out + "…(+" + (s.length() - limit) + " chars, " + s.length() + " in all)";
        }
        return out;
    }

    /** At most {@code width} chars of {@code value}, never splitting a surrogate pair; "" for null. */
    public static String cut(String value, int width) {
        if (value == null) {
            return "";
        }
        if (value.length() <= width) {
            return value;
        }
        int limit = Math.max(0, width);
        if (limit > 0 && Character.isHighSurrogate(value.charAt(limit - 1))) {
            limit--;
        }
        return value.substring(0, limit);
    }

    /** True if {@link #text} would change a character of {@code value} (a control or bidi character). */
    public static boolean hasUnsafeCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (escape(value.charAt(i)) != null) {
                return true;
            }
        }
        return false;
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\\':
                return null;
            default:
                break;
        }
        boolean unsafe = c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E || c == 0x200F || c == 0x061C || c == 0x2028 || c == 0x2029 || c == 0xFEFF;
        return unsafe ? String.format("\\u%04X", (int) c) : null;
    }
}
