package com.boothdesk.devices.camera.common;

import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.gate.GateController;
import com.boothdesk.devices.gate.GateRoute;
import com.boothdesk.devices.gate.GateState;
import com.boothdesk.devices.health.HealthStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lane's barrier driven by its camera adapter: open always, close and keep-open where the brand has them, the
 * position read back where the device reports it. Opens closer together than the throttle are ignored.
 */
public final class CameraGate implements GateController {
    private static final Logger LOG = LoggerFactory.getLogger(CameraGate.class);

    private final LaneCamera camera;
    private final Clock clock;
    private final Duration throttle;
    private Instant lastOpen;

    public CameraGate(LaneCamera camera, Clock clock) {
        this(camera, clock, Duration.ofSeconds(1));
    }

    public CameraGate(LaneCamera camera, Clock clock, Duration throttle) {
        this.camera = Objects.requireNonNull(camera, "camera");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    @Override
    public CompletableFuture<CommandOutcome> open() {
        Instant now = clock.instant();
        synchronized (this) {
            if (lastOpen != null && Duration.between(lastOpen, now).compareTo(throttle) < 0) {
                LOG.info("gate open via camera {} ignored: previous open {} ms ago", camera.cameraId(),
                        Duration.between(lastOpen, now).toMillis());
                return CompletableFuture.completedFuture(CommandOutcome.of(CommandOutcome.Status.THROTTLED,
                        "repeated open within " + throttle.toMillis() + " ms"));
            }
            lastOpen = now;
        }
        return camera.barrier(BarrierCommand.OPEN);
    }

    @Override
    public CompletableFuture<CommandOutcome> close() {
        if (!camera.capabilities().contains(CameraCapability.CLOSE)) {
            return LaneCamera.unsupported(camera, "closing the barrier");
        }
        return camera.barrier(BarrierCommand.CLOSE);
    }

    @Override
    public CompletableFuture<CommandOutcome> keepOpen(boolean hold) {
        if (!camera.capabilities().contains(CameraCapability.KEEP_OPEN)) {
            return LaneCamera.unsupported(camera, hold ? "keeping the barrier open" : "releasing a kept-open barrier");
        }
        return camera.barrier(hold ? BarrierCommand.KEEP_OPEN : BarrierCommand.RELEASE);
    }

    @Override
    public GateState state() {
        return camera.gateState();
    }

    @Override
    public GateRoute route() {
        return GateRoute.CAMERA_RELAY;
    }

    @Override
    public HealthStatus health() {
        return camera.health();
    }

    @Override
    public void addHealthListener(Consumer<HealthStatus> listener) {
        camera.addHealthListener(listener);
    }
}
