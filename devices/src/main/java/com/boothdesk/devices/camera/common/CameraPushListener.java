package com.boothdesk.devices.camera.common;

import com.boothdesk.devices.camera.http.FrontDoorOptions;
import com.boothdesk.devices.camera.http.HttpFrontDoor;
import com.boothdesk.devices.camera.http.HttpRequest;
import com.boothdesk.devices.camera.http.HttpRequestHead;
import com.boothdesk.devices.camera.http.HttpResponse;
import com.boothdesk.devices.camera.http.HttpRoute;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The booth's listener for the cameras that push to it (Hikvision "HTTP listening", Dahua ITSAPI, Huaxia HTTP POST),
 * mounted on the booth's hardened HTTP front door ({@link HttpFrontDoor}: per-phase read deadlines, total and
 * per-peer connection bounds, the allow-list decided at accept, declared bodies over the route's bound answered 413
 * without being read). Each brand's {@link PushRoute} sits under a path prefix ({@code /hikvision},
 * {@code /NotificationInfo}, {@code /huaxia}); a connection is accepted when any route allows its peer, and the route
 * checks again for its own cameras. Unknown paths get 404.
 */
public final class CameraPushListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraPushListener.class);

    private final InetSocketAddress bind;
    private final int maxBodyBytes;
    private final FrontDoorOptions options;
    private final Map<String, PushRoute> routes = new ConcurrentHashMap<>();
    private HttpFrontDoor door;

    /**
     * @param maxBodyBytes bodies declared larger are refused with 413 unread (a push with two JPEGs fits in 8 MB)
     * @param connectionsPerPeer connections one camera may hold open at once
     */
    public CameraPushListener(InetSocketAddress bind, int maxBodyBytes, int connectionsPerPeer) {
        this.bind = Objects.requireNonNull(bind, "bind");
        if (maxBodyBytes < 1024 || connectionsPerPeer < 1) {
            throw new IllegalArgumentException("maxBodyBytes >= 1024, connectionsPerPeer >= 1");
        }
        this.maxBodyBytes = maxBodyBytes;
        FrontDoorOptions d = FrontDoorOptions.DEFAULTS;
        this.options = d.withConnections(d.maxConnections(), Math.min(connectionsPerPeer, d.maxConnections()));
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
        if (door != null) {
            return;
        }
        HttpFrontDoor d = new HttpFrontDoor("camera-push", bind,
                peer -> routes.values().stream().anyMatch(r -> r.allowed(peer)), options);
        for (Map.Entry<String, PushRoute> e : routes.entrySet()) {
            d.mount(e.getKey(), new Mounted(e.getKey(), e.getValue()));
        }
        d.start();
        door = d;
        LOG.info("Camera push listener on port {} for {}", d.port(), routes.keySet());
    }

    public synchronized int port() {
        if (door == null) {
            throw new IllegalStateException("listener not started");
        }
        return door.port();
    }

    public synchronized boolean started() {
        return door != null;
    }

    @Override
    public synchronized void close() {
        if (door != null) {
            door.close();
            door = null;
        }
    }

    /** One brand's route on the front door. */
    private final class Mounted implements HttpRoute {
        private final String prefix;
        private final PushRoute route;

        Mounted(String prefix, PushRoute route) {
            this.prefix = prefix;
            this.route = route;
        }

        @Override
        public HttpResponse beforeBody(HttpRequestHead head) {
            String rest = head.path().substring(Math.min(prefix.length(), head.path().length()));
            if (!rest.isEmpty() && !rest.startsWith("/")) {
                return HttpResponse.error(404, "no camera route for this path");
            }
            if (!route.allowed(head.peer())) {
                LOG.warn("camera push from {} refused: address not configured for {}",
                        head.peer().getHostAddress(), prefix);
                return HttpResponse.error(403, "address is not a configured camera");
            }
            return null;
        }

        @Override
        public int maxBodyBytes(HttpRequestHead head) {
            return maxBodyBytes;
        }

        @Override
        public HttpResponse handle(HttpRequest request) {
            HttpRequestHead head = request.head();
            PushAnswer a = route.handle(new PushRequest(head.peer(), head.method().toUpperCase(java.util.Locale.ROOT),
                    head.path().substring(prefix.length()), head.header("content-type"), request.body()));
            return new HttpResponse(a.status(), a.contentType(), a.body());
        }
    }
}
