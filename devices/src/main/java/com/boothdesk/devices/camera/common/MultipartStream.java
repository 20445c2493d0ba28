package com.boothdesk.devices.camera.common;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads the parts of an endless {@code multipart/mixed} or {@code multipart/x-mixed-replace} body one at a time, as
 * a camera's event stream sends them (Hikvision {@code alertStream}, Dahua {@code attach}). Everything is bounded: a
 * line longer than {@link #MAX_LINE}, more than {@link #MAX_HEADERS} header lines, or a part larger than
 * {@code maxPart} fail the stream with an {@link IOException} naming the limit (the reader then reconnects), so a
 * camera that misbehaves can never grow the booth's memory. A part with {@code Content-Length} is read by its length;
 * one without is read up to the next boundary.
 */
public final class MultipartStream {
    public static final int MAX_LINE = 8 * 1024;
    public static final int MAX_HEADERS = 32;

    private final InputStream in;
    private final byte[] delimiter;
    private final int maxPart;
    /** The previous part was read up to its next delimiter (no Content-Length): its line is already consumed. */
    private boolean atDelimiter;

    public MultipartStream(InputStream in, String boundary, int maxPart) {
        this.in = Objects.requireNonNull(in, "in");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
            throw new IllegalArgumentException("multipart stream without a usable boundary");
        }
        this.delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.maxPart = maxPart;
    }

    /** The next part, or null when the camera closed the body with the closing delimiter. */
    public Multipart.Part next() throws IOException {
        if (!atDelimiter) {
            while (true) {
                String line = line();
                String t = line.trim();
                if (t.equals(new String(delimiter, StandardCharsets.ISO_8859_1) + "--")) {
                    return null;
                }
                if (t.equals(new String(delimiter, StandardCharsets.ISO_8859_1))) {
                    break;
                }
                // preamble or the blank line between a part's data and the next delimiter
                if (!t.isEmpty()) {
                    throw new IOException("multipart stream: text outside a part: " + LogText.cut(t, 80));
                }
            }
        } else {
            atDelimiter = false;
            String rest = line().trim();
            if (rest.equals("--")) {
                return null;
            }
        }
        String contentType = "";
        String disposition = "";
        long length = -1;
        for (int n = 0; ; n++) {
            if (n == MAX_HEADERS) {
                throw new IOException("multipart stream: more than " + MAX_HEADERS + " header lines in a part");
            }
            String h = line();
            if (h.isEmpty()) {
                break;
            }
            int colon = h.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-type" -> contentType = value;
                case "content-disposition" -> disposition = value;
                case "content-length" -> {
                    try {
                        length = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IOException("multipart stream: Content-Length '" + LogText.cut(value, 20)
                                + "' is not a number");
                    }
                }
                default -> {
                }
            }
        }
        byte[] data;
        if (length >= 0) {
            if (length > maxPart) {
                throw new IOException("multipart stream: a part of " + length + " bytes is over the limit of "
                        + maxPart);
            }
            data = in.readNBytes((int) length);
            if (data.length < length) {
                throw new EOFException("multipart stream ended inside a part");
            }
        } else {
            data = untilDelimiter();
            atDelimiter = true;
        }
        return new Multipart.Part(param(disposition, "name"), param(disposition, "filename"), contentType, data);
    }

    private byte[] untilDelimiter() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int matched = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("multipart stream ended inside a part");
            }
            buf.write(b);
            matched = b == delimiter[matched] ? matched + 1 : (b == delimiter[0] ? 1 : 0);
            if (matched == delimiter.length) {
                byte[] all = buf.toByteArray();
                int end = all.length - delimiter.length;
                if (end >= 2 && all[end - 2] == '\r' && all[end - 1] == '\n') {
                    end -= 2;
                } else if (end >= 1 && all[end - 1] == '\n') {
                    end -= 1;
                }
                return java.util.Arrays.copyOf(all, Math.max(0, end));
            }
            if (buf.size() > maxPart + delimiter.length + 2) {
                throw new IOException("multipart stream: a part without Content-Length ran over the limit of "
                        + maxPart + " bytes");
            }
        }
    }

    /** One line without its CR LF (or LF), bounded. */
    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(80);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("multipart stream ended");
            }
            if (c == '\n') {
                byte[] l = b.toByteArray();
                int len = l.length > 0 && l[l.length - 1] == '\r' ? l.length - 1 : l.length;
                return new String(l, 0, len, StandardCharsets.UTF_8);
            }
            if (b.size() == MAX_LINE) {
                throw new IOException("multipart stream: a line longer than " + MAX_LINE + " bytes");
            }
            b.write(c);
        }
    }

    private static String param(String header, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)(?:^|;)\\s*" + name + "=\"([^\"]*)\"")
                .matcher(header);
        return m.find() ? m.group(1) : "";
    }
}
