package com.boothdesk.devices.sim.camerakit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The HTTP plumbing every simulated camera's own API shares (loopback server, bodies, answers, queries). */
public final class SimHttp {
    private SimHttp() {
    }

    /**
     * A started loopback server on an ephemeral port with {@code threads} handler threads (event streams hold one
     * thread each while a booth is attached).
     */
    public static HttpServer loopback(String name, int threads) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        s.setExecutor(Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }));
        return s;
    }

    public static void stop(HttpServer s) {
        s.stop(0);
        ((ExecutorService) s.getExecutor()).shutdownNow();
    }

    /** The request body, at most {@code max} bytes. */
    public static byte[] body(HttpExchange ex, int max) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return in.readNBytes(max);
        }
    }

    public static void answer(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }
    }

    public static void answer(HttpExchange ex, int status, String type, String body) throws IOException {
        answer(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A URL query as a map (decoded; the last of repeated keys wins). */
    public static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) {
            return q;
        }
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                q.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }
}
