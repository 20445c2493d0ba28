package com.boothdesk.app.hardware;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.PlateRead;
import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.PlateEvent;
import com.boothdesk.devices.camera.ZhenshiPushServer;
import com.boothdesk.devices.health.DeviceHealth;

/**
 * Receives plate pushes from the lane cameras over HTTP and hands each to its lane. A push is matched to a lane by
 * the camera's serial number, then by the address it reports; an unknown camera is logged and answered without
 * action.
 */
public final class CameraIntake implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CameraIntake.class);

    private final Map<String, LaneController> byCamera = new ConcurrentHashMap<>();
    private final ZhenshiPushServer server;

    /** The endpoint, not yet listening; lanes are added with {@link #route} before {@link #start}. */
    public CameraIntake(BoothConfig.Cameras cfg, Clock clock) {
        Set<String> allowed = Set.copyOf(cfg.allowed());
        server = new ZhenshiPushServer(new InetSocketAddress(cfg.host(), cfg.port()),
                (InetAddress peer) -> allowed.contains(peer.getHostAddress()), this::onPlate, clock);
    }

    public void start() throws IOException {
        server.start();
        LOG.info("Camera pushes accepted on port {} for cameras {}", server.port(), byCamera.keySet());
    }

    /** Pushes of {@code camera} (its serialno or ipaddr) go to {@code lane}. */
    public void route(String camera, LaneController lane) {
        byCamera.put(camera, lane);
        server.registerCamera(camera); // identity and health are kept only for configured cameras
    }

    public int port() {
        return server.port();
    }

    /** The push server, which is also the camera-relay gate route's way to the cameras. */
    public ZhenshiPushServer server() {
        return server;
    }

    /** CONNECTED while the camera pushed or beat recently. */
    public DeviceHealth cameraHealth(String camera) {
        return server.cameraHealth(camera);
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
