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
    /** Opens sent and waiting for the camera to report the barrier open (cameras with a gate-state field). */
    private final java.util.List<CompletableFuture<GateState>> waitingForOpen = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean reportsState;
    private final Duration confirmWindow;

    public CameraRelayGate(PlateSource cameras, String serialNo, Clock clock) {
        this(cameras, serialNo, clock, Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    public CameraRelayGate(PlateSource cameras, String serialNo, Clock clock, Duration window, Duration throttle) {
        this.cameras = Objects.requireNonNull(cameras, "cameras");
        this.serialNo = Objects.requireNonNull(serialNo, "serialNo");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.confirmWindow = Duration.ofSeconds(3);
        cameras.addGateStateListener((serial, state) -> {
            if (!serial.equals(serialNo)) {
                return;
            }
            reportsState = true;
            if (state == GateState.OPEN || state == GateState.HELD_OPEN || state == GateState.FAULT) {
                for (CompletableFuture<GateState> w : waitingForOpen) {
                    w.complete(state);
                }
            }
        });
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
        CompletableFuture<CommandOutcome> sent = cameras.queueForCamera(serialNo, CameraReply.open(List.of()), window);
        if (!reportsState) {
            return sent;
        }
        // the camera reports its barrier: the open is confirmed when it says "open" within the confirm window,
        // failed when it reports a fault; without news it stays SENT (a quick car may pass between two reports)
        return sent.thenCompose(o -> {
            if (o.status() != CommandOutcome.Status.SENT) {
                return CompletableFuture.completedFuture(o);
            }
            CompletableFuture<GateState> w = new CompletableFuture<>();
            waitingForOpen.add(w);
            return w.completeOnTimeout(GateState.UNKNOWN, confirmWindow.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS).handle((st, e) -> {
                        waitingForOpen.remove(w);
                        if (st == GateState.OPEN || st == GateState.HELD_OPEN) {
                            return CommandOutcome.of(CommandOutcome.Status.ACKED, "camera " + serialNo
                                    + " reports the barrier open");
                        }
                        if (st == GateState.FAULT) {
                            return CommandOutcome.of(CommandOutcome.Status.NACKED, "camera " + serialNo
                                    + " reports a barrier fault");
                        }
                        return o;
                    });
        });
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
        return cameras.gateState(serialNo);
    }

    @Override
    public GateRoute route() {
        return GateRoute.CAMERA_RELAY;
    }

    @Override
    public HealthStatus health() {
        HealthStatus h = cameras.health();
        if (cameras.gateState(serialNo) == GateState.FAULT) {
            return new HealthStatus("gate:" + serialNo, com.boothdesk.devices.health.DeviceHealth.DEGRADED,
                    "camera " + serialNo + " reports a barrier fault", clock.instant());
        }
        return h;
    }

    @Override
    public void addHealthListener(Consumer<HealthStatus> listener) {
        cameras.addHealthListener(listener);
    }
}
