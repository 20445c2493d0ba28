package com.boothdesk.app.hardware.camera;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import com.boothdesk.devices.camera.common.CameraCapability;
import com.boothdesk.devices.camera.common.LaneCamera;
import com.boothdesk.devices.health.DeviceHealth;
import com.boothdesk.devices.health.HealthStatus;
import com.boothdesk.devices.health.HealthTracker;
import com.boothdesk.devices.snapshot.Snapshot;
import com.boothdesk.devices.snapshot.SnapshotException;
import com.boothdesk.devices.snapshot.SnapshotSource;

/**
 * {@code lane.<id>.snapshot=camera}: the lane's still pictures (evidence for manual barrier moves, the cloud's 3.31
 * captures) taken by the lane camera itself (Hikvision ISAPI picture, Dahua snapshot.cgi, Zhenshi TCP trigger).
 */
public final class CameraSnapshotSource implements SnapshotSource {
    private static final long TIMEOUT_MS = 4000;

    private final LaneCamera camera;
    private final Clock clock;
    private final HealthTracker health;

    public CameraSnapshotSource(LaneCamera camera, Clock clock) {
        if (!camera.capabilities().contains(CameraCapability.SNAPSHOT)) {
            throw new IllegalArgumentException("a " + camera.kind().key() + " camera takes no pictures on demand");
        }
        this.camera = camera;
        this.clock = clock;
        this.health = new HealthTracker("snapshot:" + camera.cameraId(), clock);
    }

    @Override
    public Snapshot capture() throws SnapshotException {
        byte[] jpeg;
        try {
            jpeg = camera.snapshot().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnapshotException("interrupted while waiting for camera " + camera.cameraId());
        } catch (ExecutionException | TimeoutException e) {
            health.update(DeviceHealth.DEGRADED, "no picture: " + e);
            throw new SnapshotException("camera " + camera.cameraId() + " gave no picture: " + e.getMessage());
        }
        java.awt.image.BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            img = null;
        }
        if (img == null) {
            health.update(DeviceHealth.DEGRADED, "picture is not an image (" + jpeg.length + " bytes)");
            throw new SnapshotException("camera " + camera.cameraId() + " sent " + jpeg.length
                    + " bytes that are not an image");
        }
        health.update(DeviceHealth.CONNECTED, "picture " + img.getWidth() + "x" + img.getHeight());
        return new Snapshot(jpeg, img.getWidth(), img.getHeight(), clock.instant(), description());
    }

    @Override
    public String description() {
        return camera.kind().key() + ":" + camera.cameraId();
    }

    @Override
    public HealthStatus health() {
        return health.health();
    }

    @Override
    public void addHealthListener(Consumer<HealthStatus> listener) {
        health.addHealthListener(listener);
    }

    @Override
    public void close() {
        // the camera belongs to the camera module
    }
}
