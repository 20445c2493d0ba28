package com.boothdesk.app.hardware.camera;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.devices.camera.common.CameraCapability;
import com.boothdesk.devices.camera.common.LaneCamera;

/**
 * Sets the lane cameras' clocks from the booth's (the lanes' clock, in the site's zone): every camera that has a
 * settable clock, on the schedule {@link CameraModule} runs. A camera that did not take it (unreachable, refused, did
 * not call in within the window) is tried again after {@code retry}, once at a time per camera, until it takes it; the
 * time sent is always the booth's time at the moment of sending.
 */
final class CameraClockSync {

    private static final Logger LOG = LoggerFactory.getLogger(CameraClockSync.class);

    private final Supplier<List<LaneCamera>> cameras;
    private final Clock clock;
    private final ZoneId zone;
    private final ScheduledExecutorService timer;
    private final Duration retry;
    private final Set<String> retrying = ConcurrentHashMap.newKeySet();

    CameraClockSync(Supplier<List<LaneCamera>> cameras, Clock clock, ZoneId zone, ScheduledExecutorService timer,
                    Duration retry) {
        this.cameras = Objects.requireNonNull(cameras, "cameras");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /** Sets every camera's clock now. */
    void syncAll() {
        for (LaneCamera c : cameras.get()) {
            if (c.capabilities().contains(CameraCapability.CLOCK)) {
                set(c);
            }
        }
    }

    private void set(LaneCamera c) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
        c.setClock(now).whenComplete((o, err) -> {
            if (err == null && o.delivered()) {
                LOG.info("Camera {}: clock set to {}", c.cameraId(), now);
                return;
            }
            String why = err != null ? err.toString() : o.status() + " " + o.detail();
            if (!retrying.add(c.cameraId())) {
                LOG.warn("Camera {}: clock not set ({}); a retry is already due", c.cameraId(), why);
                return;
            }
            LOG.warn("Camera {}: clock not set ({}); tried again in {} s", c.cameraId(), why, retry.toSeconds());
            try {
                timer.schedule(() -> {
                    retrying.remove(c.cameraId());
                    set(c);
                }, retry.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                retrying.remove(c.cameraId());
            }
        });
    }
}
