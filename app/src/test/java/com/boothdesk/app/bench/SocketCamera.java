package com.boothdesk.app.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The lane harness's camera: an HTTP/1.1 POST written on a plain blocking socket, the way a camera's firmware sends
 * its push (one thread, one socket, head and body in one write), so that what the harness times from "push sent" is
 * the booth's work and not a client library's. The JDK's {@code HttpClient} hands each request to its selector
 * thread and the answer back through an executor: two thread hops inside the harness's JVM, on the same two cores
 * as the booth, before the first byte was on the socket.
 *
 * <p>{@code keepAlive}: one connection for every push (what the JDK client did, and what a camera that keeps its
 * connection does); otherwise a new connection per push, connected before the clock starts (the booth's accept and
 * hand-off to a worker then fall inside the measured time). Reads the whole answer before the next push.
 */
final class SocketCamera implements LanePathHarness.Camera {
    private final InetSocketAddress target;
    private final boolean keepAlive;
    private Socket socket;
    private InputStream in;

    SocketCamera(int port, boolean keepAlive) {
        this.target = new InetSocketAddress("127.0.0.1", port);
        this.keepAlive = keepAlive;
    }

    /** Connects if there is no open connection; call before the clock starts. */
    @Override
    public void ready() throws IOException {
        if (socket == null || socket.isClosed()) {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            s.connect(target, 3000);
            s.setSoTimeout(10_000);
            socket = s;
            in = new BufferedInputStream(s.getInputStream());
        }
    }

    /** Writes the push (head and body in one write); the connection must be {@link #ready()}. */
    @Override
    public void send(byte[] body) throws IOException {
        String head = String.format(Locale.ROOT, "POST / HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/json\r\n"
                + "Content-Length: %d\r\n%s\r\n", target.getHostString(), target.getPort(), body.length,
                keepAlive ? "" : "Connection: close\r\n");
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        OutputStream out = socket.getOutputStream();
        out.write(all);
        out.flush();
    }

    /**
     * Reads the booth's answer to the last push (an error if it is not 200). The harness reads it after its clock
     * stopped: a camera is a box of its own, and a harness thread woken by the answer in the middle of the booth's
     * work would take one of the booth's two cores.
     */
    @Override
    public void answer() throws IOException {
        String status = line(in);
        int length = 0;
        boolean close = !keepAlive;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).trim());
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        in.readNBytes(length);
        if (close) {
            close();
        }
        String[] parts = status.split(" ");
        int code = parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
        if (code != 200) {
            throw new IOException("the booth answered the push with: " + status);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c == -1 && b.size() == 0) {
            throw new IOException("the booth closed the connection before answering");
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a loopback socket: nothing to do
            }
            socket = null;
            in = null;
        }
    }
}
