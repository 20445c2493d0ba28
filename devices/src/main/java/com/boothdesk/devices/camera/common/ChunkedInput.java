package com.boothdesk.devices.camera.common;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** {@code Transfer-Encoding: chunked} decoded, for a camera's endless event stream; chunk sizes are bounded. */
final class ChunkedInput extends InputStream {
    private static final int MAX_CHUNK = 16 * 1024 * 1024;
    private final InputStream in;
    private long left;
    private boolean done;

    ChunkedInput(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (left == 0) {
            left = nextSize();
            if (left == 0) {
                done = true;
                return -1;
            }
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n < 0) {
            throw new EOFException("stream ended inside a chunk");
        }
        left -= n;
        if (left == 0) {
            crlf();
        }
        return n;
    }

    private long nextSize() throws IOException {
        StringBuilder s = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("stream ended before a chunk size");
            }
            if (c == '\n') {
                break;
            }
            if (s.length() > 64) {
                throw new IOException("chunk size line too long");
            }
            s.append((char) c);
        }
        String hex = s.toString().trim();
        int semi = hex.indexOf(';');
        if (semi >= 0) {
            hex = hex.substring(0, semi);
        }
        try {
            long n = Long.parseLong(hex, 16);
            if (n < 0 || n > MAX_CHUNK) {
                throw new IOException("chunk of " + n + " bytes is over the limit");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size '" + LogText.cut(new String(hex.getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8), 20) + "'");
        }
    }

    private void crlf() throws IOException {
        int c = in.read();
        if (c == '\r') {
            c = in.read();
        }
        if (c != '\n') {
            throw new IOException("chunk not followed by CRLF");
        }
    }
}
