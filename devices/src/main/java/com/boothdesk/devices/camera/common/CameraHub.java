package com.boothdesk.devices.camera.common;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.PlateSource;
import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.gate.GateController;
import com.boothdesk.devices.health.DeviceHealth;
import com.boothdesk.devices.health.HealthStatus;
import com.boothdesk.devices.health.HealthTracker;
import com.boothdesk.devices.serial.SerialLink;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Every lane camera behind the one {@link PlateSource} the lanes use: cameras of the other brands by their id, and
 * the Zhenshi HTTP push server for the rest. Queued replies (a manual open, card frames) go to the adapter of that
 * camera; the barrier of an adapter camera is its own {@link CameraGate}; a lane with {@code card.via=camera} gets the
 * camera's {@link CameraSerialLink}.
 */
public final class CameraHub implements PlateSource {
    private final PlateSource fallback;
    private final Clock clock;
    private final Map<String, LaneCamera> cameras = new LinkedHashMap<>();
    private final Map<String, CameraGate> gates = new LinkedHashMap<>();
    private final Map<String, SerialLink> cardLinks = new LinkedHashMap<>();
    private final HealthTracker health;

    /** @param fallback the Zhenshi push server (or any source) for cameras not added here; may be null */
    public CameraHub(PlateSource fallback, Clock clock) {
        this.fallback = fallback;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.health = new HealthTracker("cameras", clock);
    }

    /**
     * Adds a camera adapter; {@code cardChannel} >= 0 offers its RS485 channel as the lane card's line (handed out
     * open by {@link #cardLinkFor}).
     */
    public synchronized CameraHub add(LaneCamera camera, int cardChannel) {
        return add(camera, cardChannel, null);
    }

    /**
     * As {@link #add(LaneCamera, int)}, with the card driver's ACK wait on that line ({@link CameraSerialLink}: null
     * the brand's default, zero none).
     */
    public synchronized CameraHub add(LaneCamera camera, int cardChannel, Duration ackWait) {
        cameras.put(camera.cameraId(), camera);
        gates.put(camera.cameraId(), new CameraGate(camera, clock));
        if (cardChannel >= 0) {
            CameraSerialLink link = new CameraSerialLink(camera, cardChannel, ackWait);
            link.open();
            cardLinks.put(camera.cameraId(), link);
        }
        return this;
    }

    /**
     * The card of this Zhenshi HTTP camera's lane hangs on the camera's RS485: frames go out as {@code serialData}
     * in the push server's answers ({@link ReplySerialLink}).
     */
    public synchronized CameraHub addReplyCardLine(String serialNo, int channel, Duration window) {
        return addReplyCardLine(serialNo, channel, window, null);
    }

    /** As above; {@code ackWait} > 0 when the camera pushes the card's answers back ({@code SerialData}). */
    public synchronized CameraHub addReplyCardLine(String serialNo, int channel, Duration window, Duration ackWait) {
        if (fallback == null) {
            throw new IllegalStateException("no push server for camera " + serialNo);
        }
        ReplySerialLink link = new ReplySerialLink(fallback, serialNo, channel, window, ackWait);
        link.open();
        cardLinks.put(serialNo, link);
        return this;
    }

    /** The adapter of this camera id. */
    public synchronized Optional<LaneCamera> camera(String cameraId) {
        return Optional.ofNullable(cameras.get(cameraId));
    }

    public synchronized List<LaneCamera> cameras() {
        return List.copyOf(cameras.values());
    }

    /** Starts every adapter (the fallback is started by its owner). */
    @Override
    public void start() throws IOException {
        for (LaneCamera c : cameras()) {
            c.start();
        }
    }

    @Override
    public CompletableFuture<CommandOutcome> queueForCamera(String serialNo, CameraReply reply, Duration window) {
        LaneCamera c;
        synchronized (this) {
            c = cameras.get(serialNo);
        }
        if (c != null) {
            return c.deliver(reply, window);
        }
        if (fallback == null) {
            return CompletableFuture.completedFuture(CommandOutcome.of(CommandOutcome.Status.REJECTED,
                    "no camera " + serialNo));
        }
        return fallback.queueForCamera(serialNo, reply, window);
    }

    @Override
    public synchronized Optional<GateController> gateFor(String serialNo) {
        CameraGate g = gates.get(serialNo);
        return g != null ? Optional.of(g) : fallback == null ? Optional.empty() : fallback.gateFor(serialNo);
    }

    @Override
    public com.boothdesk.devices.gate.GateState gateState(String serialNo) {
        LaneCamera c;
        synchronized (this) {
            c = cameras.get(serialNo);
        }
        if (c != null) {
            return c.gateState();
        }
        return fallback == null ? com.boothdesk.devices.gate.GateState.UNKNOWN : fallback.gateState(serialNo);
    }

    @Override
    public void addGateStateListener(java.util.function.BiConsumer<String, com.boothdesk.devices.gate.GateState> l) {
        if (fallback != null) {
            fallback.addGateStateListener(l);
        }
    }

    @Override
    public synchronized Optional<SerialLink> cardLinkFor(String serialNo) {
        SerialLink l = cardLinks.get(serialNo);
        return l != null ? Optional.of(l) : fallback == null ? Optional.empty() : fallback.cardLinkFor(serialNo);
    }

    @Override
    public void onSerialReceived(String serialNo, Consumer<com.boothdesk.devices.camera.SerialPayload> receiver) {
        LaneCamera c;
        synchronized (this) {
            c = cameras.get(serialNo);
        }
        if (c != null) {
            c.onSerialReceived(receiver);
        } else if (fallback != null) {
            fallback.onSerialReceived(serialNo, receiver);
        }
    }

    /** Health of one camera: its adapter's, or UNKNOWN for a camera the hub does not drive. */
    public DeviceHealth cameraHealth(String cameraId) {
        LaneCamera c;
        synchronized (this) {
            c = cameras.get(cameraId);
        }
        return c == null ? DeviceHealth.UNKNOWN : c.health().health();
    }

    /**
     * Without adapters: exactly the push server's health. With adapters: CONNECTED while every adapter answers (and
     * the push server is fine or has not been needed yet), DEGRADED naming the silent cameras, else the server's.
     */
    @Override
    public HealthStatus health() {
        HealthStatus f = fallback == null ? null : fallback.health();
        List<LaneCamera> all = cameras();
        if (all.isEmpty() && f != null) {
            return f;
        }
        List<String> bad = new ArrayList<>();
        for (LaneCamera c : all) {
            if (!c.health().health().isFine()) {
                bad.add(c.cameraId());
            }
        }
        if (!bad.isEmpty()) {
            health.update(DeviceHealth.DEGRADED, "not answering: " + bad);
        } else if (f == null || f.health().isFine() || f.health() == DeviceHealth.UNKNOWN) {
            health.update(DeviceHealth.CONNECTED, all.size() + " camera adapter(s) answering");
        } else {
            return f;
        }
        return health.health();
    }

    @Override
    public void addHealthListener(Consumer<HealthStatus> listener) {
        health.addHealthListener(listener);
        if (fallback != null) {
            fallback.addHealthListener(listener);
        }
    }

    /** Closes every adapter (not the fallback, which its owner closes). */
    @Override
    public void close() {
        for (LaneCamera c : cameras()) {
            c.close();
        }
    }
}
