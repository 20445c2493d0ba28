package com.boothdesk.devices.snapshot;

import com.boothdesk.devices.health.DeviceHealth;
import com.boothdesk.devices.health.HealthStatus;
import com.boothdesk.devices.health.HealthTracker;
import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDriver;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots from a USB webcam through Webcam Capture. The camera is found by (part of) its name, or the first one
 * when no name is configured; it is opened on the first capture and kept open. Missing cameras, a missing native
 * library (libv4l on Linux) and capture errors become {@link SnapshotException}s and a health state, never a crash.
 *
 * <p>Webcam Capture keeps its driver in static state: a custom driver passed here replaces it for the whole JVM.
 */
public final class WebcamSnapshotSource implements SnapshotSource {
    private static final Logger LOG = LoggerFactory.getLogger(WebcamSnapshotSource.class);
    private static final long DISCOVERY_TIMEOUT_MS = 3000;

    private final String nameFilter;
    private final Clock clock;
    private final HealthTracker health;
    private Webcam webcam;

    /** Uses Webcam Capture's default driver. {@code nameFilter} null or blank = first camera. */
    public WebcamSnapshotSource(String nameFilter, Clock clock) {
        this(nameFilter, clock, null);
    }

    /** With a specific Webcam Capture driver (IP-camera drivers, tests). */
    public WebcamSnapshotSource(String nameFilter, Clock clock, WebcamDriver driver) {
        this.nameFilter = nameFilter == null ? "" : nameFilter.trim();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.health = new HealthTracker("snapshot:webcam" + (this.nameFilter.isEmpty() ? "" : ":" + this.nameFilter),
                clock);
        if (driver != null) {
            Webcam.setDriver(driver);
        }
    }

    @Override
    public String description() {
        return "webcam" + (nameFilter.isEmpty() ? " (first found)" : " matching '" + nameFilter + "'");
    }

    @Override
    public synchronized Snapshot capture() throws SnapshotException {
        Webcam cam = openCamera();
        BufferedImage img;
        try {
            img = cam.getImage();
        } catch (RuntimeException e) {
            closeCamera();
            health.update(DeviceHealth.DEGRADED, "webcam capture failed: " + e.getMessage());
            throw new SnapshotException("the webcam did not deliver a picture: " + e.getMessage(), e);
        }
        if (img == null) {
            closeCamera();
            health.update(DeviceHealth.DEGRADED, "webcam returned no image");
            throw new SnapshotException("the webcam did not deliver a picture");
        }
        try {
            byte[] jpeg = Jpeg.encode(img);
            health.update(DeviceHealth.CONNECTED, "webcam " + cam.getName());
            return new Snapshot(jpeg, img.getWidth(), img.getHeight(), clock.instant(), "webcam:" + cam.getName());
        } catch (IOException e) {
            throw new SnapshotException("cannot encode the webcam picture: " + e.getMessage(), e);
        }
    }

    private Webcam openCamera() throws SnapshotException {
        if (webcam != null && webcam.isOpen()) {
            return webcam;
        }
        List<Webcam> cams;
        try {
            cams = Webcam.getWebcams(DISCOVERY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            health.update(DeviceHealth.OFFLINE, "webcam discovery timed out");
            throw new SnapshotException("looking for webcams timed out", e);
        } catch (RuntimeException | LinkageError e) {
            // WebcamException, or the native grabber not loadable (libv4l missing)
            health.update(DeviceHealth.OFFLINE, "webcam driver unavailable: " + e.getMessage());
            throw new SnapshotException("the webcam driver cannot run on this PC: " + e.getMessage(), e);
        }
        Webcam found = null;
        for (Webcam c : cams) {
            if (nameFilter.isEmpty() || c.getName().contains(nameFilter)) {
                found = c;
                break;
            }
        }
        if (found == null) {
            String msg = cams.isEmpty() ? "no webcam connected" : "no webcam matches '" + nameFilter + "' (found "
                    + cams.stream().map(Webcam::getName).reduce((a, b) -> a + ", " + b).orElse("") + ")";
            health.update(DeviceHealth.OFFLINE, msg);
            throw new SnapshotException(msg);
        }
        try {
            if (!found.open()) {
                health.update(DeviceHealth.DEGRADED, "webcam " + found.getName() + " cannot be opened");
                throw new SnapshotException("webcam " + found.getName() + " cannot be opened (in use?)");
            }
        } catch (RuntimeException e) {
            health.update(DeviceHealth.DEGRADED, "webcam " + found.getName() + " cannot be opened");
            throw new SnapshotException("webcam " + found.getName() + " cannot be opened: " + e.getMessage(), e);
        }
        LOG.info("webcam {} open", found.getName());
        webcam = found;
        return found;
    }

    private void closeCamera() {
        if (webcam != null) {
            try {
                webcam.close();
            } catch (RuntimeException e) {
                LOG.debug("closing webcam failed: {}", e.getMessage());
            }
            webcam = null;
        }
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
    public synchronized void close() {
        closeCamera();
    }
}
