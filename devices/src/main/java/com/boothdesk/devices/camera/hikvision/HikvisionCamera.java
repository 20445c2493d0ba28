package com.boothdesk.devices.camera.hikvision;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.PlateEventHandler;
import com.boothdesk.devices.camera.SerialPayload;
import com.boothdesk.devices.camera.common.AbstractLaneCamera;
import com.boothdesk.devices.camera.common.BarrierCommand;
import com.boothdesk.devices.camera.common.CameraCapability;
import com.boothdesk.devices.camera.common.CameraHttpClient;
import com.boothdesk.devices.camera.common.CameraKind;
import com.boothdesk.devices.camera.common.EventStream;
import com.boothdesk.devices.camera.common.Multipart;
import com.boothdesk.devices.camera.common.StreamEventAssembler;
import com.boothdesk.devices.camera.common.LaneCamera;
import com.boothdesk.devices.camera.common.LogText;
import com.boothdesk.devices.camera.common.PushAnswer;
import com.boothdesk.devices.camera.common.PushRequest;
import com.boothdesk.devices.camera.common.PushTarget;
import com.boothdesk.devices.camera.common.WhiteListDiff;
import com.boothdesk.devices.camera.common.WhiteListPlate;
import com.boothdesk.devices.card.CommandOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Hikvision ANPR camera: its plate events arrive as pushes ({@link #onPush}, decoded by {@link HikvisionEvents}),
 * the barrier, snapshot, white list and clock go out as ISAPI requests with digest authentication. The barrier's
 * position is read back after every command and every {@code poll} (which also tells the camera's health when no car
 * comes). The camera has no RS485 pass-through over ISAPI that we could find: card frames are refused.
 */
public final class HikvisionCamera extends AbstractLaneCamera implements PushTarget {
    private static final Logger LOG = LoggerFactory.getLogger(HikvisionCamera.class);
    private static final String XML = "application/xml; charset=UTF-8";

    private final CameraHttpClient isapi;
    private final int channel;
    private final Set<InetAddress> peers;
    private final Duration poll;
    private final ScheduledExecutorService timer;
    private final WhiteListDiff whiteList = new WhiteListDiff();
    private volatile Duration streamIdle;
    private volatile EventStream stream;

    public HikvisionCamera(String cameraId, CameraHttpClient isapi, int channel, Set<InetAddress> peers,
                           PlateEventHandler handler, Clock clock, Duration poll) {
        super(cameraId, handler, clock, poll.multipliedBy(3).plusSeconds(30));
        this.isapi = Objects.requireNonNull(isapi, "isapi");
        this.channel = channel;
        this.peers = Set.copyOf(peers);
        this.poll = poll;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hikvision-" + cameraId + "-poll");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CameraKind kind() {
        return CameraKind.HIKVISION;
    }

    @Override
    public Set<CameraCapability> capabilities() {
        return EnumSet.of(CameraCapability.CLOSE, CameraCapability.KEEP_OPEN, CameraCapability.GATE_STATE,
                CameraCapability.SNAPSHOT, CameraCapability.WHITE_LIST, CameraCapability.CLOCK);
    }

    /**
     * Reads the camera's events from its alert stream ({@code GET /ISAPI/Event/notification/alertStream}, the booth
     * connects) instead of waiting for its pushes; {@code idle} is how long the stream may stay silent (the camera
     * sends a heartbeat every few seconds) before it is taken as lost and reconnected. Call before {@link #start}.
     */
    public HikvisionCamera withAlertStream(Duration idle) {
        this.streamIdle = Objects.requireNonNull(idle, "idle");
        return this;
    }

    /** The alert stream, when this camera is read that way (tests, health). */
    public java.util.Optional<EventStream> alertStream() {
        return java.util.Optional.ofNullable(stream);
    }

    @Override
    public void start() {
        if (streamIdle != null && stream == null) {
            StreamEventAssembler groups = new StreamEventAssembler(HikvisionEvents::pictureCount, this::onStreamEvent);
            stream = isapi.stream(cameraId, HikvisionIsapi.alertStreamPath(), streamIdle, 4 * 1024 * 1024,
                    streamListener(groups, "alert stream"));
            stream.start();
        }
        timer.scheduleWithFixedDelay(() -> readState("poll"), 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean allows(InetAddress peer) {
        return peers.contains(peer);
    }

    @Override
    public PushAnswer onPush(PushRequest request) {
        HikvisionEvents.Decoded d;
        try {
            d = HikvisionEvents.decode(request.contentType(), request.body(), cameraId,
                    request.peer().getHostAddress(), clock.instant());
        } catch (IllegalArgumentException e) {
            LOG.warn("camera {} pushed an event that cannot be read ({} bytes, {}): {}", cameraId,
                    request.body().length, LogText.cut(request.contentType()), LogText.cut(e.getMessage()));
            return PushAnswer.text(400, "cannot read the event: " + e.getMessage());
        }
        if (d instanceof HikvisionEvents.Plate p) {
            CameraReply reply = dispatch(p.event());
            if (!reply.isEmpty()) {
                deliver(reply, Duration.ofSeconds(2));
            }
        } else {
            heard();
            if (d instanceof HikvisionEvents.Other o) {
                LOG.debug("camera {} event {} ignored", cameraId, LogText.cut(o.eventType()));
            }
        }
        return PushAnswer.text(200, "OK");
    }

    /** One event of the alert stream (the event part and its pictures). */
    private void onStreamEvent(List<Multipart.Part> parts) {
        HikvisionEvents.Decoded d;
        String peer = isapi.base().getHost();
        try {
            d = HikvisionEvents.decodeParts(parts, cameraId, peer, clock.instant());
        } catch (IllegalArgumentException e) {
            LOG.warn("camera {}: an alert-stream event cannot be read ({} part(s)): {}", cameraId, parts.size(),
                    LogText.cut(e.getMessage()));
            return;
        }
        if (d instanceof HikvisionEvents.Plate p) {
            CameraReply reply = dispatch(p.event());
            if (!reply.isEmpty()) {
                deliver(reply, Duration.ofSeconds(2));
            }
        } else {
            heard();
        }
    }

    private void readState(String why) {
        try {
            onCommandThread(() -> {
                try {
                    CameraHttpClient.Response r = isapi.get(HikvisionIsapi.barrierStatusPath(channel));
                    if (r.ok()) {
                        heard();
                        gateState = HikvisionIsapi.barrierState(r.body());
                    } else {
                        unreachable("barrierGateStatus answered HTTP " + r.status());
                    }
                } catch (IOException | IllegalArgumentException e) {
                    unreachable("barrier state not read (" + why + "): " + e.getMessage());
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.debug("camera {} state not read: {}", cameraId, e.toString());
        }
    }

    @Override
    public CompletableFuture<CommandOutcome> barrier(BarrierCommand command) {
        String mode = switch (command) {
            case OPEN -> "open";
            case CLOSE -> "close";
            case KEEP_OPEN -> "lock";
            case RELEASE -> "unlock";
        };
        return command("barrier " + mode, () -> {
            CameraHttpClient.Response r = isapi.put(HikvisionIsapi.barrierPath(channel), XML,
                    HikvisionIsapi.barrierBody(mode));
            heard();
            if (!r.ok()) {
                return CommandOutcome.of(CommandOutcome.Status.NACKED, "barrier " + mode + ": HTTP " + r.status());
            }
            CameraHttpClient.Response s = isapi.get(HikvisionIsapi.barrierStatusPath(channel));
            if (s.ok()) {
                gateState = HikvisionIsapi.barrierState(s.body());
            }
            return CommandOutcome.of(CommandOutcome.Status.ACKED, "barrier " + mode + ", now " + gateState);
        });
    }

    @Override
    public CompletableFuture<CommandOutcome> deliver(CameraReply reply, Duration window) {
        return deliverOpenOnly(reply, window);
    }

    @Override
    public CompletableFuture<CommandOutcome> sendSerial(SerialPayload payload) {
        return LaneCamera.unsupported(this, "RS485 pass-through");
    }

    @Override
    public CompletableFuture<byte[]> snapshot() {
        return onCommandThread(() -> {
            CameraHttpClient.Response r = isapi.get(HikvisionIsapi.snapshotPath(channel));
            if (!r.ok()) {
                throw new IOException("snapshot: HTTP " + r.status());
            }
            heard();
            return r.body();
        });
    }

    @Override
    public CompletableFuture<CommandOutcome> replaceWhiteList(List<WhiteListPlate> plates) {
        return command("white list", () -> {
            WhiteListDiff.Plan plan = whiteList.plan(plates);
            try {
                if (plan.clearFirst()) {
                    check(isapi.put(HikvisionIsapi.whiteListDeletePath(channel), "application/json",
                            HikvisionIsapi.whiteListDeleteBody(List.of(), true)), "clear");
                }
                if (!plan.remove().isEmpty()) {
                    check(isapi.put(HikvisionIsapi.whiteListDeletePath(channel), "application/json",
                            HikvisionIsapi.whiteListDeleteBody(plan.remove(), false)), "remove");
                }
                if (!plan.put().isEmpty()) {
                    check(isapi.put(HikvisionIsapi.whiteListPath(channel), "application/json",
                            HikvisionIsapi.whiteListBody(plan.put(), LocalDateTime.now(clock))), "add");
                }
            } catch (IOException e) {
                whiteList.forget();
                throw e;
            }
            whiteList.applied(plates);
            heard();
            return CommandOutcome.of(CommandOutcome.Status.ACKED, plates.size() + " plate(s) on the camera ("
                    + plan.put().size() + " sent, " + plan.remove().size() + " removed)");
        });
    }

    private static void check(CameraHttpClient.Response r, String what) throws IOException {
        if (!r.ok()) {
            throw new IOException("white list " + what + ": HTTP " + r.status());
        }
    }

    @Override
    public CompletableFuture<CommandOutcome> setClock(LocalDateTime localTime) {
        return command("set clock", () -> {
            CameraHttpClient.Response r = isapi.put(HikvisionIsapi.timePath(), XML,
                    HikvisionIsapi.timeBody(localTime, clock.getZone().getRules().getOffset(clock.instant())));
            return r.ok() ? CommandOutcome.of(CommandOutcome.Status.ACKED, "clock set")
                    : CommandOutcome.of(CommandOutcome.Status.NACKED, "clock: HTTP " + r.status());
        });
    }

    @Override
    public void close() {
        EventStream s = stream;
        if (s != null) {
            s.close();
        }
        timer.shutdownNow();
        super.close();
    }
}
