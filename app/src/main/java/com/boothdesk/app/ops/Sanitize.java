package com.boothdesk.app.ops;

/** Strings from outside: cut to a width (the cut noted) and, for logging, control characters escaped. */
final class Sanitize {

    private Sanitize() {
    }

    /** At most {@code max} characters, control characters other than newline and tab removed. */
    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(max).forEach(c -> {
            if (!Character.isISOControl(c) || c == '\n' || c == '\t') {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /** One log line: control characters escaped, at most {@code max} characters, with the length when cut. */
    static String line(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i < cps.length && i < max; i++) {
            int c = cps[i];
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        }
        if (cps.length > max) {
            b.append("…(").append(cps.length).append(" chars)");
        }
        return b.toString();
    }
}
