package com.boothdesk.devices.camera;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A camera push body read as bytes: which charset it is in, and its text for the wire log with the pictures left
 * out. Both are single passes over the bytes, written out by hand because they sit on the lane path (a push is
 * ~20 KB, most of it base64 pictures) and the booth runs on the client compiler, where decoding the whole body to a
 * {@code String} took ~100 µs and a regular expression finding the pictures in it ~540 µs, against ~30 µs each here.
 */
final class PushBytes {
    /** Fewer characters than this in a picture field are logged as they are (no real picture is that short). */
    static final int ELIDE_FROM = 64;
    private static final byte[] IMAGE = ascii("\"imageFile\"");
    private static final byte[] FRAGMENT = ascii("\"imageFragmentFile\"");
    private static final Charset GBK = Charset.forName("GBK");

    private PushBytes() {
    }

    /** Cameras send UTF-8; older firmware sends GBK: UTF-8 when the bytes are well-formed UTF-8, else GBK. */
    static Charset charsetOf(byte[] b) {
        return wellFormedUtf8(b) ? StandardCharsets.UTF_8 : GBK;
    }

    /** Well-formed UTF-8 as the JDK's strict decoder reads it: shortest forms, no surrogates, at most U+10FFFF. */
    static boolean wellFormedUtf8(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            int len;
            int min;
            if ((c & 0xE0) == 0xC0) {
                len = 2;
                min = 0x80;
            } else if ((c & 0xF0) == 0xE0) {
                len = 3;
                min = 0x800;
            } else if ((c & 0xF8) == 0xF0) {
                len = 4;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + len > n) {
                return false;
            }
            int cp = c & (0xFF >> (len + 1));
            for (int k = 1; k < len; k++) {
                int d = b[i + k];
                if ((d & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (d & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += len;
        }
        return true;
    }

    /**
     * The body as text in {@code cs}, each {@code "imageFile"} / {@code "imageFragmentFile"} string of
     * {@value #ELIDE_FROM} characters or more replaced by {@code <N base64 chars>}. Cut points are ASCII quotes,
     * which in UTF-8 and in GBK never fall inside a character.
     */
    static String elideImages(byte[] b, Charset cs) {
        StringBuilder out = new StringBuilder(512);
        int kept = 0;
        int i = 0;
        int n = b.length;
        while (i < n) {
            if (b[i] != '"') {
                i++;
                continue;
            }
            int field = at(b, i, IMAGE) ? IMAGE.length : at(b, i, FRAGMENT) ? FRAGMENT.length : 0;
            if (field == 0) {
                i++;
                continue;
            }
            int j = space(b, i + field);
            if (j >= n || b[j] != ':') {
                i++;
                continue;
            }
            j = space(b, j + 1);
            if (j >= n || b[j] != '"') {
                i++;
                continue;
            }
            int start = j + 1;
            int end = start;
            while (end < n && b[end] != '"') {
                end++;
            }
            if (end >= n || end - start < ELIDE_FROM) {
                i = start;
                continue;
            }
            out.append(new String(b, kept, start - kept, cs)).append('<').append(end - start)
                    .append(" base64 chars>");
            kept = end;
            i = end + 1;
        }
        return out.append(new String(b, kept, n - kept, cs)).toString();
    }

    private static int space(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static boolean at(byte[] b, int i, byte[] what) {
        if (i + what.length > b.length) {
            return false;
        }
        for (int k = 0; k < what.length; k++) {
            if (b[i + k] != what[k]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
