package com.boothdesk.devices.camera.common;

import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes routed by the first path segment below the prefix, which is the lane camera's id: the installer sets the
 * camera's push URL to {@code http://<booth>:<port>/<brand>/<camera id>} (Hikvision "HTTP listening" URL, Huaxia
 * HTTP POST address). The peer must be that camera's configured address.
 */
public final class PathRoute implements PushRoute {
    private static final Logger LOG = LoggerFactory.getLogger(PathRoute.class);
    private final Map<String, PushTarget> targets = new ConcurrentHashMap<>();

    public PathRoute add(String cameraId, PushTarget target) {
        targets.put(Objects.requireNonNull(cameraId, "cameraId"), Objects.requireNonNull(target, "target"));
        return this;
    }

    @Override
    public boolean allowed(InetAddress peer) {
        return targets.values().stream().anyMatch(t -> t.allows(peer));
    }

    @Override
    public PushAnswer handle(PushRequest request) {
        String path = request.path().startsWith("/") ? request.path().substring(1) : request.path();
        int slash = path.indexOf('/');
        String id = java.net.URLDecoder.decode(slash < 0 ? path : path.substring(0, slash),
                java.nio.charset.StandardCharsets.UTF_8);
        PushTarget t = targets.get(id);
        if (t == null) {
            LOG.warn("push from {} for unknown camera '{}'", request.peer().getHostAddress(), LogText.cut(id));
            return PushAnswer.text(404, "no camera '" + id + "' on this booth");
        }
        if (!t.allows(request.peer())) {
            LOG.warn("push for camera {} from {} refused: not that camera's address", LogText.cut(id),
                    request.peer().getHostAddress());
            return PushAnswer.text(403, "address is not camera " + id);
        }
        return t.onPush(request);
    }
}
