package com.boothdesk.sdk.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines terminated by {@code \n} or {@code \r} (so both the real server's {@code "\n"+json+"\r"} and plain
 * {@code json+"\r\n"} work), skipping empty ones, with a byte limit per line. A line over the limit is consumed up to
 * its terminator and reported as {@link Line#oversize()} instead of being buffered without bound.
 */
public final class LineReader {

    /** One line read from the stream. */
    public record Line(String text, boolean oversize, int byteLength) {
    }

    private final InputStream in;
    private final int maxBytes;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(256);

    public LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** Next non-empty line, or null at end of stream. Bytes are decoded as UTF-8 (bad bytes become U+FFFD). */
    public Line next() throws IOException {
        buf.reset();
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (total == 0) {
                    return null;
                }
                return finish(total);
            }
            if (b == '\n' || b == '\r') {
                if (total == 0) {
                    continue;
                }
                return finish(total);
            }
            total++;
            if (total <= maxBytes) {
                buf.write(b);
            }
        }
    }

    private Line finish(int total) {
        String text = buf.toString(StandardCharsets.UTF_8);
        return new Line(text, total > maxBytes, total);
    }
}
