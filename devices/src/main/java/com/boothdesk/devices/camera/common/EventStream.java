package com.boothdesk.devices.camera.common;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The booth's side of a camera's pull-mode event stream (Hikvision {@code GET /ISAPI/Event/notification/alertStream},
 * Dahua {@code GET /cgi-bin/snapManager.cgi?action=attachFileProc...}): it connects to the camera, sends one
 * {@code GET} (with digest authentication, answering the camera's 401 on the same attempt), and reads the endless
 * multipart answer part by part on its own thread, handing each part to {@code onPart}.
 *
 * <p>Deadlines: connecting and the answer's head each within {@code connectTimeout}; after that the stream must
 * deliver a byte at least every {@code idle} (the cameras send heartbeats much more often), else it counts as lost.
 * A lost stream (closed, silent, refused, malformed) is reported to {@code onLost} and reconnected with a growing
 * pause (1 s doubling to 10 s, back to 1 s after a stream that delivered). Buffers are bounded by {@code maxPart}
 * and {@link MultipartStream}'s line and header limits. {@link #close} stops it at once.
 */
public final class EventStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final int MAX_HEAD = 16 * 1024;

    /** What the stream reports besides its parts. */
    public interface Listener {
        /** A part of the stream (an event, a picture, a heartbeat), on the stream's thread. */
        void onPart(Multipart.Part part);

        /** The camera accepted the request and the stream is open. */
        default void onConnected() {
        }

        /** The stream was lost or could not be opened; it is retried. */
        default void onLost(String why) {
        }
    }

    private final String name;
    private final URI base;
    private final String pathAndQuery;
    private final DigestAuth digest;
    private final Duration connectTimeout;
    private final Duration idle;
    private final int maxPart;
    private final Listener listener;
    private final Object pause = new Object();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean running;
    private volatile Socket socket;
    private Thread thread;
    private long backoffMs = 1000;

    /**
     * @param base           {@code http://host:port} of the camera
     * @param pathAndQuery   the stream's request path
     * @param user           camera user, null or blank for none (then no digest)
     */
    public EventStream(String name, URI base, String pathAndQuery, String user, String password,
                       Duration connectTimeout, Duration idle, int maxPart, Listener listener) {
        this.name = Objects.requireNonNull(name, "name");
        this.base = Objects.requireNonNull(base, "base");
        this.pathAndQuery = Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        this.digest = user == null || user.isBlank() ? null : new DigestAuth(user, password == null ? "" : password);
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.idle = Objects.requireNonNull(idle, "idle");
        this.maxPart = maxPart;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "event-stream-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** How many times the stream was opened (accepted by the camera). */
    public int connections() {
        return connections.get();
    }

    private void run() {
        while (running) {
            boolean delivered = false;
            try {
                delivered = once();
                if (running) {
                    lost("camera closed the stream");
                }
            } catch (SocketTimeoutException e) {
                lost("no data for " + idle.toMillis() + " ms");
            } catch (IOException | RuntimeException e) {
                if (running) {
                    lost(e.getMessage() == null ? e.toString() : e.getMessage());
                }
            } finally {
                closeSocket();
            }
            if (!running) {
                return;
            }
            if (delivered) {
                backoffMs = 1000;
            }
            long wait = backoffMs;
            backoffMs = Math.min(10_000, backoffMs * 2);
            synchronized (pause) {
                try {
                    pause.wait(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void lost(String why) {
        LOG.warn("event stream {} from {}: {}; reconnecting", name, base, LogText.cut(why));
        try {
            listener.onLost(LogText.cut(why));
        } catch (RuntimeException e) {
            LOG.error("event stream {}: listener failed", name, e);
        }
    }

    /** One connection: true when at least one part was delivered. */
    private boolean once() throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            Socket s = new Socket();
            socket = s;
            if (!running) {
                return false;
            }
            int port = base.getPort() < 0 ? 80 : base.getPort();
            s.connect(new InetSocketAddress(base.getHost(), port), (int) connectTimeout.toMillis());
            s.setSoTimeout((int) connectTimeout.toMillis());
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            StringBuilder req = new StringBuilder("GET ").append(pathAndQuery).append(" HTTP/1.1\r\nHost: ")
                    .append(base.getHost()).append(':').append(port)
                    .append("\r\nAccept: multipart/mixed, multipart/x-mixed-replace, */*\r\nConnection: keep-alive\r\n");
            if (digest != null && digest.hasChallenge()) {
                req.append("Authorization: ").append(digest.authorization("GET", pathAndQuery)).append("\r\n");
            }
            req.append("\r\n");
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
            Head head = head(in);
            if (head.status == 401 && digest != null && attempt == 0) {
                if (!digest.accept(head.authenticate)) {
                    throw new IOException("camera asks for an authentication other than Digest (qop=auth)");
                }
                closeSocket();
                continue;
            }
            if (head.status == 401) {
                throw new IOException("camera refused the user name or password (HTTP 401)");
            }
            if (head.status != 200) {
                throw new IOException("camera answered HTTP " + head.status + " to " + pathAndQuery);
            }
            String boundary = Multipart.boundary(head.contentType);
            if (!Multipart.isMultipart(head.contentType) || boundary == null) {
                throw new IOException("stream is not multipart: '" + LogText.cut(head.contentType, 80) + "'");
            }
            s.setSoTimeout((int) idle.toMillis());
            InputStream body = head.chunked ? new ChunkedInput(in) : in;
            MultipartStream parts = new MultipartStream(body, boundary, maxPart);
            connections.incrementAndGet();
            LOG.info("event stream {} open at {}{}", name, base, pathAndQuery);
            listener.onConnected();
            boolean delivered = false;
            while (running) {
                Multipart.Part p;
                try {
                    p = parts.next();
                } catch (EOFException e) {
                    return delivered;
                }
                if (p == null) {
                    return delivered;
                }
                delivered = true;
                try {
                    listener.onPart(p);
                } catch (RuntimeException e) {
                    LOG.error("event stream {}: a part could not be handled", name, e);
                }
            }
            return delivered;
        }
        throw new IOException("camera asked for authentication twice");
    }

    private record Head(int status, String contentType, boolean chunked, List<String> authenticate) {
    }

    private static Head head(InputStream in) throws IOException {
        int total = 0;
        String status = null;
        String contentType = "";
        boolean chunked = false;
        List<String> auth = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("camera closed the connection before answering");
            }
            if (++total > MAX_HEAD) {
                throw new IOException("answer head longer than " + MAX_HEAD + " bytes");
            }
            if (c != '\n') {
                line.append((char) c);
                continue;
            }
            String l = line.toString().trim();
            line.setLength(0);
            if (status == null) {
                status = l;
                continue;
            }
            if (l.isEmpty()) {
                break;
            }
            int colon = l.indexOf(':');
            if (colon > 0) {
                String k = l.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String v = l.substring(colon + 1).trim();
                switch (k) {
                    case "content-type" -> contentType = v;
                    case "transfer-encoding" -> chunked = v.toLowerCase(Locale.ROOT).contains("chunked");
                    case "www-authenticate" -> auth.add(v);
                    default -> {
                    }
                }
            }
        }
        String[] p = status.split(" ");
        int code;
        try {
            code = p.length > 1 ? Integer.parseInt(p[1]) : -1;
        } catch (NumberFormatException e) {
            code = -1;
        }
        if (code < 0) {
            throw new IOException("not an HTTP answer: " + LogText.cut(status, 60));
        }
        return new Head(code, contentType, chunked, auth);
    }

    private void closeSocket() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() {
        running = false;
        closeSocket();
        synchronized (pause) {
            pause.notifyAll();
        }
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
        }
    }
}
