package com.boothdesk.devices.camera.common;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.PlateEvent;
import com.boothdesk.devices.camera.PlateEventHandler;
import com.boothdesk.devices.camera.SerialPayload;
import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.gate.GateState;
import com.boothdesk.devices.health.DeviceHealth;
import com.boothdesk.devices.health.HealthStatus;
import com.boothdesk.devices.health.HealthTracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every adapter shares: the plate handler with de-duplication (offline records never open the barrier), the
 * health of the camera from the last time it was heard, one bounded command thread, and the RS485 receivers.
 */
public abstract class AbstractLaneCamera implements LaneCamera {
    private static final Logger LOG = LoggerFactory.getLogger(AbstractLaneCamera.class);
    /** Commands waiting for the camera beyond this are refused (a stuck camera must not grow memory). */
    private static final int MAX_QUEUED_COMMANDS = 64;

    protected final String cameraId;
    protected final Clock clock;
    protected final HealthTracker health;
    private final PlateEventHandler handler;
    private final ReadFilter filter;
    private final Duration staleAfter;
    private final List<Consumer<SerialPayload>> serialReceivers = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor commands;
    private volatile Instant lastHeard;
    protected volatile GateState gateState = GateState.UNKNOWN;

    protected AbstractLaneCamera(String cameraId, PlateEventHandler handler, Clock clock, Duration staleAfter) {
        this.cameraId = Objects.requireNonNull(cameraId, "cameraId");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
        this.filter = new ReadFilter(Duration.ofSeconds(10), 20_000);
        this.health = new HealthTracker("camera:" + cameraId, clock);
        this.commands = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(MAX_QUEUED_COMMANDS), r -> {
                    Thread t = new Thread(r, "camera-" + cameraId);
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public String cameraId() {
        return cameraId;
    }

    /**
     * Hands a decoded read to the booth and returns what the camera should be told: nothing for a repeat, never a
     * barrier open for an offline record (far too late).
     */
    protected final CameraReply dispatch(PlateEvent event) {
        heard();
        String dup = filter.duplicateReason(event, clock.instant());
        if (dup != null) {
            LOG.info("camera {} plate {} (id {}) ignored: {}", cameraId, LogText.cut(event.plate()),
                    event.plateId(), dup);
            return CameraReply.none();
        }
        CameraReply reply;
        try {
            reply = handler.onPlate(event);
        } catch (RuntimeException e) {
            LOG.error("plate handler failed for {}; camera gets an empty reply", event, e);
            reply = null;
        }
        if (reply == null) {
            return CameraReply.none();
        }
        if (event.offline() && (reply.openGate() || !reply.serialData().isEmpty())) {
            // the car passed while the booth was away: neither the relay nor card frames (a card-relay open among
            // them, stale texts) go out for it
            LOG.warn("handler answered offline record {} of camera {} with {}; not sent (too late)",
                    event.plateId(), cameraId, reply.openGate() ? "a gate open" : "card frames");
            reply = CameraReply.none();
        }
        return reply;
    }

    /** The camera was heard from (push, heartbeat, answer, keep-alive). */
    protected final void heard() {
        lastHeard = clock.instant();
        health.update(DeviceHealth.CONNECTED, kind().key() + " camera answering");
    }

    /** The camera could not be reached. */
    protected final void unreachable(String why) {
        health.update(lastHeard == null ? DeviceHealth.OFFLINE : DeviceHealth.DEGRADED, LogText.cut(why));
    }

    /** Bytes relayed from the camera's RS485 port. */
    protected final void serialReceived(SerialPayload p) {
        for (Consumer<SerialPayload> r : serialReceivers) {
            try {
                r.accept(p);
            } catch (RuntimeException e) {
                LOG.error("RS485 receiver of camera {} failed", cameraId, e);
            }
        }
    }

    /**
     * The listener of a pull-mode event stream: parts go to {@code groups}; an open stream counts as hearing from the
     * camera, a lost one makes it unreachable (and hands on a half-received event).
     */
    protected final EventStream.Listener streamListener(StreamEventAssembler groups, String what) {
        return new EventStream.Listener() {
            @Override
            public void onPart(Multipart.Part part) {
                groups.feed(part);
            }

            @Override
            public void onConnected() {
                heard();
            }

            @Override
            public void onLost(String why) {
                groups.flush();
                unreachable(what + " lost: " + why);
            }
        };
    }

    /**
     * {@link LaneCamera#deliver} for a camera whose API has no RS485 pass-through: card frames are dropped (logged),
     * an open goes out as {@link BarrierCommand#OPEN}, bounded by {@code window}.
     */
    protected final CompletableFuture<CommandOutcome> deliverOpenOnly(CameraReply reply, Duration window) {
        if (!reply.serialData().isEmpty()) {
            LOG.warn("camera {}: {} RS485 frame(s) dropped: no pass-through on {} cameras", cameraId,
                    reply.serialData().size(), kind().key());
        }
        if (!reply.openGate()) {
            return LaneCamera.unsupported(this, "RS485 pass-through");
        }
        return barrier(BarrierCommand.OPEN).completeOnTimeout(CommandOutcome.of(CommandOutcome.Status.DROPPED_STALE,
                "camera " + cameraId + " did not answer within " + window.toMillis() + " ms"), window.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the camera's command thread; refused when the queue is full. */
    protected final <T> CompletableFuture<T> onCommandThread(java.util.concurrent.Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            commands.execute(() -> {
                try {
                    f.complete(task.call());
                } catch (Exception | Error e) {
                    f.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            f.completeExceptionally(new IllegalStateException("camera " + cameraId + " command queue full or closed"));
        }
        return f;
    }

    /** Like {@link #onCommandThread}, turning a failure into a DROPPED_STALE / CLOSED outcome with the reason. */
    protected final CompletableFuture<CommandOutcome> command(String what, java.util.concurrent.Callable<CommandOutcome> task) {
        return onCommandThread(task).exceptionally(e -> {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e;
            LOG.warn("camera {}: {} failed: {}", cameraId, what, LogText.cut(String.valueOf(cause.getMessage())));
            unreachable(what + " failed: " + cause.getMessage());
            return CommandOutcome.of(CommandOutcome.Status.DROPPED_STALE, what + " failed: "
                    + LogText.cut(String.valueOf(cause.getMessage())));
        });
    }

    @Override
    public GateState gateState() {
        return gateState;
    }

    @Override
    public void onSerialReceived(Consumer<SerialPayload> receiver) {
        serialReceivers.add(Objects.requireNonNull(receiver, "receiver"));
    }

    @Override
    public HealthStatus health() {
        Instant seen = lastHeard;
        if (seen != null && Duration.between(seen, clock.instant()).compareTo(staleAfter) > 0
                && health.health().health() == DeviceHealth.CONNECTED) {
            health.update(DeviceHealth.OFFLINE, "not heard for more than " + staleAfter.toSeconds() + " s");
        }
        return health.health();
    }

    @Override
    public void addHealthListener(Consumer<HealthStatus> listener) {
        health.addHealthListener(listener);
    }

    /** Stops the command thread; subclasses close their transport first. */
    @Override
    public void close() {
        commands.shutdownNow();
    }
}
