package com.boothdesk.devices.camera.common;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The booth's HTTP listener for the cameras that push to it (Hikvision "HTTP listening", Dahua ITSAPI, Huaxia HTTP
 * POST), on the JDK's HTTP server with explicit limits: a fixed number of worker threads and a bounded queue, the
 * peer checked against the route's allow-list before the body is read, bodies larger than {@code maxBodyBytes}
 * refused with 413 after reading no more than the limit, unknown paths 404. Routes are path prefixes
 * ({@code /hikvision}, {@code /NotificationInfo}, {@code /huaxia}).
 *
 * <p>This is deliberately thin: once the booth's hardened HTTP front door exists, the routes move onto it.
 */
public final class CameraPushListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraPushListener.class);
    private static final Logger WIRE = LoggerFactory.getLogger("boothdesk.wire");

    private final InetSocketAddress bind;
    private final int maxBodyBytes;
    private final int threads;
    private final Map<String, PushRoute> routes = new ConcurrentHashMap<>();
    private HttpServer server;
    private ThreadPoolExecutor pool;

    public CameraPushListener(InetSocketAddress bind, int maxBodyBytes, int threads) {
        this.bind = Objects.requireNonNull(bind, "bind");
        if (maxBodyBytes < 1024 || threads < 1) {
            throw new IllegalArgumentException("maxBodyBytes >= 1024, threads >= 1");
        }
        this.maxBodyBytes = maxBodyBytes;
        this.threads = threads;
    }

    /** Pushes whose path starts with {@code prefix} (e.g. {@code /hikvision}) go to {@code route}. */
    public CameraPushListener route(String prefix, PushRoute route) {
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException("prefix must start with /: " + prefix);
        }
        routes.put(prefix, Objects.requireNonNull(route, "route"));
        return this;
    }

    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        server = HttpServer.create(bind, 64);
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 16),
                r -> {
                    Thread t = new Thread(r, "camera-push-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("Camera push listener on {} for {}", server.getAddress(), routes.keySet());
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("listener not started");
        }
        return server.getAddress().getPort();
    }

    public synchronized boolean started() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            PushAnswer a;
            InetAddress peer = ex.getRemoteAddress().getAddress();
            try {
                a = answer(ex, peer);
            } catch (IOException e) {
                LOG.debug("camera push from {} could not be read: {}", peer.getHostAddress(), e.getMessage());
                return;
            } catch (RuntimeException e) {
                LOG.error("camera push from {} failed", peer.getHostAddress(), e);
                a = PushAnswer.text(500, "internal error");
            }
            ex.getResponseHeaders().set("Content-Type", a.contentType());
            ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
            if (a.body().length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(a.body());
                }
            }
            if (WIRE.isDebugEnabled()) {
                WIRE.debug("camera {} <- {} {}", peer.getHostAddress(), a.status(), LogText.cut(a.text(), 2000));
            }
        } catch (IOException e) {
            LOG.debug("could not answer camera: {}", e.getMessage());
        }
    }

    private PushAnswer answer(HttpExchange ex, InetAddress peer) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        PushRoute route = null;
        String prefix = null;
        for (Map.Entry<String, PushRoute> e : routes.entrySet()) {
            if ((path.equals(e.getKey()) || path.startsWith(e.getKey() + "/"))
                    && (prefix == null || e.getKey().length() > prefix.length())) {
                route = e.getValue();
                prefix = e.getKey();
            }
        }
        if (route == null) {
            LOG.warn("camera push from {} to unknown path {}", peer.getHostAddress(), LogText.cut(path));
            return PushAnswer.text(404, "no camera route for this path");
        }
        if (!route.allowed(peer)) {
            LOG.warn("camera push from {} refused: address not configured for {}", peer.getHostAddress(), prefix);
            return PushAnswer.text(403, "address " + peer.getHostAddress() + " is not a configured camera");
        }
        String lengthHeader = ex.getRequestHeaders().getFirst("Content-Length");
        if (lengthHeader != null) {
            try {
                if (Long.parseLong(lengthHeader.trim()) > maxBodyBytes) {
                    LOG.warn("camera push from {} refused: Content-Length {} > {}", peer.getHostAddress(),
                            LogText.cut(lengthHeader), maxBodyBytes);
                    return PushAnswer.text(413, "body larger than " + maxBodyBytes + " bytes");
                }
            } catch (NumberFormatException e) {
                return PushAnswer.text(400, "bad Content-Length");
            }
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(maxBodyBytes + 1);
        }
        if (body.length > maxBodyBytes) {
            LOG.warn("camera push from {} refused: body larger than {} bytes", peer.getHostAddress(), maxBodyBytes);
            return PushAnswer.text(413, "body larger than " + maxBodyBytes + " bytes");
        }
        String ct = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
        if (WIRE.isDebugEnabled()) {
            WIRE.debug("camera {} -> {} {} ({} bytes, {})", peer.getHostAddress(), ex.getRequestMethod(),
                    LogText.cut(path), body.length, LogText.cut(ct));
        }
        return route.handle(new PushRequest(peer, ex.getRequestMethod().toUpperCase(Locale.ROOT),
                path.substring(prefix.length()), "null".equals(ct) ? "" : ct, body));
    }
}
