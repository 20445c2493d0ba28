package com.boothdesk.app.hardware;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.PlateRead;
import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.PlateEvent;
import com.boothdesk.devices.camera.ZhenshiPushServer;

/**
 * Receives plate pushes from the lane cameras over HTTP and hands each to its lane. A push is matched to a lane by
 * the camera's serial number, then by the address it reports; an unknown camera is logged and answered without
 * action.
 */
public final class CameraIntake implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CameraIntake.class);

    private final Map<String, LaneController> byCamera = new HashMap<>();
    private final ZhenshiPushServer server;

    public CameraIntake(BoothConfig.Cameras cfg, Map<String, LaneController> lanesByCamera, Clock clock) {
        byCamera.putAll(lanesByCamera);
        Set<String> allowed = Set.copyOf(cfg.allowed());
        server = new ZhenshiPushServer(new InetSocketAddress(cfg.host(), cfg.port()),
                (InetAddress peer) -> allowed.contains(peer.getHostAddress()), this::onPlate, clock);
    }

    public void start() throws IOException {
        server.start();
        LOG.info("Camera pushes accepted on port {} for cameras {}", server.port(), byCamera.keySet());
    }

    public int port() {
        return server.port();
    }

    private CameraReply onPlate(PlateEvent e) {
        LaneController lane = byCamera.get(e.serialNo());
        if (lane == null) {
            lane = byCamera.get(e.ipAddr());
        }
        if (lane == null) {
            LOG.warn("Plate {} from an unconfigured camera (serialno={}, ipaddr={}, peer={}); ignored", e.plate(),
                    e.serialNo(), e.ipAddr(), e.sourceAddress());
            return CameraReply.none();
        }
        PlateRead read = new PlateRead(lane.lane().id(), e.plate() == null ? "" : e.plate(), e.colorCode(),
                e.confidence(), e.readAt(), e.fullImage(), e.serialNo());
        if (e.offline()) {
            lane.onOfflineRead(read);
        } else {
            lane.onPlate(read);
        }
        return CameraReply.none();
    }

    @Override
    public void close() {
        server.close();
    }
}
