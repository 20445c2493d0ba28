package com.boothdesk.devices.camera.dahua;

import com.boothdesk.devices.camera.common.LogText;
import com.boothdesk.devices.camera.common.PushAnswer;
import com.boothdesk.devices.camera.common.PushRequest;
import com.boothdesk.devices.camera.common.PushRoute;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ITSAPI pushes ({@code /NotificationInfo/...}, a path the camera fixes) routed to the Dahua camera they name (the
 * device id in the body, INFERRED) or, failing that, to the one camera configured at the sender's address.
 */
public final class DahuaRoute implements PushRoute {
    private static final Logger LOG = LoggerFactory.getLogger(DahuaRoute.class);
    private final Map<String, DahuaCamera> cameras = new ConcurrentHashMap<>();

    public DahuaRoute add(DahuaCamera camera) {
        cameras.put(camera.cameraId(), camera);
        return this;
    }

    @Override
    public boolean allowed(InetAddress peer) {
        return cameras.values().stream().anyMatch(c -> c.allows(peer));
    }

    @Override
    public PushAnswer handle(PushRequest request) {
        DahuaCamera target = null;
        String id = "";
        try {
            id = DahuaItc.deviceId(request.body());
        } catch (IllegalArgumentException e) {
            // a body that cannot be read is the camera's to refuse with 400; find it by address
        }
        if (!id.isEmpty()) {
            target = cameras.get(id);
        }
        if (target == null) {
            List<DahuaCamera> at = cameras.values().stream().filter(c -> c.allows(request.peer())).toList();
            if (at.size() == 1) {
                target = at.get(0);
            }
        }
        if (target == null || !target.allows(request.peer())) {
            LOG.warn("Dahua push from {} (device '{}') matches no configured camera", request.peer().getHostAddress(),
                    LogText.cut(id));
            return PushAnswer.json(404, "{\"Result\":false,\"Message\":\"unknown camera\"}");
        }
        return target.onPush(request);
    }
}
