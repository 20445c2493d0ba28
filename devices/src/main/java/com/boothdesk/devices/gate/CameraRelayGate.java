package com.boothdesk.devices.gate;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.PlateSource;
import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.health.HealthStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Barrier on the LPR camera's relay. A manual open is queued for the camera and goes out with the answer to its next
 * request (push or comet heartbeat) within the window; opens decided while answering a plate push are better returned
 * directly in that reply ({@link CameraReply#open}). The camera relay can only pulse: close and keep-open are refused.
 */
public final class CameraRelayGate implements GateController {
    private static final Logger LOG = LoggerFactory.getLogger(CameraRelayGate.class);

    private final PlateSource cameras;
    private final String serialNo;
    private final Clock clock;
    private final Duration window;
    private final Duration throttle;
    private Instant lastOpen;

    public CameraRelayGate(PlateSource cameras, String serialNo, Clock clock) {
        this(cameras, serialNo, clock, Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    public CameraRelayGate(PlateSource cameras, String serialNo, Clock clock, Duration window, Duration throttle) {
        this.cameras = Objects.requireNonNull(cameras, "cameras");
        this.serialNo = Objects.requireNonNull(serialNo, "serialNo");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    @Override
    public CompletableFuture<CommandOutcome> open() {
        Instant now = clock.instant();
        synchronized (this) {
            if (lastOpen != null && Duration.between(lastOpen, now).compareTo(throttle) < 0) {
                LOG.info("gate open via camera {} ignored: previous open {} ms ago", serialNo,
                        Duration.between(lastOpen, now).toMillis());
                return CompletableFuture.completedFuture(CommandOutcome.of(CommandOutcome.Status.THROTTLED,
                        "repeated open within " + throttle.toMillis() + " ms"));
            }
            lastOpen = now;
        }
        return cameras.queueForCamera(serialNo, CameraReply.open(List.of()), window);
    }

    @Override
    public CompletableFuture<CommandOutcome> close() {
        return unsupported("close");
    }

    @Override
    public CompletableFuture<CommandOutcome> keepOpen(boolean hold) {
        return unsupported(hold ? "keep open" : "release");
    }

    private CompletableFuture<CommandOutcome> unsupported(String what) {
        LOG.warn("gate {} via camera {} is not supported: the camera relay can only pulse open", what, serialNo);
        return CompletableFuture.completedFuture(CommandOutcome.of(CommandOutcome.Status.REJECTED,
                what + " is not possible through the camera relay"));
    }

    @Override
    public GateState state() {
        return GateState.UNKNOWN;
    }

    @Override
    public GateRoute route() {
        return GateRoute.CAMERA_RELAY;
    }

    @Override
    public HealthStatus health() {
        return cameras.health();
    }

    @Override
    public void addHealthListener(Consumer<HealthStatus> listener) {
        cameras.addHealthListener(listener);
    }
}
