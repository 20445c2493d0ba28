package com.boothdesk.devices.camera.common;

/** Strings from cameras, made safe for the log: cut to a length, control characters escaped. */
public final class LogText {
    private static final int MAX = 200;

    private LogText() {
    }

    public static String cut(String s) {
        return cut(s, MAX);
    }

    public static String cut(String s, int max) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 8);
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (s.length() > max) {
            b.append("…(").append(s.length()).append(" chars)");
        }
        return b.toString();
    }
}
