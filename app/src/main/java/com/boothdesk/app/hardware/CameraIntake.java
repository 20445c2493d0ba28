package com.boothdesk.app.hardware;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.domain.lane.IntakeJournal;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.PlateRead;
import com.boothdesk.app.domain.plate.SafeText;
import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.PlateEvent;
import com.boothdesk.devices.camera.PlateEventHandler;
import com.boothdesk.devices.camera.ZhenshiPushServer;
import com.boothdesk.devices.health.DeviceHealth;

/**
 * Receives plate pushes from the lane cameras over HTTP and hands each to its lane. A push is matched to a lane by
 * the camera's serial number, then by the address it reports; a push of an unconfigured camera is counted (not
 * stored) and answered without action.
 *
 * <p>Durable before acknowledged: every read is written to the {@link IntakeJournal} on the HTTP thread before the
 * camera gets its answer, so a crash after the answer loses no read (the lane shows it again after a restart). For
 * a lane whose barrier is on the camera's relay the HTTP thread waits a short bounded time for the lane's decision
 * and answers the push itself with the open ({@link PushReplies}).
 */
public final class CameraIntake implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CameraIntake.class);
    /** How long a camera-relay lane's push waits for the lane's decision before it is answered without the open. */
    static final Duration REPLY_WAIT = Duration.ofMillis(800);

    private final Map<String, Route> byCamera = new ConcurrentHashMap<>();
    private final ZhenshiPushServer server;
    private final IntakeJournal journal;
    private final Clock clock;
    private final PushReplies replies = new PushReplies();
    private final AtomicLong unknownPushes = new AtomicLong();
    private final AtomicLong lastUnknownLog = new AtomicLong(Long.MIN_VALUE);
    /** Replies carrying a lane's open, until the server says whether they were written to the camera. */
    private final Map<PlateEvent, PushReplies.Slot> opening = java.util.Collections.synchronizedMap(
            new java.util.IdentityHashMap<>());

    private record Route(LaneController lane, boolean replyOpens) {
    }

    /** The endpoint, not yet listening, without a journal (reads are not kept across a crash). */
    private volatile java.util.function.BiConsumer<String, Instant> cameraTimes = (serial, time) -> { };

    public CameraIntake(BoothConfig.Cameras cfg, Clock clock) {
        this(cfg, clock, IntakeJournal.NONE);
    }

    /** The endpoint, not yet listening; lanes are added with {@link #route} before {@link #start}. */
    public CameraIntake(BoothConfig.Cameras cfg, Clock clock, IntakeJournal journal) {
        Set<String> allowed = Set.copyOf(cfg.allowed());
        this.journal = journal;
        this.clock = clock;
        server = new ZhenshiPushServer(new InetSocketAddress(cfg.host(), cfg.port()),
                (InetAddress peer) -> allowed.contains(peer.getHostAddress()), new PlateEventHandler() {
                    @Override
                    public CameraReply onPlate(PlateEvent event) {
                        return CameraIntake.this.onPlate(event);
                    }

                    @Override
                    public void onReplySent(PlateEvent event, CameraReply reply, boolean sent) {
                        PushReplies.Slot slot = opening.remove(event);
                        if (slot != null) {
                            slot.written(sent && reply.openGate());
                        }
                    }
                }, clock);
    }

    public void start() throws IOException {
        server.start();
        LOG.info("Camera pushes accepted on port {} for cameras {}", server.port(), byCamera.keySet());
    }

    /** Pushes of {@code camera} (its serialno or ipaddr) go to {@code lane}. */
    public void route(String camera, LaneController lane) {
        route(camera, lane, false);
    }

    /** As {@link #route(String, LaneController)}; {@code replyOpens}: the lane's barrier is on this camera's relay. */
    public void route(String camera, LaneController lane, boolean replyOpens) {
        byCamera.put(camera, new Route(lane, replyOpens));
        server.registerCamera(camera); // identity and health are kept only for configured cameras
    }

    /** shiftops: each live read's camera time (serial, time), for the booth's clock watch. */
    public void onCameraTime(java.util.function.BiConsumer<String, Instant> listener) {
        cameraTimes = java.util.Objects.requireNonNull(listener);
    }

    public int port() {
        return server.port();
    }

    /** The push server, which is also the camera-relay gate route's way to the cameras. */
    public ZhenshiPushServer server() {
        return server;
    }

    /** Where camera-relay lanes put the open that answers the push being decided. */
    public PushReplies replies() {
        return replies;
    }

    /**
     * A configured camera's health: CONNECTED while it pushes or beats its heartbeat, OFFLINE once both stopped for
     * the server's stale time; UNKNOWN for a camera that is not configured (nothing is kept for those).
     */
    public DeviceHealth cameraHealth(String camera) {
        return byCamera.containsKey(camera) ? server.cameraHealth(camera) : DeviceHealth.UNKNOWN;
    }

    /** Pushes from cameras no lane is configured for, since the start (counted, never stored). */
    public long unknownPushes() {
        // the push server turns most of them away before the handler; a camera known by its address only is not
        return unknownPushes.get() + server.unknownCameraPushes();
    }

    private CameraReply onPlate(PlateEvent e) {
        Route route = byCamera.get(e.serialNo());
        if (route == null) {
            route = byCamera.get(e.ipAddr());
        }
        if (route == null) {
            long n = unknownPushes.incrementAndGet();
            long now = clock.millis();
            long last = lastUnknownLog.get();
            if (now - last >= 60_000 && lastUnknownLog.compareAndSet(last, now)) {
                LOG.warn("Plate push from an unconfigured camera (serialno '{}', ipaddr '{}', peer {}); ignored"
                        + " ({} such pushes so far, logged once a minute)", SafeText.of(e.serialNo(), 32),
                        SafeText.of(e.ipAddr(), 40), SafeText.of(e.sourceAddress(), 40), n);
            }
            return CameraReply.none();
        }
        if (!e.offline() && e.cameraTime() != null) {
            cameraTimes.accept(SafeText.of(e.serialNo(), 32), e.cameraTime()); // shiftops: the clock watch
        }
        LaneController lane = route.lane();
        PlateRead read = new PlateRead(lane.lane().id(), e.plate() == null ? "" : e.plate(), e.colorCode(),
                e.confidence(), e.readAt(), e.fullImage(), SafeText.of(e.serialNo(), 32), e.plateImage(),
                e.cameraTimeUnknown(), e.noPlateByType());
        Instant received = clock.instant();
        long id;
        try {
            id = journal.record(read, e.offline(), received);
        } catch (RuntimeException ex) {
            // not durable: do not answer as if it were; the camera re-pushes an unanswered read
            LOG.error("Lane {}: the read '{}' could not be journaled ({}); the camera is not acknowledged",
                    lane.lane().id(), SafeText.plate(e.plate()), SafeText.of(ex.toString(), 200));
            throw ex;
        }
        if (!route.replyOpens() || e.offline()) {
            lane.onCameraRead(read, e.offline(), id);
            return CameraReply.none();
        }
        PushReplies.Slot slot = replies.begin(lane.lane().id());
        try {
            CompletableFuture<Void> decided = lane.onCameraRead(read, false, id);
            try {
                CompletableFuture.anyOf(decided, slot.openRequested())
                        .get(REPLY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException ex) {
                LOG.debug("Lane {}: no decision within {} ms; answered without the open", lane.lane().id(),
                        REPLY_WAIT.toMillis());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            if (slot.close()) {
                opening.put(e, slot); // the lane's open counts once the server wrote this reply
                return CameraReply.open(java.util.List.of());
            }
            return CameraReply.none();
        } finally {
            replies.end(lane.lane().id(), slot);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
