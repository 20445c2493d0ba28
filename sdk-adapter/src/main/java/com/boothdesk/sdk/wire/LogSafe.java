package com.boothdesk.sdk.wire;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text from outside safe to log: control characters (C0, DEL, C1, line and paragraph separators) and the
 * bidirectional overrides are escaped so one value can never forge or reorder log lines, and long values are cut
 * with their full length noted. {@link #wire} also masks the login {@code sign}, the session {@code token} and the
 * other secret-bearing fields of a protocol line unless the technician asked to see them while commissioning.
 *
 * <p>(The devices library keeps its own copy: the libraries do not depend on each other.)
 */
public final class LogSafe {

    /** Default cut for values inside application log messages. */
    public static final int DEFAULT_MAX = 300;
    /** Default cut for a whole protocol line in wire.log (uplinks are at most 1,024 bytes). */
    public static final int WIRE_MAX = 4096;

    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(\"(?:sign|token|ukey|ckey|secret|private_key)\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");

    private LogSafe() {
    }

    /** {@link #text(String, int)} with {@link #DEFAULT_MAX}. */
    public static String text(String s) {
        return text(s, DEFAULT_MAX);
    }

    /**
     * The value escaped and cut: at most {@code max} characters of the original are kept, followed by
     * {@code …(N chars)} when it was longer. {@code null} becomes {@code "null"}.
     */
    public static String text(String s, int max) {
        if (s == null) {
            return "null";
        }
        int keep = Math.min(s.length(), Math.max(0, max));
        if (keep > 0 && keep < s.length() && Character.isHighSurrogate(s.charAt(keep - 1))) {
            keep--; // never cut a character in half
        }
        StringBuilder sb = null;
        for (int i = 0; i < keep; i++) {
            char c = s.charAt(i);
            if (needsEscape(c)) {
                if (sb == null) {
                    sb = new StringBuilder(keep + 16).append(s, 0, i);
                }
                appendEscaped(sb, c);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        String out = sb != null ? sb.toString() : (keep == s.length() ? s : s.substring(0, keep));
        if (keep < s.length()) {
            return out + "…(" + s.length() + " chars)";
        }
        return out;
    }

    /**
     * A protocol line for wire.log: secrets masked unless {@code showSecrets}, then escaped and cut at
     * {@link #WIRE_MAX}. Masking keeps the last four characters so lines of one session can still be matched.
     */
    public static String wire(String line, boolean showSecrets) {
        if (line == null) {
            return "null";
        }
        String s = showSecrets ? line : mask(line);
        return text(s, WIRE_MAX);
    }

    /** The line with the values of sign / token / ukey / ckey / secret / private_key replaced by {@code ***}. */
    public static String mask(String line) {
        if (line.indexOf('"') < 0) {
            return line;
        }
        Matcher m = SECRET_FIELD.matcher(line);
        if (!m.find()) {
            return line;
        }
        StringBuilder sb = new StringBuilder(line.length());
        do {
            String v = m.group(2);
            String tail = v.length() > 8 ? v.substring(v.length() - 4) : "";
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + "***" + tail + m.group(3)));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e'
                || c == '\u200f' || c == '\u061c';
    }

    private static void appendEscaped(StringBuilder sb, char c) {
        switch (c) {
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            default -> sb.append(String.format("\\u%04x", (int) c));
        }
    }
}
