package com.boothdesk.devices.camera.common;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, bounded {@code multipart/form-data} (and {@code multipart/mixed}) reader for camera pushes that carry an
 * XML/JSON part and JPEG parts. Pure: bytes in, parts out; a body that does not follow the boundary rules gets an
 * {@link IllegalArgumentException} with the reason.
 */
public final class Multipart {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"([^\"]+)\"|([^;\\s]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final int MAX_PARTS = 16;

    /** One part: its form name, file name ("" when none), content type ("" when none) and bytes. */
    public record Part(String name, String fileName, String contentType, byte[] data) {
        public Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(data, "data");
        }

        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private Multipart() {
    }

    public static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** The boundary of a multipart Content-Type, or null. */
    public static String boundary(String contentType) {
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    public static List<Part> parse(String contentType, byte[] body) {
        String boundary = boundary(contentType);
        if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
            throw new IllegalArgumentException("multipart body without a usable boundary");
        }
        byte[] delim = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int pos = indexOf(body, delim, 0);
        if (pos < 0) {
            throw new IllegalArgumentException("multipart boundary not found in the body");
        }
        while (true) {
            int afterDelim = pos + delim.length;
            if (afterDelim + 1 < body.length && body[afterDelim] == '-' && body[afterDelim + 1] == '-') {
                return parts; // closing delimiter
            }
            int headersStart = skipLineEnd(body, afterDelim);
            int headersEnd;
            int sepLen;
            if (headersStart < body.length && (body[headersStart] == '\r' || body[headersStart] == '\n')) {
                headersEnd = headersStart; // a part without headers: the blank line follows the delimiter line
                sepLen = skipLineEnd(body, headersStart) - headersStart;
            } else {
                headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
                sepLen = 4;
                int lfOnly = indexOf(body, "\n\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
                if (headersEnd < 0 || (lfOnly >= 0 && lfOnly < headersEnd)) {
                    headersEnd = lfOnly;
                    sepLen = 2;
                }
            }
            if (headersEnd < 0) {
                throw new IllegalArgumentException("multipart part without the blank line after its headers");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int dataStart = headersEnd + sepLen;
            int next = indexOf(body, delim, dataStart);
            if (next < 0) {
                throw new IllegalArgumentException("multipart part not closed by the boundary");
            }
            int dataEnd = next;
            if (dataEnd >= 2 && body[dataEnd - 2] == '\r' && body[dataEnd - 1] == '\n') {
                dataEnd -= 2;
            } else if (dataEnd >= 1 && body[dataEnd - 1] == '\n') {
                dataEnd -= 1;
            }
            if (parts.size() == MAX_PARTS) {
                throw new IllegalArgumentException("more than " + MAX_PARTS + " parts");
            }
            byte[] data = java.util.Arrays.copyOfRange(body, dataStart, Math.max(dataStart, dataEnd));
            parts.add(new Part(header(headers, NAME), header(headers, FILENAME), contentTypeOf(headers), data));
            pos = next;
        }
    }

    private static String header(String headers, Pattern p) {
        Matcher m = p.matcher(headers);
        return m.find() ? m.group(1) : "";
    }

    private static String contentTypeOf(String headers) {
        for (String line : headers.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Type")) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    private static int skipLineEnd(byte[] b, int i) {
        if (i < b.length && b[i] == '\r') {
            i++;
        }
        if (i < b.length && b[i] == '\n') {
            i++;
        }
        return i;
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
